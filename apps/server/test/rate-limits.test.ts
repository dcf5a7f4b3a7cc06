// RATE_LIMIT_PER_MINUTE: per user on every procedure but the AI ones (their own
// limit), per client address for calls without a valid token, shared by every
// server process through PostgreSQL, with RateLimit-* and Retry-After; health,
// webhooks and docs are not limited. X-Forwarded-For counts only behind
// TRUSTED_PROXY_COUNT proxies, and only its entries those proxies wrote.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

const LIMIT = 5;
let h: Harness;
let second: Harness;

beforeAll(async () => {
  const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUSTED_PROXY_COUNT: '1', RUN_WORKER: 'false' };
  h = await startHarness(env);
  second = await startHarness({ ...env, CLERK_ISSUER: h.issuer.issuer });
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

const get = (server: Harness, path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('counts a user over both transports, with RateLimit-* on every answer, then 429 with Retry-After', async () => {
    const u = await h.issuer.newUser({ email: `limited-${Date.now()}@example.test` });
    const auth = { authorization: `Bearer ${u.token}` };
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = i % 2 ? await get(h, '/trpc/users.me', auth) : await get(h, '/api/users/me', auth);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      remaining.push(res.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    for (const path of ['/api/users/me', '/trpc/users.me']) {
      const over = await get(h, path, auth);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(over.headers.get('ratelimit-remaining')).toBe('0');
      expect(JSON.stringify(await over.json())).toMatch(/TOO_MANY_REQUESTS/);
    }
    // The AI procedures are held to their own limit, not this one.
    const ai = await fetch(`${h.url}/api/embeddings`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ input: ['still allowed'] }),
    });
    expect(ai.status).toBe(200);
  });

  it('is shared by two server processes on one database', async () => {
    const u = await h.issuer.newUser({ email: `shared-${Date.now()}@example.test` });
    const auth = { authorization: `Bearer ${u.token}` };
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await get(i % 2 ? second : h, '/api/users/me', auth)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts calls without a valid token by client address, from the entry the trusted proxy wrote', async () => {
    const client = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      // What the client wrote itself (the left entries) changes on every call; the proxy's entry does not.
      statuses.push(
        (await get(h, '/api/users/me', { 'x-forwarded-for': `10.0.0.${i}, ${client}`, authorization: 'Bearer nonsense' })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another client is not affected.
    expect((await get(h, '/api/users/me', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(401);
  });

  it('does not limit health, docs or webhooks', async () => {
    for (let i = 0; i < LIMIT * 2; i++) {
      expect((await get(h, '/health/live', { 'x-forwarded-for': '192.0.2.1' })).status).toBe(200);
      expect((await get(h, '/openapi.json', { 'x-forwarded-for': '192.0.2.1' })).status).toBe(200);
    }
    // The Clerk webhook answers for itself (no signing secret here: 503), never 429.
    const hook = await fetch(`${h.url}/webhooks/clerk`, { method: 'POST', headers: { 'x-forwarded-for': '192.0.2.1' }, body: '{}' });
    expect(hook.status).not.toBe(429);
  });

  it('trusts no X-Forwarded-For without TRUSTED_PROXY_COUNT', async () => {
    const direct = await startHarness({ RATE_LIMIT_PER_MINUTE: String(LIMIT), RUN_WORKER: 'false' });
    // Calls from a loopback address of this test's own (other tests' servers count 127.0.0.1).
    const from = `127.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
    const { port } = new URL(direct.url);
    const status = (forwardedFor: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/api/users/me', localAddress: from, headers: { 'x-forwarded-for': forwardedFor } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      // Every call comes from `from`, whatever X-Forwarded-For says: the sixth is over the limit.
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) statuses.push(await status(`198.18.0.${i}`));
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await direct.close();
    }
  });
});
