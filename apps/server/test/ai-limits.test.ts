// The per-user AI limits, held in PostgreSQL so every process shares them:
// - AI_REQUESTS_PER_MINUTE=20: the 21st AI call in a minute is TOO_MANY_REQUESTS,
//   with Retry-After and RateLimit-* headers on REST and tRPC; other users and
//   other procedures are not held back; successful AI calls say where the caller stands;
// - two server instances (this process and a separate OS process) on one database
//   count one limit;
// - AI_DAILY_TOKEN_BUDGET: once a user's calls spent it, their AI calls are refused
//   (before anything is sent to the provider) until 00:00 UTC;
// - 0 turns either off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { codeOf, startHarness, startServerProcess, type Harness, type TestUser } from './harness.ts';

const embed = (h: Harness, token: string, text = 'limit probe') => h.rest('POST', '/api/embeddings', { token, body: { input: [text] } });

async function trpcEmbed(url: string, token: string) {
  const res = await fetch(`${url}/trpc/embeddings.create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input: ['limit probe'] }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('AI_REQUESTS_PER_MINUTE', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ AI_REQUESTS_PER_MINUTE: '20' });
  });
  afterAll(() => h?.close());

  it('the 21st AI call in a minute is TOO_MANY_REQUESTS with Retry-After and RateLimit-* (REST)', async () => {
    const u = await h.user();
    for (let i = 1; i <= 20; i++) {
      const ok = await embed(h, u.token);
      expect(ok.status, `call ${i}`).toBe(200);
      expect(ok.headers.get('ratelimit-limit')).toBe('20');
      expect(ok.headers.get('ratelimit-remaining')).toBe(String(20 - i));
      expect(Number(ok.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const refused = await embed(h, u.token);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 } });
    expect(refused.body.message).toMatch(/at most 20 a minute/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('20');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBe(wait);
    // Every AI procedure counts against the one limit; tRPC answers the same.
    expect(await codeOf(h.caller(u.token).ai.chat({ messages: [{ role: 'user', content: 'hi' }] }))).toBe('TOO_MANY_REQUESTS');
    const trpc = await trpcEmbed(h.url, u.token);
    expect(trpc.status).toBe(429);
    expect(trpc.body.error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(trpc.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(trpc.headers.get('ratelimit-remaining')).toBe('0');
    // Non-AI procedures and other users are not held back.
    expect((await h.rest('GET', '/api/users/me', { token: u.token })).status).toBe(200);
    expect((await h.rest('POST', '/api/vector-documents/search', { token: u.token, body: { query: 'anything' } })).status).toBe(200);
    const other = await h.user();
    expect((await embed(h, other.token)).status).toBe(200);
  });

  it('opens a new window once the minute is over', async () => {
    const u = await h.user();
    for (let i = 0; i < 20; i++) await embed(h, u.token);
    expect((await embed(h, u.token)).status).toBe(429);
    // As a minute later.
    await h.server.deps.db
      .$executeRaw`UPDATE "AiRequestWindow" SET "windowStart" = "windowStart" - interval '60 seconds' WHERE "userId" = ${u.id}::uuid`;
    const next = await embed(h, u.token);
    expect(next.status).toBe(200);
    expect(next.headers.get('ratelimit-remaining')).toBe('19');
  });

  it('concurrent calls are counted exactly: of 30 at once, 20 pass', async () => {
    const u = await h.user();
    const statuses = await Promise.all(Array.from({ length: 30 }, () => embed(h, u.token).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('is one limit for two server instances on one database', { timeout: 120_000 }, async () => {
    const second = await startServerProcess(h.issuer, { AI_REQUESTS_PER_MINUTE: '20', RUN_WORKER: 'false' });
    try {
      const u = await h.user();
      for (let i = 0; i < 10; i++) {
        expect((await embed(h, u.token)).status).toBe(200);
        expect((await trpcEmbed(second.url, u.token)).status).toBe(200);
      }
      const there = await trpcEmbed(second.url, u.token);
      expect(there.status).toBe(429);
      expect(there.headers.get('ratelimit-remaining')).toBe('0');
      expect((await embed(h, u.token)).status).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('AI_REQUESTS_PER_MINUTE=0', () => {
  it('turns the limit off (the harness default): no count, no RateLimit headers', async () => {
    const h = await startHarness();
    try {
      const u = await h.user();
      for (let i = 0; i < 25; i++) expect((await embed(h, u.token)).status).toBe(200);
      expect((await embed(h, u.token)).headers.get('ratelimit-limit')).toBeNull();
      expect(await h.server.deps.db.aiRequestWindow.count({ where: { userId: u.id } })).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('AI_DAILY_TOKEN_BUDGET', () => {
  let h: Harness;
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    h = await startHarness({
      OPENAI_API_KEY: fake.apiKey,
      OPENAI_BASE_URL: fake.baseURL,
      RUN_WORKER: 'false',
      EMBEDDING_DIMENSIONS: '32',
      AI_DAILY_TOKEN_BUDGET: '50',
    });
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('stops a user’s AI calls once their tokens today reach the budget, before the provider is called', async () => {
    const u: TestUser = await h.user();
    // The fake counts a token a word: 30 words, then 30 more (the budget is checked before each call).
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect((await embed(h, u.token, words(30))).status).toBe(200);
    expect((await embed(h, u.token, words(30))).status).toBe(200);
    const sent = fake.requestsTo('embeddings').length;
    const refused = await embed(h, u.token, 'one more');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/daily AI token budget \(50 tokens\) is spent/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(86_400);
    expect(refused.headers.get('ratelimit-limit')).toBe('50');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await codeOf(h.caller(u.token).ai.chat({ messages: [{ role: 'user', content: 'hello' }] }))).toBe('TOO_MANY_REQUESTS');
    expect(fake.requestsTo('embeddings').length).toBe(sent);
    expect(fake.requestsTo('chat').filter((r) => JSON.stringify(r.body).includes('hello'))).toEqual([]);
    // Recorded per call; the day holds their sum. Other users have their own budget.
    const rows = await h.server.deps.db.aiUsage.findMany({ where: { userId: u.id } });
    expect(rows.map((r) => [r.service, r.procedure, r.totalTokens])).toEqual([
      ['embeddings', 'embeddings.create', 30],
      ['embeddings', 'embeddings.create', 30],
    ]);
    expect((await h.server.deps.db.aiUsageDay.findFirstOrThrow({ where: { userId: u.id } })).tokens).toBe(60);
    const other = await h.user();
    expect((await embed(h, other.token, 'fine')).status).toBe(200);
  });

  it('counts the tokens of chat calls too: the call that spends the budget answers, the next is refused', async () => {
    const u = await h.user();
    fake.replies.push({ content: 'x '.repeat(10) });
    // A plain chat call with a long prompt (60 words and more): it spends the budget.
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const first = await h.caller(u.token).ai.chat({ messages: [{ role: 'user', content: long }] });
    expect(first.model).toBe('openai:gpt-4o-mini');
    expect(await codeOf(h.caller(u.token).ai.summarize({ text: 'The board meets on Monday. It approves the budget.' }))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });
});
