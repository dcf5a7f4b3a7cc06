// Oversized bodies: the client always receives the 413, also while it is still
// sending (a 5 MiB body written in slow pieces, many at once), with Content-Length
// and chunked without it; the connection is not reset under it.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/app.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness({ RUN_WORKER: 'false' });
  token = (await h.user()).token;
});
afterAll(() => h?.close());

const BODY_BYTES = 5 * 1024 * 1024;
const PIECE = 64 * 1024;

/**
 * Sends a 5 MiB JSON body over a raw socket in pieces with pauses between them, and
 * reads the answer only once all of it is sent, as simple clients do; resolves with
 * the status and error code, or rejects when the connection was reset.
 */
function slowUpload(path: string, framing: 'content-length' | 'chunked'): Promise<{ status: number; code: string | undefined }> {
  const { port } = new URL(h.url);
  const body = Buffer.from(JSON.stringify({ displayName: 'x'.repeat(BODY_BYTES) }));
  const method = path.startsWith('/api') ? 'PATCH' : 'POST';
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Authorization: Bearer ${token}`,
    'Content-Type: application/json',
    framing === 'content-length' ? `Content-Length: ${body.length}` : 'Transfer-Encoding: chunked',
    '',
    '',
  ].join('\r\n');
  const frame = (piece: Buffer) =>
    framing === 'chunked' ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    const received: Buffer[] = [];
    socket.on('error', reject);
    socket.pause();
    const finish = () => {
      const text = Buffer.concat(received).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const json = text.slice(text.indexOf('\r\n\r\n') + 4);
      const code = /"code":"([A-Z_]+)"/.exec(json)?.[1];
      socket.destroy();
      resolve({ status, code });
    };
    socket.on('connect', async () => {
      socket.write(head);
      for (let offset = 0, n = 0; offset < body.length; offset += PIECE, n++) {
        const ok = socket.write(frame(body.subarray(offset, offset + PIECE)));
        if (!ok) await new Promise((r) => socket.once('drain', r));
        if (n % 8 === 7) await new Promise((r) => setTimeout(r, 100));
        if (socket.destroyed) return;
      }
      if (framing === 'chunked') socket.write('0\r\n\r\n');
      // Everything is sent: now read the answer.
      socket.on('data', (d: Buffer) => {
        received.push(d);
        const text = Buffer.concat(received).toString('utf8');
        const at = text.indexOf('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? -1);
        if (at >= 0 && length >= 0 && Buffer.byteLength(text.slice(at + 4)) >= length) finish();
      });
      socket.on('end', finish);
      socket.resume();
    });
  });
}

describe(`bodies over ${MAX_BODY_BYTES} bytes`, () => {
  it.each(['content-length', 'chunked'] as const)(
    'are answered 413 while still being sent (%s), twelve at once',
    async (framing) => {
      const paths = ['/api/users/me', '/trpc/users.updateMe'];
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => slowUpload(paths[i % 2]!, framing)));
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value : { status: 0, code: String((r.reason as Error).message) }));
      expect(outcomes).toEqual(outcomes.map(() => ({ status: 413, code: 'PAYLOAD_TOO_LARGE' })));
      // The server still serves, and nothing was changed.
      const me = await h.caller(token).users.me();
      expect(me.displayName ?? '').not.toMatch(/^x+$/);
    },
    60_000,
  );
});
