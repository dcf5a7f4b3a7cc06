// The server as an operating-system process: `npm start` is the server (a signal to the
// PID npm got stops it; it runs with the start script's memory settings), and shutdown
// drains in-flight requests for up to 30 s while refusing new ones.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appBundle } from '@ap/testing/bundles';
import { testBlobConnectionString, testDatabaseUrl } from '@ap/testing/db';
import { startTestIssuer } from '@ap/testing/issuer';
import { startHarness } from './harness.ts';

const root = resolve(import.meta.dirname, '../../..');

/** The arguments and environment of the process in npm's process group that runs scripts/start.mjs. */
async function serverProcess(group: number): Promise<{ cmdline: string[]; environ: string[] }> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // pgrp is the third field after the parenthesized command name.
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== group) continue;
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    if (cmdline.some((a) => a.endsWith('scripts/start.mjs'))) {
      return { cmdline, environ: (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0') };
    }
  }
  throw new Error('no process runs scripts/start.mjs');
}

async function down(url: string): Promise<boolean> {
  // Polls until nothing listens (or gives up after a generous number of tries).
  for (let i = 0; i < 80; i++) {
    const up = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (!up) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to the PID npm start gave stops the server',
    async (signal) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'ap-npm-start-'));
      // Its own process group, so that whatever it leaves behind can be cleaned up afterwards.
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: root,
        detached: true,
        env: {
          ...process.env,
          DATABASE_URL: testDatabaseUrl(),
          PORT: '0',
          HOST: '127.0.0.1',
          MIGRATE_ON_START: 'false',
          LOG_LEVEL: 'info',
          DATA_DIR: dataDir,
          EMBEDDED_BLOB_PORT: '0',
          CLERK_ISSUER: '',
          NODE_ENV: 'development',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      npm.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<void>((r) => npm.once('exit', () => r()));
      try {
        const url = await new Promise<string>((ok, fail) => {
          let out = '';
          npm.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /"url":"(http:[^"]+)","msg":"listening"/.exec(out);
            if (m) ok(m[1]!);
          });
          npm.once('exit', (code) => fail(new Error(`npm start exited (${code}): ${stderr}`)));
        });
        expect((await fetch(`${url}/health/live`)).status).toBe(200);
        // The bundle it runs finds what the sources find: migrations, the docs' script, the router.
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
        const script = await fetch(`${url}/docs/scalar.js`);
        expect(script.status).toBe(200);
        expect((await script.text()).length).toBeGreaterThan(100_000);
        expect(Object.keys(((await (await fetch(`${url}/openapi.json`)).json()) as { paths: object }).paths)).toContain('/boards');
        // No update notice and no workspace-cycle warning at start-up.
        expect(stderr).not.toMatch(/update available|cyclic workspace/i);
        // The server runs with the start script's memory settings (README, "Memory").
        const server = await serverProcess(npm.pid!);
        expect(server.cmdline).toContain('--max-semi-space-size=4');
        expect(server.environ).toContain('MALLOC_MMAP_THRESHOLD_=131072');
        process.kill(npm.pid!, signal);
        await exited;
        expect(await down(url)).toBe(true);
      } finally {
        try {
          process.kill(-npm.pid!, 'SIGKILL');
        } catch {}
      }
    },
    120_000,
  );
});

describe('shutdown drain', () => {
  it('stops taking new requests at once and lets one in flight for longer than 5 s finish', async () => {
    const s = await startHarness();
    const { token } = await s.issuer.newUser({ email: 'drain@example.test' });
    const body = JSON.stringify({ displayName: 'Drained' });
    const { port } = new URL(s.url);
    const response = new Promise<{ status: number; text: string }>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'PATCH',
          path: '/api/users/me',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => ok({ status: res.statusCode!, text }));
        },
      );
      req.on('error', fail);
      // Half the body now, the rest after shutdown has begun and 5 s have passed.
      req.write(body.slice(0, 5));
      setTimeout(() => req.end(body.slice(5)), 6_000);
    });
    await new Promise((r) => setTimeout(r, 200));
    const closing = s.server.close();
    // While it drains: not ready, still alive, and new calls are sent elsewhere.
    const ready = await fetch(`${s.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ reason: 'shutting down' });
    expect((await fetch(`${s.url}/health/live`)).status).toBe(200);
    const refused = await fetch(`${s.url}/api/users/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const res = await response;
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ displayName: 'Drained' });
    await closing;
    // Then it stops listening.
    await expect(fetch(`${s.url}/health/live`)).rejects.toThrow();
    await s.issuer.close();
  }, 60_000);
});

describe('SIGTERM to the server process', () => {
  it('readiness 503 at once; the request in flight finishes, live streams end, the process exits 0', async () => {
    const issuer = await startTestIssuer();
    const server = spawn(process.execPath, [appBundle('server')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: testDatabaseUrl(),
        AZURE_STORAGE_CONNECTION_STRING: testBlobConnectionString(),
        CLERK_ISSUER: issuer.issuer,
        PORT: '0',
        HOST: '127.0.0.1',
        MIGRATE_ON_START: 'false',
        RUN_WORKER: 'true',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /"url":"(http:[^"]+)","msg":"listening"/.exec(out);
          if (m) ok(m[1]!);
        });
        server.once('exit', (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
      });
      const { token } = await issuer.newUser({ email: 'sigterm@example.test' });
      const auth = { authorization: `Bearer ${token}` };
      expect((await fetch(`${url}/api/users/me`, { headers: auth })).status).toBe(200);

      // A live stream, open.
      const stream = await fetch(`${url}/trpc/notifications.onNew?input=${encodeURIComponent('{}')}`, {
        headers: { ...auth, accept: 'text/event-stream' },
      });
      expect(stream.status).toBe(200);
      const streamEnded = (async () => {
        const reader = stream.body!.getReader();
        try {
          while (!(await reader.read()).done);
        } catch {}
      })();

      // A request in flight: half its body now, the rest 3 s after the signal.
      const { port } = new URL(url);
      const body = JSON.stringify({ displayName: 'Finished after SIGTERM' });
      const inFlight = new Promise<number>((ok, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'PATCH',
            path: '/api/users/me',
            headers: { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => ok(res.statusCode!));
          },
        );
        req.on('error', fail);
        req.write(body.slice(0, 5));
        setTimeout(() => req.end(body.slice(5)), 3_500);
      });
      await new Promise((r) => setTimeout(r, 300));

      server.kill('SIGTERM');
      await expect.poll(async () => (await fetch(`${url}/health/ready`)).status, { timeout: 2_000, interval: 50 }).toBe(503);
      await streamEnded;
      expect(await inFlight).toBe(200);
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/Error/);
    } finally {
      server.kill('SIGKILL');
      await issuer.close();
    }
  }, 120_000);
});
