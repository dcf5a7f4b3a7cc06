import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testBlobConnectionString } from '@ap/testing/db';
import { parseEnv } from '@ap/config/env';
import { migrate } from '@ap/db/migrate';
import { startServer } from '../src/server.ts';
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from '../src/app.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ CORS_ORIGINS: 'https://app.example.com' });
});
afterAll(() => h.close());

describe('index and health', () => {
  it('GET / lists the links', async () => {
    const r = await h.rest('GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: expect.any(String),
      version: expect.any(String),
      links: { docs: '/docs', openapi: '/openapi.json', health: { live: '/health/live', ready: '/health/ready' } },
    });
  });

  it('is live and ready on a migrated database', async () => {
    expect((await h.rest('GET', '/health/live')).status).toBe(200);
    expect(await h.rest('GET', '/health/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('serves Prometheus metrics that count requests', async () => {
    await h.rest('GET', '/health/live');
    const r = await fetch(`${h.url}/health/metrics`);
    expect(r.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await r.text();
    expect(text).toMatch(/^# HELP http_request_duration_seconds/m);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} [1-9]/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
    await h.rest('GET', '/trpc/users.me');
    await h.rest('GET', '/trpc/no.such.procedure');
    const after = await (await fetch(`${h.url}/health/metrics`)).text();
    expect(after).toMatch(/route="\/trpc\/users\.me",status="401"/);
    expect(after).toMatch(/route="\/trpc\/:unknown"/);
    expect(after).not.toMatch(/no\.such\.procedure/);
  });

  it('labels metrics by route template: unknown paths and invalid ids add no series', async () => {
    const seriesCount = async () =>
      (await (await fetch(`${h.url}/health/metrics`)).text()).split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count'))
        .length;
    // Warm every label these requests can take.
    const probe = async (n: string) => {
      await h.rest('GET', `/unknown-${n}`);
      await h.rest('GET', `/api/unknown-${n}`);
      await h.rest('GET', `/api/boards/not-a-uuid-${n}`);
      await h.rest('GET', `/api/boards/${n}/activity`);
      await h.rest('GET', `/trpc/unknown.${n}`);
      await h.rest('GET', `/docs/${n}`);
    };
    await probe('warm');
    const before = await seriesCount();
    for (let i = 0; i < 40; i++) await probe(`${i}-${Math.random().toString(36).slice(2)}`);
    const text = await (await fetch(`${h.url}/health/metrics`)).text();
    expect(await seriesCount()).toBe(before);
    expect(text).not.toMatch(/unknown-|not-a-uuid/);
    expect(text).toMatch(/route=":unmatched"/);
    expect(text).toMatch(/route="\/api\/boards\/\{boardId\}"/);
    expect(text).toMatch(/route="\/api\/boards\/\{boardId\}\/activity"/);
  });

  it('protects metrics with METRICS_TOKEN when it is set', async () => {
    const token = 'metrics-token-0123456789';
    const p = await startHarness({ METRICS_TOKEN: token });
    try {
      const none = await fetch(`${p.url}/health/metrics`);
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ code: 'UNAUTHORIZED', data: { requestId: expect.any(String) } });
      expect((await fetch(`${p.url}/health/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      const ok = await fetch(`${p.url}/health/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/http_request_duration_seconds/);
    } finally {
      await p.close();
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    expect(await h.rest('GET', '/nope')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});

describe('security headers and CORS', () => {
  it('sets the security headers on every response and no X-Powered-By', async () => {
    for (const path of ['/', '/api/users/me', '/trpc/users.me', '/health/live', '/openapi.json']) {
      const r = await fetch(`${h.url}${path}`);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
      expect(r.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(r.headers.get('x-powered-by'), path).toBeNull();
      expect(r.headers.get('x-request-id'), path).toMatch(/^[\w-]+$/);
    }
  });

  it('marks API responses no-store', async () => {
    for (const path of ['/api/users/me', '/trpc/users.me', '/health/ready']) {
      expect((await fetch(`${h.url}${path}`)).headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('allows listed origins only', async () => {
    const pre = (origin: string) =>
      fetch(`${h.url}/api/users/me`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const ok = await pre('https://app.example.com');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const bad = await pre('https://evil.example.com');
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${h.url}/health/live`, { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const mine = await fetch(`${h.url}/health/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const hostile = await fetch(`${h.url}/health/live`, { headers: { 'x-request-id': 'a b\tc<script>' } });
    expect(hostile.headers.get('x-request-id')).not.toContain('<');
  });
});

describe('limits and errors', () => {
  it('refuses an oversized body with 413 on REST and tRPC, changing nothing', async () => {
    const { token } = await h.user();
    const big = JSON.stringify({ displayName: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const rest = await h.rest('PATCH', '/api/users/me', { token, body: big });
    expect(rest.status).toBe(413);
    expect(rest.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const trpc = await h.rest('POST', '/trpc/users.updateMe', { token, body: big });
    expect(trpc.status).toBe(413);
    const me = await h.caller(token).users.me();
    expect(me.displayName).not.toMatch(/^x+$/);
  });

  it(`caps tRPC batches at ${MAX_BATCH_SIZE}`, async () => {
    const { token } = await h.user();
    const names = (n: number) => Array.from({ length: n }, () => 'users.me').join(',');
    const input = (n: number) => encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
    const ok = await h.rest('GET', `/trpc/${names(MAX_BATCH_SIZE)}?batch=1&input=${input(MAX_BATCH_SIZE)}`, { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(MAX_BATCH_SIZE);
    const tooMany = await h.rest('GET', `/trpc/${names(MAX_BATCH_SIZE + 1)}?batch=1&input=${input(MAX_BATCH_SIZE + 1)}`, { token });
    expect(tooMany.status).toBe(400);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const { token } = await h.user();
    const rest = await h.rest('PATCH', '/api/users/me', { token, body: '{"displayName": ' });
    expect(rest.status).toBe(400);
    const trpc = await h.rest('POST', '/trpc/users.updateMe', { token, body: '{"displayName": ' });
    expect(trpc.status).toBe(400);
  });

  it('uses one error shape on both transports, with the failing fields', async () => {
    const { token } = await h.user();
    const rest = await h.rest('PATCH', '/api/users/me', { token, body: { displayName: '', ownerId: 'x' } });
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
    const paths = (rest.body.data.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toContain('displayName');
    const trpc = await h.rest('POST', '/trpc/users.updateMe', { token, body: { displayName: '', ownerId: 'x' } });
    expect(trpc.status).toBe(400);
    expect(trpc.body.error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(trpc.body.error.data.fields).toEqual(rest.body.data.fields);
  });
});

describe('OpenAPI and docs', () => {
  it('publishes a valid OpenAPI 3.1 document with every REST operation', async () => {
    const r = await h.rest('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(r.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(r.body.paths['/users/me']).toHaveProperty('get');
    expect(r.body.paths['/users/me']).toHaveProperty('patch');
  });

  it('serves /docs without any external resource', async () => {
    const html = await (await fetch(`${h.url}/docs`)).text();
    expect(html).toContain('/docs/scalar.js');
    expect(html).toContain('/openapi.json');
    const external = [...html.matchAll(/(?:src|href)=["'](https?:)?\/\/[^"']+/g)].map((m) => m[0]);
    expect(external).toEqual([]);
    // Scalar's cloud-only features (Ask AI, MCP/SDK generation, Share, Deploy) are switched off.
    const config = JSON.parse(/Scalar\.createApiReference\([^,]+,\s*(\{[\s\S]*?\})\s*\)\s*<\/script>/.exec(html)?.[1] ?? 'null');
    expect(config).toMatchObject({ agent: { disabled: true }, mcp: { disabled: true }, showDeveloperTools: 'never', showToolbar: 'never' });
    expect(config.customCss).toMatch(/\.generate-sdk-button\s*\{\s*display:\s*none/);
    const js = await fetch(`${h.url}/docs/scalar.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });
});

describe('production mode', () => {
  it('hides stacks and internal messages', async () => {
    const p = await startHarness({ NODE_ENV: 'production' });
    try {
      const r = await p.rest('GET', '/api/users/me');
      expect(r.status).toBe(401);
      expect(JSON.stringify(r.body)).not.toMatch(/stack|at .*\.ts:\d+/);
      const t = await p.rest('GET', '/trpc/users.me');
      expect(JSON.stringify(t.body)).not.toMatch(/stack|\.ts:\d+/);
    } finally {
      await p.close();
    }
  });
});

describe('readiness and shutdown', () => {
  it('is not ready while a migration is pending', async () => {
    const db = await freshDatabase();
    try {
      const env = parseEnv({
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: db.url,
        MIGRATE_ON_START: 'false',
        AZURE_STORAGE_CONNECTION_STRING: testBlobConnectionString(),
        CLERK_ISSUER: h.issuer.issuer,
        LOG_LEVEL: 'silent',
      });
      const s = await startServer(env, { quiet: true });
      try {
        const before = await fetch(`${s.url}/health/ready`);
        expect(before.status).toBe(503);
        expect(await before.json()).toMatchObject({ reason: expect.stringMatching(/pending migrations/) });
        expect((await fetch(`${s.url}/health/live`)).status).toBe(200);
        await migrate(db.url);
        expect((await fetch(`${s.url}/health/ready`)).status).toBe(200);
      } finally {
        await s.close();
      }
    } finally {
      await db.close();
    }
  });

  it('lets in-flight requests finish, then stops accepting', async () => {
    const s = await startHarness();
    // A cold JWKS cache and a slow JWKS keep the first request in flight for a while.
    s.issuer.delayMs = 400;
    const { token } = await s.issuer.newUser({ email: 'inflight@example.test' });
    const inflight = fetch(`${s.url}/api/users/me`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((r) => setTimeout(r, 100));
    const closing = s.server.close();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: 'inflight@example.test' });
    await closing;
    await expect(fetch(`${s.url}/health/live`)).rejects.toThrow();
    await s.issuer.close();
  });
});

describe('REST requests without a body', () => {
  it('treats a bodyless PUT/POST/DELETE as an empty JSON object', async () => {
    const u = await h.user();
    // PATCH with no body and no content type: an empty update, not a 415.
    const r = await fetch(`${h.url}/api/users/me`, { method: 'PATCH', headers: { authorization: `Bearer ${u.token}` } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { id: string }).id).toBe(u.id);
    // A body with a wrong content type is still refused.
    const bad = await fetch(`${h.url}/api/users/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${u.token}`, 'content-type': 'text/plain' },
      body: 'displayName=x',
    });
    expect(bad.status).toBe(415);
  });
});
