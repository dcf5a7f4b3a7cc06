import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrCreateLocalIssuer } from '@ap/auth/local-issuer';
import { createJwksAuthenticator } from '@ap/auth/jwks';
import { parseEnv } from '@ap/config/env';
import { testBlobConnectionString, testDatabaseUrl } from '@ap/testing/db';
import { startServer } from '../src/server.ts';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function runCli(args: string[], env: Record<string, string | undefined>) {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(tsx, ['apps/server/src/token.ts', ...args], { cwd: root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const decodeJwt = (t: string): { exp?: number; iat?: number } => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString('utf8'));
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;
const devEnv = (dataDir: string) => ({ DATA_DIR: dataDir, NODE_ENV: 'development', CLERK_ISSUER: undefined });

describe('npm run token', () => {
  it('prints a token the local issuer JWKS verifies, with a stable user id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ap-token-cli-'));
    const first = await runCli(['--email', 'Alice@Example.com', '--name', 'Alice', '--ttl', '3600'], devEnv(dir));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/alice@example\.com/);
    const token = lastLine(first.stdout);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const issuer = await loadOrCreateLocalIssuer(dir);
    const auth = createJwksAuthenticator({ issuer: issuer.issuer, fetchJwks: async () => issuer.jwks });
    const user = await auth.authenticate(`Bearer ${token}`);
    expect(user.clerkId).toMatch(/^user_local_/);
    expect(user.email).toBe('alice@example.com');
    expect(user.name).toBe('Alice');
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(3600);

    const second = await runCli(['--email=alice@example.com'], devEnv(dir));
    expect(second.code, second.stderr).toBe(0);
    // The key directory is named; a newly made key is called out (a server with another DATA_DIR refuses it).
    expect(first.stderr).toContain(resolve(dir));
    expect(first.stderr).toMatch(/NEW signing key/);
    expect(second.stderr).toContain(resolve(dir));
    expect(second.stderr).not.toMatch(/NEW signing key/);
    const again = await auth.authenticate(`Bearer ${lastLine(second.stdout)}`);
    expect(again.clerkId).toBe(user.clerkId);
    expect(decodeJwt(lastLine(second.stdout)).exp! - decodeJwt(lastLine(second.stdout)).iat!).toBe(24 * 60 * 60);

    const other = await runCli(['--email', 'bob@example.com'], devEnv(dir));
    expect(other.code, other.stderr).toBe(0);
    expect((await auth.authenticate(`Bearer ${lastLine(other.stdout)}`)).clerkId).not.toBe(user.clerkId);

    const mapping = JSON.parse(await readFile(join(dir, 'local-users.json'), 'utf8'));
    expect(mapping).toEqual({ 'alice@example.com': user.clerkId, 'bob@example.com': expect.stringMatching(/^user_local_/) });
  });

  it('exits non-zero with a usage message on missing or bad arguments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ap-token-cli-'));
    const missing = await runCli([], devEnv(dir));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--email/);
    expect(missing.stdout).toBe('');
    const bad = await runCli(['--email', 'not-an-email'], devEnv(dir));
    expect(bad.code).toBe(2);
    const badTtl = await runCli(['--email', 'a@b.co', '--ttl', '-5'], devEnv(dir));
    expect(badTtl.code).not.toBe(0);
    expect(badTtl.stdout).toBe('');
  });

  it('refuses in production and when CLERK_ISSUER is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ap-token-cli-'));
    const prod = await runCli(['--email', 'a@b.co'], { ...devEnv(dir), NODE_ENV: 'production' });
    expect(prod.code).not.toBe(0);
    expect(prod.stdout).toBe('');
    expect(prod.stderr).toMatch(/production/);
    const clerk = await runCli(['--email', 'a@b.co'], { ...devEnv(dir), CLERK_ISSUER: 'https://example.clerk.accounts.dev' });
    expect(clerk.code).not.toBe(0);
    expect(clerk.stdout).toBe('');
    expect(clerk.stderr).toMatch(/CLERK_ISSUER/);
  });

  it('a server with another DATA_DIR answers 401 naming the key directory it trusts', async () => {
    const serverDir = await mkdtemp(join(tmpdir(), 'ap-server-key-'));
    const otherDir = await mkdtemp(join(tmpdir(), 'ap-token-key-'));
    const env = parseEnv({
      NODE_ENV: 'development',
      PORT: '0',
      DATABASE_URL: testDatabaseUrl(),
      MIGRATE_ON_START: 'false',
      DATA_DIR: serverDir,
      AZURE_STORAGE_CONNECTION_STRING: testBlobConnectionString(),
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(env, { quiet: true });
    try {
      const made = await runCli(['--email', 'bob@example.com'], devEnv(otherDir));
      expect(made.stderr).toContain(resolve(otherDir));
      const res = await fetch(`${server.url}/api/users/me`, { headers: { authorization: `Bearer ${lastLine(made.stdout)}` } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toContain(resolve(serverDir));
    } finally {
      await server.close();
    }
  });
});
