// The metered AI ports of an AI procedure: each call is recorded with its service,
// model and tokens (estimated when a chat provider reports none), failures as
// errors; calls refused by an open circuit are not recorded; the budget is checked
// before each call; and a call made inside a transaction of the caller completes
// (its record is written outside it, after).
import { describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { admitAiRequest, AiMeter, estimateTokens } from '../../src/ai/usage.ts';
import type { ChatModel } from '../../src/ports/chat-model.ts';
import type { Embedder } from '../../src/ports/embedder.ts';

const newUser = async () => (await testDb().user.create({ data: { clerkId: `user_${crypto.randomUUID()}` } })).id;

async function meterFor(userId: string, dailyTokenBudget = 0) {
  const admission = await admitAiRequest(testDb(), userId, { requestsPerMinute: 0, dailyTokenBudget });
  return new AiMeter({ db: testDb(), userId, procedure: 'test.proc', requestId: 'req-1', dailyTokenBudget, admission });
}

const chat: ChatModel = {
  model: 'fake:chat',
  async complete() {
    return {
      text: 'four score and seven',
      model: 'fake:chat',
      finishReason: 'stop',
      usage: { promptTokens: 7, completionTokens: 4, totalTokens: 11 },
    };
  },
  async completeJson() {
    throw Object.assign(new Error('open'), { name: 'AiUnavailableError', reason: 'circuit_open' });
  },
  async *stream() {
    yield { type: 'delta', text: 'abcdefgh' };
    yield { type: 'delta', text: 'ijklmnop' };
    yield { type: 'done', model: 'fake:chat', finishReason: 'stop' };
  },
};

const embedder: Embedder = {
  model: 'fake:embed',
  dimensions: 2,
  async embed(texts) {
    return { vectors: texts.map(() => [1, 0]), usage: { promptTokens: texts.length * 3 } };
  },
};

describe('AiMeter', () => {
  it('records each call with its tokens; a stream without usage is estimated; an open circuit is not recorded', async () => {
    const userId = await newUser();
    const meter = await meterFor(userId);
    const c = meter.chat(chat)!;
    expect(c.model).toBe('fake:chat');
    await c.complete([{ role: 'user', content: 'hi' }]);
    const events = [];
    for await (const e of c.stream([{ role: 'user', content: 'x'.repeat(40) }])) events.push(e.type);
    expect(events).toEqual(['delta', 'delta', 'done']);
    await expect(c.completeJson([{ role: 'user', content: 'hi' }], { name: 'x', schema: {} })).rejects.toThrow('open');
    const e = meter.embedder(embedder);
    expect(e.dimensions).toBe(2);
    await e.embed(['a', 'b']);
    await meter.settled();
    const rows = await testDb().aiUsage.findMany({ where: { userId }, orderBy: { id: 'asc' } });
    // Records are written as the calls end, not waited for one by one: their order is not the calls'.
    const seen = rows.map((r) => [r.service, r.model, r.totalTokens, r.estimated, r.procedure, r.requestId, r.outcome]);
    expect(seen).toHaveLength(3);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['chat', 'fake:chat', 11, false, 'test.proc', 'req-1', 'ok'],
        ['chat', 'fake:chat', estimateTokens('x'.repeat(40)) + estimateTokens('abcdefghijklmnop'), true, 'test.proc', 'req-1', 'ok'],
        ['embeddings', 'fake:embed', 6, false, 'test.proc', 'req-1', 'ok'],
      ]),
    );
    expect(meter.tokensToday).toBe(11 + 14 + 6);
  });

  it('refuses a call once the budget is spent, including by this request’s own calls', async () => {
    const userId = await newUser();
    const meter = await meterFor(userId, 10);
    const c = meter.chat(chat)!;
    await c.complete([{ role: 'user', content: 'hi' }]);
    await expect(c.complete([{ role: 'user', content: 'again' }])).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await meter.settled();
    await expect(meterFor(userId, 10)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      details: { rateLimit: { limit: 10, remaining: 0 } },
    });
    expect((await meterFor(userId, 0)).tokensToday).toBe(0);
  });

  it('a call made inside a transaction of the caller completes; its record is written after', async () => {
    const userId = await newUser();
    const meter = await meterFor(userId);
    const e = meter.embedder(embedder);
    await testDb().$transaction(async (tx) => {
      await e.embed(['inside']);
      await tx.user.update({ where: { id: userId }, data: { displayName: 'after the call' } });
    });
    await meter.settled();
    expect(await testDb().aiUsage.count({ where: { userId } })).toBe(1);
  });

  it('records a failed call as an error without tokens', async () => {
    const userId = await newUser();
    const meter = await meterFor(userId);
    const failing: Embedder = { ...embedder, embed: async () => Promise.reject(new Error('down')) };
    await expect(meter.embedder(failing).embed(['x'])).rejects.toThrow('down');
    await meter.settled();
    const [row] = await testDb().aiUsage.findMany({ where: { userId } });
    expect(row).toMatchObject({ outcome: 'error', totalTokens: 0, service: 'embeddings' });
  });
});
