import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { loadOrCreateLocalIssuer, LOCAL_ISSUER } from '../src/local-issuer.ts';
import { createJwksAuthenticator } from '../src/jwks.ts';
import { AuthError } from '../src/types.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'ap-local-issuer-'));

describe('loadOrCreateLocalIssuer', () => {
  it('persists the key with mode 0600 and reuses it across loads', async () => {
    const dir = join(await tempDir(), 'nested', 'data');
    const first = await loadOrCreateLocalIssuer(dir);
    const file = join(dir, 'local-issuer.json');
    const st = await stat(file);
    expect(st.mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored.issuer).toBe(LOCAL_ISSUER);
    expect(first.issuer).toBe(LOCAL_ISSUER);

    const second = await loadOrCreateLocalIssuer(dir);
    expect(second.jwks).toEqual(first.jwks);
    // A token from one load verifies with the other's JWKS.
    const token = await first.sign({ sub: 'user_local_1' });
    const a = createJwksAuthenticator({ issuer: second.issuer, fetchJwks: async () => second.jwks });
    expect((await a.authenticate(`Bearer ${token}`)).clerkId).toBe('user_local_1');
  });

  it('publishes only the public key', async () => {
    const issuer = await loadOrCreateLocalIssuer(await tempDir());
    expect(issuer.jwks.keys).toHaveLength(1);
    const [key] = issuer.jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(typeof key!.kid).toBe('string');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(secret);
  });

  it('concurrent loads produce one key', async () => {
    const dir = await tempDir();
    const issuers = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateLocalIssuer(dir)));
    const kids = new Set(issuers.map((i) => i.jwks.keys[0]!.kid));
    expect(kids.size).toBe(1);
    const again = await loadOrCreateLocalIssuer(dir);
    expect(again.jwks.keys[0]!.kid).toBe([...kids][0]);
  });

  it('signs tokens that verify through the JWKS authenticator', async () => {
    const issuer = await loadOrCreateLocalIssuer(await tempDir());
    const a = createJwksAuthenticator({ issuer: issuer.issuer, fetchJwks: async () => issuer.jwks });
    const token = await issuer.sign({ sub: 'user_local_abc', email: 'alice@example.com', name: 'Alice' });
    const user = await a.authenticate(`Bearer ${token}`);
    expect(user).toMatchObject({ clerkId: 'user_local_abc', email: 'alice@example.com', name: 'Alice' });
    expect(user.sessionId).toMatch(/^sess_/);
    const claims = decodeJwt(token);
    expect(claims.v).toBe(2);
    expect(claims.iss).toBe(LOCAL_ISSUER);
    expect(claims.exp! - claims.iat!).toBe(24 * 60 * 60);
    expect(claims.nbf).toBeLessThanOrEqual(claims.iat!);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: issuer.jwks.keys[0]!.kid });
  });

  it('honours ttlSec, and omits email/name when not given', async () => {
    const issuer = await loadOrCreateLocalIssuer(await tempDir());
    const token = await issuer.sign({ sub: 'user_local_ttl', ttlSec: 60 });
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('name');
  });

  it('a token of another local issuer (other data dir) is refused', async () => {
    const mine = await loadOrCreateLocalIssuer(await tempDir());
    const other = await loadOrCreateLocalIssuer(await tempDir());
    const a = createJwksAuthenticator({ issuer: mine.issuer, fetchJwks: async () => mine.jwks });
    const err = await a.authenticate(`Bearer ${await other.sign({ sub: 'user_x' })}`).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
  });

  it('refuses a corrupt file instead of replacing it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'local-issuer.json'), '{not json');
    await expect(loadOrCreateLocalIssuer(dir)).rejects.toThrow(/local-issuer\.json/);
  });
});
