// The per-user AI counters: one UPSERT per request on the user's row, so requests
// counted at once from two separate connection pools (as from two processes) get
// every count exactly once; the window restarts after it ends; usage rows add
// their tokens to the user's UTC day in the same statement.
import { afterAll, describe, expect, it } from 'vitest';
import { aiTokensToday, countAiRequest, recordAiUsage } from '../src/ai-usage.ts';
import { createDb } from '../src/client.ts';
import { testDatabaseUrl, testDb } from '@ap/testing/db';

const other = createDb(testDatabaseUrl(), { max: 5 });
afterAll(() => other.$disconnect());

const newUser = async () => (await testDb().user.create({ data: { clerkId: `user_${crypto.randomUUID()}` } })).id;

const usage = (userId: string, totalTokens: number) => ({
  userId,
  service: 'chat',
  model: 'openai:gpt-4o-mini',
  procedure: 'ai.chat',
  requestId: 'r1',
  outcome: 'ok' as const,
  promptTokens: totalTokens - 1,
  completionTokens: 1,
  totalTokens,
  estimated: false,
  durationMs: 12,
});

describe('AI request windows', () => {
  it('counts concurrent requests from two pools exactly once each', async () => {
    const userId = await newUser();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => countAiRequest(i % 2 ? other : testDb(), userId, 60)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const r of results) {
      expect(r.resetMs).toBeGreaterThan(50_000);
      expect(r.resetMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('starts a new window with the first request after the last one ended', async () => {
    const userId = await newUser();
    await countAiRequest(testDb(), userId, 60);
    await countAiRequest(testDb(), userId, 60);
    await testDb()
      .$executeRaw`UPDATE "AiRequestWindow" SET "windowStart" = "windowStart" - interval '61 seconds' WHERE "userId" = ${userId}::uuid`;
    const fresh = await countAiRequest(testDb(), userId, 60);
    expect(fresh.count).toBe(1);
    expect(fresh.resetMs).toBeGreaterThan(59_000);
  });
});

describe('AI usage', () => {
  it('records each call and adds its tokens to the UTC day, from any pool', async () => {
    const userId = await newUser();
    expect((await aiTokensToday(testDb(), userId)).tokens).toBe(0);
    const totals = await Promise.all([recordAiUsage(testDb(), usage(userId, 10)), recordAiUsage(other, usage(userId, 32))]);
    expect(Math.max(...totals)).toBe(42);
    const today = await aiTokensToday(other, userId);
    expect(today.tokens).toBe(42);
    expect(today.resetMs).toBeGreaterThan(0);
    expect(today.resetMs).toBeLessThanOrEqual(86_400_000);
    const rows = await testDb().aiUsage.findMany({ where: { userId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.totalTokens).sort((a, b) => a - b)).toEqual([10, 32]);
    expect(rows[0]).toMatchObject({ service: 'chat', model: 'openai:gpt-4o-mini', procedure: 'ai.chat', outcome: 'ok', durationMs: 12 });
    const day = await testDb().aiUsageDay.findFirstOrThrow({ where: { userId } });
    expect(day).toMatchObject({ tokens: 42, calls: 2 });
    expect(day.day.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
