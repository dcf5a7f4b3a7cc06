import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomUUID } from 'node:crypto';
import { createTestKey, DEFAULT_AZP } from '@ap/testing/issuer';
import { startFakeClerkApi, type FakeClerkApi } from '@ap/testing/fake-clerk-api';
import { startHarness, type Harness } from './harness.ts';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

function claimsFor(h: Harness, extra: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { sub: `user_${randomUUID()}`, iss: h.issuer.issuer, iat: now, nbf: now - 5, exp: now + 300, azp: DEFAULT_AZP, ...extra };
}

function algNoneToken(h: Harness) {
  return `${b64({ alg: 'none', typ: 'JWT', kid: h.issuer.keys[0]!.kid })}.${b64(claimsFor(h))}.`;
}

function hs256Token(h: Harness) {
  const head = b64({ alg: 'HS256', typ: 'JWT', kid: h.issuer.keys[0]!.kid });
  const body = b64(claimsFor(h));
  // The classic confusion attack: the public key as the HMAC secret.
  const secret = JSON.stringify(h.issuer.keys[0]!.jwk);
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

type Transport = {
  name: string;
  me(h: Harness, authorization?: string): Promise<{ status: number; body: any }>;
  errorCode(body: any): unknown;
  userId(body: any): unknown;
};

const transports: Transport[] = [
  {
    name: 'REST GET /api/users/me',
    async me(h, authorization) {
      return h.rest('GET', '/api/users/me', { headers: authorization ? { authorization } : {} });
    },
    errorCode: (body) => body?.code,
    userId: (body) => body?.id,
  },
  {
    name: 'tRPC GET /trpc/users.me',
    async me(h, authorization) {
      const res = await fetch(`${h.url}/trpc/users.me`, { headers: authorization ? { authorization } : {} });
      const text = await res.text();
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: res.status, body };
    },
    errorCode: (body) => body?.error?.data?.code,
    userId: (body) => body?.result?.data?.id,
  },
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const refused: { name: string; header: (h: Harness) => Promise<string | undefined> }[] = [
  { name: 'no token', header: async () => undefined },
  { name: 'non-Bearer scheme', header: async (x) => `Basic ${Buffer.from(`${(await x.issuer.newUser()).token}:`).toString('base64')}` },
  { name: 'malformed token', header: async () => 'Bearer not.a.jwt' },
  { name: 'garbage', header: async () => 'Bearer %%%' },
  { name: 'alg none', header: async (x) => `Bearer ${algNoneToken(x)}` },
  { name: 'HS256', header: async (x) => `Bearer ${hs256Token(x)}` },
  { name: 'expired', header: async (x) => `Bearer ${await x.issuer.sign({ expiresIn: -60, notBefore: -120 })}` },
  { name: 'nbf in the future', header: async (x) => `Bearer ${await x.issuer.sign({ notBefore: 120 })}` },
  { name: 'wrong issuer', header: async (x) => `Bearer ${await x.issuer.sign({ issuer: 'https://evil.example' })}` },
  {
    name: 'published kid, signed by another key',
    header: async (x) => `Bearer ${await x.issuer.sign({ key: await createTestKey(), kid: x.issuer.keys[0]!.kid })}`,
  },
  { name: 'unknown kid', header: async (x) => `Bearer ${await x.issuer.sign({ key: await createTestKey() })}` },
];

// Runs first (tests in a file run in order): the server's key cache is cold and no
// unknown-kid refetch has happened yet, so the fetch counts are exact.
describe('signing keys over HTTP', () => {
  it('rotation: a newly published key works after exactly one refetch; then unknown kids cause no fetch within the cooldown', async () => {
    const warm = await h.issuer.newUser();
    expect((await transports[0]!.me(h, `Bearer ${warm.token}`)).status).toBe(200);
    const afterWarm = h.issuer.fetches;
    expect(afterWarm).toBeGreaterThanOrEqual(1);

    const next = await createTestKey();
    h.issuer.publish(next);
    try {
      const token = await h.issuer.sign({ key: next });
      expect((await transports[1]!.me(h, `Bearer ${token}`)).status).toBe(200);
      expect((await transports[0]!.me(h, `Bearer ${token}`)).status).toBe(200);
      expect(h.issuer.fetches - afterWarm).toBe(1);

      for (const t of transports) {
        const unknown = await h.issuer.sign({ key: await createTestKey() });
        const res = await t.me(h, `Bearer ${unknown}`);
        expect(res.status).toBe(401);
        expect(t.errorCode(res.body)).toBe('UNAUTHORIZED');
      }
      expect(h.issuer.fetches - afterWarm).toBe(1);
    } finally {
      h.issuer.unpublish(next.kid);
    }
  });
});

describe.each(transports)('$name', (t) => {
  for (const c of refused) {
    it(`401 for ${c.name}`, async () => {
      const header = await c.header(h);
      const res = await t.me(h, header);
      expect(res.status).toBe(401);
      expect(t.errorCode(res.body)).toBe('UNAUTHORIZED');
      const token = header?.split(' ')[1];
      if (token && token.length > 20) expect(JSON.stringify(res.body)).not.toContain(token);
    });
  }

  it('200 for a valid token', async () => {
    const { clerkId, token } = await h.issuer.newUser({ email: `ok-${randomUUID()}@example.test` });
    const res = await t.me(h, `Bearer ${token}`);
    expect(res.status).toBe(200);
    const body = t.name.startsWith('REST') ? res.body : res.body.result.data;
    expect(body.clerkId).toBe(clerkId);
  });
});

describe('authentication over both transports', () => {
  it('the same token yields the same user on REST, tRPC HTTP and the typed client', async () => {
    const email = `both-${randomUUID()}@example.test`;
    const { clerkId, token } = await h.issuer.newUser({
      email,
      name: 'Both Ways',
      o: { id: 'org_1', slg: 'acme', rol: 'admin', per: 'org:a,org:b' },
    });
    const rest = await transports[0]!.me(h, `Bearer ${token}`);
    const trpc = await transports[1]!.me(h, `Bearer ${token}`);
    expect(rest.status).toBe(200);
    expect(trpc.status).toBe(200);
    expect(rest.body.id).toEqual(expect.any(String));
    expect(trpc.body.result.data.id).toBe(rest.body.id);
    expect(rest.body).toMatchObject({
      clerkId,
      email,
      displayName: 'Both Ways',
      organization: { id: 'org_1', slug: 'acme', role: 'org:admin' },
    });
    const viaClient = await h.client(token).users.me.query();
    expect(viaClient.id).toBe(rest.body.id);
    expect(await h.server.deps.db.user.count({ where: { clerkId } })).toBe(1);
  });

  it('20 concurrent first requests with one new token create exactly one user', async () => {
    const { clerkId, token } = await h.issuer.newUser({ email: `race-${randomUUID()}@example.test` });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => transports[i % 2]!.me(h, `Bearer ${token}`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const ids = new Set(results.map((r, i) => transports[i % 2]!.userId(r.body)));
    expect(ids.size).toBe(1);
    expect(await h.server.deps.db.user.count({ where: { clerkId } })).toBe(1);
  });

  it('users.updateMe over REST; unknown fields are refused', async () => {
    const u = await h.user();
    const ok = await h.rest('PATCH', '/api/users/me', { token: u.token, body: { displayName: 'Renamed' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: u.id, displayName: 'Renamed' });
    expect((await h.rest('GET', '/api/users/me', { token: u.token })).body.displayName).toBe('Renamed');

    const bad = await h.rest('PATCH', '/api/users/me', { token: u.token, body: { displayName: 'X', isAdmin: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect((await h.rest('GET', '/api/users/me', { token: u.token })).body.displayName).toBe('Renamed');

    const anon = await h.rest('PATCH', '/api/users/me', { body: { displayName: 'Nobody' } });
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('UNAUTHORIZED');
  });
});

describe('CLERK_AUTHORIZED_PARTIES', () => {
  let hp: Harness;
  beforeAll(async () => {
    hp = await startHarness({ CLERK_AUTHORIZED_PARTIES: 'https://app.example.com, https://admin.example.com' });
  });
  afterAll(async () => {
    await hp?.close();
  });

  describe.each(transports)('$name', (t) => {
    it('refuses an azp that is not allowed', async () => {
      const res = await t.me(hp, `Bearer ${await hp.issuer.sign({ azp: 'https://evil.example' })}`);
      expect(res.status).toBe(401);
      expect(t.errorCode(res.body)).toBe('UNAUTHORIZED');
      // The default test azp (localhost) is not in the list either.
      expect((await t.me(hp, `Bearer ${await hp.issuer.sign()}`)).status).toBe(401);
    });

    it('refuses a token without azp', async () => {
      const res = await t.me(hp, `Bearer ${await hp.issuer.sign({ azp: null })}`);
      expect(res.status).toBe(401);
      expect(t.errorCode(res.body)).toBe('UNAUTHORIZED');
    });

    it('accepts an allowed azp', async () => {
      const res = await t.me(hp, `Bearer ${await hp.issuer.sign({ azp: 'https://admin.example.com' })}`);
      expect(res.status).toBe(200);
    });
  });

  it('without the setting, any azp (or none) is accepted', async () => {
    expect((await transports[0]!.me(h, `Bearer ${await h.issuer.sign({ azp: 'https://evil.example' })}`)).status).toBe(200);
    expect((await transports[1]!.me(h, `Bearer ${await h.issuer.sign({ azp: null })}`)).status).toBe(200);
  });
});

describe('profiles from the Clerk Backend API', () => {
  let api: FakeClerkApi;
  let hc: Harness;
  beforeAll(async () => {
    api = await startFakeClerkApi();
    hc = await startHarness({ CLERK_SECRET_KEY: api.secretKey, CLERK_API_URL: api.url });
  });
  afterAll(async () => {
    await hc?.close();
    await api?.close();
  });

  it('fills the email of a token without one on the first request only', async () => {
    const clerkId = `user_${randomUUID().replace(/-/g, '')}`;
    api.addUser({ id: clerkId, email: `Api-${clerkId}@Example.test`, firstName: 'Api', lastName: 'User' });
    const token = await hc.issuer.sign({ sub: clerkId });
    const res = await hc.rest('GET', '/api/users/me', { token });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(`api-${clerkId}@example.test`.toLowerCase());
    expect(res.body.displayName).toBe('Api User');
    expect(api.callsByUser.get(clerkId)).toBe(1);
    const again = await fetch(`${hc.url}/trpc/users.me`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    expect(api.callsByUser.get(clerkId)).toBe(1);
  });

  it('a token that carries email and name does not call the API', async () => {
    const { clerkId, token } = await hc.issuer.newUser({ email: `claims-${randomUUID()}@example.test`, name: 'From Claims' });
    const res = await hc.rest('GET', '/api/users/me', { token });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('From Claims');
    expect(api.callsByUser.get(clerkId)).toBeUndefined();
  });

  it('a user unknown to the API is still signed in with what the token says', async () => {
    const token = await hc.issuer.sign({ claims: { name: 'Only Name' } });
    const res = await hc.rest('GET', '/api/users/me', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: null, displayName: 'Only Name' });
  });
});
