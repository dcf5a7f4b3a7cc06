// embeddings.create over tRPC and REST: the local hashing embedder with nothing
// configured; the real openai SDK against the fake OpenAI server when OPENAI_* is
// set, with provider failures answered SERVICE_UNAVAILABLE with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/** A tRPC mutation over plain HTTP, to read status and headers. */
async function trpcPost(h: Harness, token: string, name: string, input: unknown) {
  const res = await fetch(`${h.url}/trpc/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('embeddings.create with nothing configured: the local embedder', () => {
  let h: Harness;
  let alice: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    alice = await h.user();
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers over tRPC: model, dimensions, one unit vector per input in order, deterministic', async () => {
    const input = ['The launch is on 3 March.', 'Budget review with finance', 'The launch is on 3 March.'];
    const out = await h.caller(alice.token).embeddings.create({ input });
    const dimensions = h.server.deps.env.EMBEDDING_DIMENSIONS;
    expect(out.model).toBe('local-hashing-v1');
    expect(out.dimensions).toBe(dimensions);
    expect(out.data.map((d) => d.index)).toEqual([0, 1, 2]);
    for (const d of out.data) {
      expect(d.embedding).toHaveLength(dimensions);
      expect(norm(d.embedding)).toBeCloseTo(1, 6);
    }
    expect(out.data[2]!.embedding).toEqual(out.data[0]!.embedding);
    expect(out.data[1]!.embedding).not.toEqual(out.data[0]!.embedding);
    const again = await h.caller(alice.token).embeddings.create({ input: [input[1]!] });
    expect(again.data[0]!.embedding).toEqual(out.data[1]!.embedding);
  });

  it('answers over REST with 200 and the same vectors', async () => {
    const input = ['Quarterly planning notes', 'Onboarding checklist for new hires'];
    const rest = await h.rest('POST', '/api/embeddings', { token: alice.token, body: { input } });
    expect(rest.status).toBe(200);
    const trpc = await h.client(alice.token).embeddings.create.mutate({ input });
    expect(rest.body).toEqual(trpc);
    expect(rest.body.data).toHaveLength(2);
  });

  it('takes 64 texts, and texts of 8,000 characters up to 200,000 in all', async () => {
    const many = await h.caller(alice.token).embeddings.create({ input: Array.from({ length: 64 }, (_, i) => `text ${i}`) });
    expect(many.data).toHaveLength(64);
    const long = await h.caller(alice.token).embeddings.create({ input: Array.from({ length: 25 }, (_, i) => `${i}`.padEnd(8_000, 'x')) });
    expect(long.data).toHaveLength(25);
  });

  const invalid: [string, unknown][] = [
    ['65 inputs', { input: Array.from({ length: 65 }, (_, i) => `text ${i}`) }],
    ['an empty list', { input: [] }],
    ['a NUL character', { input: ['fine', 'bad\u0000text'] }],
    ['an unpaired surrogate', { input: ['bad \ud800 text'] }],
    ['an empty text', { input: [''] }],
    ['a text over 8,000 characters', { input: ['y'.repeat(8_001)] }],
    ['over 200,000 characters in all', { input: Array.from({ length: 26 }, () => 'z'.repeat(8_000)) }],
    ['a text that is not a string', { input: [42] }],
    ['no input', {}],
    ['an unknown field', { input: ['a'], model: 'other' }],
  ];

  it.each(invalid)('refuses %s with 400 naming the field, over REST and tRPC', async (_, body) => {
    const rest = await h.rest('POST', '/api/embeddings', { token: alice.token, body });
    expect(rest.status).toBe(400);
    expect(rest.body.code).toBe('BAD_REQUEST');
    expect(rest.body.data.fields.map((f: { path: string }) => f.path.split('.')[0])).toContain(
      'model' in (body as object) ? 'model' : 'input',
    );
    const trpc = await trpcPost(h, alice.token, 'embeddings.create', body);
    expect(trpc.status).toBe(400);
    expect(trpc.body.error.data.code).toBe('BAD_REQUEST');
    expect(await codeOf(h.caller(alice.token).embeddings.create(body as never))).toBe('BAD_REQUEST');
  });

  it('needs a signed-in caller', async () => {
    const rest = await h.rest('POST', '/api/embeddings', { body: { input: ['a'] } });
    expect(rest.status).toBe(401);
  });
});

describe('embeddings.create with OpenAI configured: the real SDK against the fake', () => {
  let h: Harness;
  let fake: FakeOpenAi;
  let alice: TestUser;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    h = await startHarness({
      OPENAI_API_KEY: fake.apiKey,
      OPENAI_BASE_URL: fake.baseURL,
      EMBEDDING_DIMENSIONS: '32',
      AI_TIMEOUT_MS: '400',
      // This server's embedder is the fake's: it works no jobs, so the run's documents are not embedded by it.
      RUN_WORKER: 'false',
    });
    alice = await h.user();
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('embeds through the provider in one batched request, vectors in input order', async () => {
    const before = fake.requestsTo('embeddings').length;
    const input = Array.from({ length: 64 }, (_, i) => `action point number ${i}`);
    const out = await h.caller(alice.token).embeddings.create({ input });
    expect(out.model).toBe('openai:text-embedding-3-small');
    expect(out.dimensions).toBe(32);
    expect(out.data.map((d) => d.embedding)).toEqual(input.map((t) => fakeEmbedding(t, 32)));
    const calls = fake.requestsTo('embeddings').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.inputCount).toBe(64);
    expect(calls[0]!.body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 32, input });
  });

  it('a provider answering 500 past the retries is SERVICE_UNAVAILABLE with Retry-After, over REST', async () => {
    const before = fake.requestsTo('embeddings').length;
    fake.failNext(3, { status: 500 }, 'embeddings');
    const rest = await h.rest('POST', '/api/embeddings', { token: alice.token, body: { input: ['down'] } });
    expect(rest.status).toBe(503);
    expect(rest.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    // One attempt and two retries.
    expect(
      fake
        .requestsTo('embeddings')
        .slice(before)
        .map((r) => r.outcome),
    ).toEqual([500, 500, 500]);
  });

  it('the same over tRPC', async () => {
    fake.failNext(3, { status: 503 }, 'embeddings');
    const trpc = await trpcPost(h, alice.token, 'embeddings.create', { input: ['down'] });
    expect(trpc.status).toBe(503);
    expect(trpc.body.error.data.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(trpc.headers.get('retry-after'))).toBeGreaterThan(0);
    fake.failNext(3, { status: 500 }, 'embeddings');
    expect(await codeOf(h.client(alice.token).embeddings.create.mutate({ input: ['down'] }))).toBe('SERVICE_UNAVAILABLE');
  });

  it('a 429 with Retry-After past the retries passes its Retry-After on', async () => {
    fake.failNext(3, { status: 429, retryAfterSeconds: 0 }, 'embeddings');
    const before = fake.requestsTo('embeddings').length;
    const rest = await h.rest('POST', '/api/embeddings', { token: alice.token, body: { input: ['limited'] } });
    expect(rest.status).toBe(503);
    expect(rest.headers.get('retry-after')).toBe('1');
    expect(fake.requestsTo('embeddings').slice(before)).toHaveLength(3);
  });

  it('a provider that never answers is SERVICE_UNAVAILABLE after AI_TIMEOUT_MS, over REST and tRPC', async () => {
    fake.failNext(1, { hang: true }, 'embeddings');
    const rest = await h.rest('POST', '/api/embeddings', { token: alice.token, body: { input: ['slow'] } });
    expect(rest.status).toBe(503);
    expect(rest.body.message).toMatch(/timeout/);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    fake.failNext(1, { hang: true }, 'embeddings');
    const trpc = await trpcPost(h, alice.token, 'embeddings.create', { input: ['slow'] });
    expect(trpc.status).toBe(503);
    expect(trpc.body.error.data.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(trpc.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('recovers once the provider does', async () => {
    const out = await h.caller(alice.token).embeddings.create({ input: ['back'] });
    expect(out.data[0]!.embedding).toEqual(fakeEmbedding('back', 32));
  });
});
