// `npm run worker` as a process: starts against DATABASE_URL and a storage account
// (an Azurite here), stops gracefully on SIGTERM with exit code 0, and refuses to
// start without DATABASE_URL or without a storage account.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedAzurite } from '@ap/storage/embedded-azurite';
import { appBundle } from '@ap/testing/bundles';
import { testDatabaseUrl } from '@ap/testing/db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function startWorker(env: Record<string, string | undefined>) {
  const { DATABASE_URL: _omit, ...inherited } = process.env;
  const child = spawn(process.execPath, [appBundle('worker')], {
    cwd: root,
    env: { ...inherited, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let azurite: Awaited<ReturnType<typeof startEmbeddedAzurite>>;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ap-worker-blob-'));
  azurite = await startEmbeddedAzurite({ dataDir, port: 0 });
});
afterAll(async () => {
  await azurite.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('worker process', () => {
  it('starts against DATABASE_URL and exits 0 on SIGTERM after stopping the runner', async () => {
    const w = startWorker({ DATABASE_URL: testDatabaseUrl(), AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
    try {
      await until(() => w.out().includes('job runner started') || w.child.exitCode !== null, 20_000);
      expect(w.child.exitCode, w.err()).toBeNull();
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
      const lines = w
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; service: string });
      expect(lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['job queue started', 'job runner started', 'worker stopping', 'job queue stopped']),
      );
      expect(lines.every((l) => l.service === 'worker')).toBe(true);
    } finally {
      w.child.kill('SIGKILL');
    }
  }, 30_000);

  it('without DATABASE_URL, says the embedded database belongs to the server and exits 1', async () => {
    const w = startWorker({});
    expect(await w.exited).toBe(1);
    expect(w.err()).toMatch(/DATABASE_URL/);
    expect(w.err()).toMatch(/embedded/);
    expect(w.err()).toMatch(/RUN_WORKER/);
  }, 30_000);

  it('without a storage account, says the embedded Azurite belongs to the server and exits 1', async () => {
    const w = startWorker({ DATABASE_URL: testDatabaseUrl() });
    expect(await w.exited).toBe(1);
    expect(w.err()).toMatch(/AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL/);
  }, 30_000);
});
