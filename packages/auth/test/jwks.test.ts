import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, base64url } from 'jose';
import { createTestKey, startTestIssuer, DEFAULT_AZP, type TestIssuer } from '@ap/testing/issuer';
import { createJwksAuthenticator, type JwksAuthenticatorOptions } from '../src/jwks.ts';
import { AuthError } from '../src/types.ts';

let iss: TestIssuer;

beforeAll(async () => {
  iss = await startTestIssuer();
});
afterAll(async () => {
  await iss.close();
});

function auth(o: Partial<JwksAuthenticatorOptions> = {}) {
  return createJwksAuthenticator({ issuer: iss.issuer, jwksUrl: iss.jwksUrl, ...o });
}

async function rejects(p: Promise<unknown>, message: string | RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  if (typeof message === 'string') expect((err as Error).message).toBe(message);
  else expect((err as Error).message).toMatch(message);
}

function bearer(t: string) {
  return `Bearer ${t}`;
}

function unsigned(header: object, payload: object, signature = '') {
  const enc = (o: object) => base64url.encode(JSON.stringify(o));
  return `${enc(header)}.${enc(payload)}.${signature}`;
}

describe('createJwksAuthenticator', () => {
  it('returns the ClerkUser of a valid token, with v2 organization claims', async () => {
    const a = auth();
    const token = await iss.sign({
      sub: 'user_abc',
      claims: {
        sid: 'sess_1',
        o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'read,write' },
        email: 'a@example.com',
        name: 'Alice',
        image_url: 'https://img.example/a.png',
      },
    });
    const u = await a.authenticate(bearer(token));
    expect(u.clerkId).toBe('user_abc');
    expect(u.sessionId).toBe('sess_1');
    expect(u.authorizedParty).toBe(DEFAULT_AZP);
    expect(u.organization).toEqual({ id: 'org_1', slug: 'acme', role: 'org:admin', permissions: ['read', 'write'] });
    expect(u.email).toBe('a@example.com');
    expect(u.name).toBe('Alice');
    expect(u.imageUrl).toBe('https://img.example/a.png');
    expect(u.claims.sub).toBe('user_abc');
  });

  it('reads v1 organization claims and `picture`', async () => {
    const token = await iss.sign({
      claims: { v: 1, org_id: 'org_2', org_slug: 'beta', org_role: 'org:member', picture: 'https://p/x.png' },
    });
    const u = await auth().authenticate(bearer(token));
    expect(u.organization).toEqual({ id: 'org_2', slug: 'beta', role: 'org:member' });
    expect(u.imageUrl).toBe('https://p/x.png');
    expect(u.email).toBeUndefined();
  });

  it('requires a Bearer authorization header', async () => {
    const a = auth();
    const token = await iss.sign();
    await rejects(a.authenticate(undefined), 'Missing bearer token');
    await rejects(a.authenticate(null), 'Missing bearer token');
    await rejects(a.authenticate(''), 'Missing bearer token');
    await rejects(a.authenticate(`Basic ${Buffer.from('u:p').toString('base64')}`), 'Missing bearer token');
    await rejects(a.authenticate(token), 'Missing bearer token');
    await rejects(a.authenticate('Bearer'), 'Missing bearer token');
  });

  it('refuses malformed tokens', async () => {
    const a = auth();
    await rejects(a.authenticate('Bearer not-a-jwt'), 'Malformed token');
    await rejects(a.authenticate('Bearer a.b.c'), 'Malformed token');
    await rejects(a.authenticate('Bearer a b c'), 'Malformed token');
    const token = await iss.sign();
    const [h, , s] = token.split('.');
    await rejects(a.authenticate(bearer(`${h}.!!!.${s}`)), 'Malformed token');
  });

  it('refuses alg none before any key lookup', async () => {
    const before = iss.fetches;
    const a = auth();
    const now = Math.floor(Date.now() / 1000);
    const token = unsigned(
      { alg: 'none', typ: 'JWT', kid: iss.keys[0]!.kid },
      { sub: 'user_x', iss: iss.issuer, exp: now + 300, nbf: now - 5, azp: DEFAULT_AZP },
    );
    await rejects(a.authenticate(bearer(token)), 'Unsupported algorithm');
    expect(iss.fetches).toBe(before);
  });

  it('refuses HS256 (even when signed with the public key bytes as secret)', async () => {
    const before = iss.fetches;
    const a = auth();
    const secret = new TextEncoder().encode(JSON.stringify(iss.keys[0]!.jwk));
    const token = await new SignJWT({ azp: DEFAULT_AZP })
      .setProtectedHeader({ alg: 'HS256', kid: iss.keys[0]!.kid })
      .setSubject('user_x')
      .setIssuer(iss.issuer)
      .setExpirationTime('5m')
      .sign(secret);
    await rejects(a.authenticate(bearer(token)), 'Unsupported algorithm');
    expect(iss.fetches).toBe(before);
  });

  it('refuses a token signed by a key that is not in the JWKS', async () => {
    const a = auth();
    const rogue = await createTestKey();
    // Published kid, wrong key: bad signature.
    const forged = await iss.sign({ key: rogue, kid: iss.keys[0]!.kid });
    await rejects(a.authenticate(bearer(forged)), 'Invalid signature');
    // Its own (unpublished) kid: unknown key.
    const unknown = await iss.sign({ key: rogue });
    await rejects(a.authenticate(bearer(unknown)), 'Unknown signing key');
  });

  it('refuses a tampered payload', async () => {
    const a = auth();
    const token = await iss.sign({ sub: 'user_a' });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p!)));
    payload.sub = 'user_admin';
    await rejects(a.authenticate(bearer(`${h}.${base64url.encode(JSON.stringify(payload))}.${s}`)), 'Invalid signature');
  });

  it('checks exp with the clock skew', async () => {
    const a = auth({ clockSkewSec: 5 });
    await rejects(a.authenticate(bearer(await iss.sign({ expiresIn: -30 }))), 'Token expired');
    const withinSkew = await iss.sign({ expiresIn: -2, notBefore: -60 });
    await expect(a.authenticate(bearer(withinSkew))).resolves.toMatchObject({ claims: expect.any(Object) });
  });

  it('checks nbf with the clock skew', async () => {
    const a = auth({ clockSkewSec: 5 });
    await rejects(a.authenticate(bearer(await iss.sign({ notBefore: 60 }))), 'Token not yet valid');
    await expect(a.authenticate(bearer(await iss.sign({ notBefore: 2 })))).resolves.toBeTruthy();
  });

  it('refuses a token without exp', async () => {
    const a = auth();
    const token = await new SignJWT({ azp: DEFAULT_AZP })
      .setProtectedHeader({ alg: 'RS256', kid: iss.keys[0]!.kid })
      .setSubject('user_x')
      .setIssuer(iss.issuer)
      .sign(iss.keys[0]!.privateKey);
    await rejects(a.authenticate(bearer(token)), /^Invalid token/);
  });

  it('requires iss to equal the issuer exactly', async () => {
    const a = auth();
    await rejects(a.authenticate(bearer(await iss.sign({ issuer: 'https://evil.example' }))), 'Invalid issuer');
    await rejects(a.authenticate(bearer(await iss.sign({ issuer: `${iss.issuer}/` }))), 'Invalid issuer');
  });

  it('requires sub', async () => {
    const a = auth();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ azp: DEFAULT_AZP })
      .setProtectedHeader({ alg: 'RS256', kid: iss.keys[0]!.kid })
      .setIssuer(iss.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(iss.keys[0]!.privateKey);
    await rejects(a.authenticate(bearer(token)), 'Missing subject');
  });

  it('refuses a token without sid (not a session token) or issued in the future', async () => {
    const a = auth();
    const now = Math.floor(Date.now() / 1000);
    const signed = (claims: Record<string, unknown>, iat: number) =>
      new SignJWT({ azp: DEFAULT_AZP, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: iss.keys[0]!.kid })
        .setIssuer(iss.issuer)
        .setSubject('user_sid')
        .setIssuedAt(iat)
        .setExpirationTime(now + 3600)
        .sign(iss.keys[0]!.privateKey);
    await rejects(a.authenticate(bearer(await signed({}, now))), /Missing session id/);
    await rejects(a.authenticate(bearer(await signed({ sid: '' }, now))), /Missing session id/);
    await rejects(a.authenticate(bearer(await signed({ sid: 'sess_1' }, now + 600))), /issued in the future/);
    await expect(a.authenticate(bearer(await signed({ sid: 'sess_1' }, now)))).resolves.toMatchObject({ sessionId: 'sess_1' });
  });

  it('names where its key lives when a token has an unknown signing key (unknownKeyHint)', async () => {
    const a = auth({ unknownKeyHint: 'this server trusts the local key in /srv/data' });
    const token = unsigned({ alg: 'RS256', typ: 'JWT' }, { sub: 'u' }, 'sig');
    await rejects(a.authenticate(bearer(token)), /Unknown signing key \(this server trusts the local key in \/srv\/data\)/);
  });

  it('checks azp against the authorized parties when configured', async () => {
    const a = auth({ authorizedParties: ['https://app.example', DEFAULT_AZP] });
    await expect(a.authenticate(bearer(await iss.sign()))).resolves.toMatchObject({ authorizedParty: DEFAULT_AZP });
    await rejects(a.authenticate(bearer(await iss.sign({ azp: 'https://evil.example' }))), 'Unauthorized party');
    await rejects(a.authenticate(bearer(await iss.sign({ azp: null }))), 'Unauthorized party');
  });

  it('does not check azp when no parties are configured', async () => {
    for (const a of [auth(), auth({ authorizedParties: [] })]) {
      await expect(a.authenticate(bearer(await iss.sign({ azp: 'https://anything.example' })))).resolves.toBeTruthy();
      const u = await a.authenticate(bearer(await iss.sign({ azp: null })));
      expect(u.authorizedParty).toBeUndefined();
    }
  });

  it('caches keys: many verifications, one fetch', async () => {
    const a = auth();
    const before = iss.fetches;
    for (let i = 0; i < 5; i++) await a.authenticate(bearer(await iss.sign()));
    expect(iss.fetches - before).toBe(1);
  });
});

describe('verified tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are remembered, and refused again once expired', async () => {
    const a = auth();
    const token = bearer(await iss.sign({ expiresIn: 60 }));
    const first = await a.authenticate(token);
    expect(await a.authenticate(token)).toEqual(first);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    await rejects(a.authenticate(token), 'Token expired');
  });

  it('are not remembered before they are valid, nor when anything about them fails', async () => {
    const a = auth();
    const early = bearer(await iss.sign({ notBefore: 60 }));
    await rejects(a.authenticate(early), 'Token not yet valid');
    await rejects(a.authenticate(early), 'Token not yet valid');
    const strict = auth({ authorizedParties: ['https://elsewhere.example'] });
    const token = bearer(await iss.sign());
    await a.authenticate(token);
    await rejects(strict.authenticate(token), 'Unauthorized party');
    await rejects(strict.authenticate(token), 'Unauthorized party');
  });
});

describe('key rotation and refetch', () => {
  let local: TestIssuer;
  beforeAll(async () => {
    local = await startTestIssuer();
  });
  afterAll(async () => {
    await local.close();
  });
  const mk = (o: Partial<JwksAuthenticatorOptions> = {}) => createJwksAuthenticator({ issuer: local.issuer, jwksUrl: local.jwksUrl, ...o });

  it('a newly published key works after exactly one refetch', async () => {
    const a = mk();
    await a.authenticate(bearer(await local.sign()));
    const warm = local.fetches;
    const next = await createTestKey();
    local.publish(next);
    const u = await a.authenticate(bearer(await local.sign({ key: next, sub: 'user_rotated' })));
    expect(u.clerkId).toBe('user_rotated');
    expect(local.fetches - warm).toBe(1);
    // Both keys now cached: no further fetch.
    await a.authenticate(bearer(await local.sign({ key: next })));
    await a.authenticate(bearer(await local.sign()));
    expect(local.fetches - warm).toBe(1);
    local.unpublish(next.kid);
  });

  it('unknown kid: one refetch then 401; within the cooldown no further fetch', async () => {
    const a = mk({ refetchCooldownMs: 60_000 });
    await a.authenticate(bearer(await local.sign()));
    const warm = local.fetches;
    const rogue1 = await createTestKey();
    const rogue2 = await createTestKey();
    await rejects(a.authenticate(bearer(await local.sign({ key: rogue1 }))), 'Unknown signing key');
    expect(local.fetches - warm).toBe(1);
    await rejects(a.authenticate(bearer(await local.sign({ key: rogue2 }))), 'Unknown signing key');
    await rejects(a.authenticate(bearer(await local.sign({ key: rogue1 }))), 'Unknown signing key');
    expect(local.fetches - warm).toBe(1);
    // Known keys keep working meanwhile.
    await a.authenticate(bearer(await local.sign()));
    expect(local.fetches - warm).toBe(1);
  });

  it('refetches again once the cooldown has passed', async () => {
    const a = mk({ refetchCooldownMs: 100 });
    await a.authenticate(bearer(await local.sign()));
    const warm = local.fetches;
    const rogue = await createTestKey();
    await rejects(a.authenticate(bearer(await local.sign({ key: rogue }))), 'Unknown signing key');
    await rejects(a.authenticate(bearer(await local.sign({ key: rogue }))), 'Unknown signing key');
    expect(local.fetches - warm).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    local.publish(rogue);
    await expect(a.authenticate(bearer(await local.sign({ key: rogue })))).resolves.toBeTruthy();
    expect(local.fetches - warm).toBe(2);
    local.unpublish(rogue.kid);
  });

  it('a cold start with an unknown kid fetches once', async () => {
    const a = mk();
    const before = local.fetches;
    await rejects(a.authenticate(bearer(await local.sign({ key: await createTestKey() }))), 'Unknown signing key');
    expect(local.fetches - before).toBe(1);
  });

  it('50 concurrent verifications with a cold cache share one fetch', async () => {
    const a = mk();
    local.delayMs = 100;
    try {
      const before = local.fetches;
      const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => local.sign({ sub: `user_c${i}` })));
      const users = await Promise.all(tokens.map((t) => a.authenticate(bearer(t))));
      expect(users.map((u) => u.clerkId)).toEqual(tokens.map((_, i) => `user_c${i}`));
      expect(local.fetches - before).toBe(1);
    } finally {
      local.delayMs = 0;
    }
  });

  it('concurrent unknown kids on a warm cache share one refetch', async () => {
    const a = mk();
    await a.authenticate(bearer(await local.sign()));
    const warm = local.fetches;
    local.delayMs = 50;
    try {
      const tokens = await Promise.all(Array.from({ length: 10 }, async () => local.sign({ key: await createTestKey() })));
      const results = await Promise.allSettled(tokens.map((t) => a.authenticate(bearer(t))));
      expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AuthError)).toBe(true);
      expect(local.fetches - warm).toBe(1);
    } finally {
      local.delayMs = 0;
    }
  });

  it('a remembered token stops working once its key has left the JWKS and the key cache expired', async () => {
    const extra = await createTestKey();
    local.publish(extra);
    const a = mk({ cacheTtlMs: 100 });
    const token = bearer(await local.sign({ key: extra }));
    await a.authenticate(token);
    await a.authenticate(token);
    local.unpublish(extra.kid);
    await new Promise((r) => setTimeout(r, 150));
    await rejects(a.authenticate(token), 'Unknown signing key');
  });

  it('a key removed from the JWKS stops working once the cache expires', async () => {
    const extra = await createTestKey();
    local.publish(extra);
    const a = mk({ cacheTtlMs: 100 });
    await a.authenticate(bearer(await local.sign({ key: extra })));
    local.unpublish(extra.kid);
    await new Promise((r) => setTimeout(r, 150));
    await rejects(a.authenticate(bearer(await local.sign({ key: extra }))), 'Unknown signing key');
  });
});

describe('JWKS unavailable', () => {
  it('fails with AuthError while the JWKS server is down, and recovers', async () => {
    const key = await createTestKey();
    let up = false;
    let fetches = 0;
    const server: Server = createServer((_req, res) => {
      fetches++;
      if (!up) {
        res.writeHead(503).end('down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [key.jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const a = createJwksAuthenticator({ issuer: iss.issuer, jwksUrl: `${base}/jwks` });
      const token = await iss.sign({ key });
      await rejects(a.authenticate(bearer(token)), 'Signing keys unavailable');
      await rejects(a.authenticate(bearer(token)), 'Signing keys unavailable');
      up = true;
      await expect(a.authenticate(bearer(token))).resolves.toBeTruthy();
      // Down again: cached keys keep working (the failure does not poison the cache).
      up = false;
      const stale = createJwksAuthenticator({ issuer: iss.issuer, jwksUrl: `${base}/jwks`, cacheTtlMs: 50 });
      up = true;
      await stale.authenticate(bearer(token));
      up = false;
      await new Promise((r) => setTimeout(r, 80));
      const n = fetches;
      await expect(stale.authenticate(bearer(await iss.sign({ key })))).resolves.toBeTruthy();
      expect(fetches).toBeGreaterThan(n);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('fails with AuthError when nothing listens, and recovers with fetchJwks', async () => {
    const key = await createTestKey();
    let fail = true;
    const a = createJwksAuthenticator({
      issuer: iss.issuer,
      fetchJwks: async () => {
        if (fail) throw new Error('ECONNREFUSED');
        return { keys: [key.jwk] };
      },
    });
    const token = await iss.sign({ key });
    await rejects(a.authenticate(bearer(token)), 'Signing keys unavailable');
    fail = false;
    await expect(a.authenticate(bearer(token))).resolves.toBeTruthy();
  });

  it('times out a hanging JWKS fetch', async () => {
    const server: Server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const a = createJwksAuthenticator({ issuer: iss.issuer, jwksUrl: `${base}/jwks`, fetchTimeoutMs: 200 });
      const started = Date.now();
      await rejects(a.authenticate(bearer(await iss.sign())), 'Signing keys unavailable');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('error messages do not echo the token', async () => {
    const a = auth();
    const token = await iss.sign({ issuer: 'https://evil.example' });
    const err = await a.authenticate(bearer(token)).catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain(token.slice(0, 20));
    expect(String((err as Error).message)).not.toContain('evil');
  });
});
