// The circuit breakers of the hosted AI services, with the real openai SDK against
// the fake server: consecutive failures open a service's circuit, calls then fail
// at once (reason circuit_open, Retry-After = time until half-open) without
// reaching the provider; after that time one trial call decides; failures that say
// nothing about the service's health never open it; local fallbacks are not wrapped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@ap/config/env';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { AiCircuitBreaker, guardPort } from '../src/breaker.ts';
import { AiUnavailableError } from '../src/errors.ts';
import { LocalHashingEmbedder } from '../src/local-embedder.ts';
import { createAiProviders } from '../src/providers.ts';
import { FAST_RETRY, openAiConfig } from './helpers.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const messages = [{ role: 'user' as const, content: 'hello' }];

async function failure(p: Promise<unknown>): Promise<AiUnavailableError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AiUnavailableError);
    return err as AiUnavailableError;
  }
  throw new Error('expected a failure');
}

describe('circuit breakers of the hosted services', () => {
  it('a hanging provider: each call stops at AI_TIMEOUT_MS, then the circuit opens and calls fail at once', async () => {
    const ai = createAiProviders(openAiConfig(fake, { AI_TIMEOUT_MS: '200' }), { breaker: { threshold: 3, halfOpenAfterMs: 20_000 } });
    fake.failNext(10, { hang: true }, 'chat');
    for (let i = 0; i < 3; i++) {
      expect((await failure(ai.chat!.complete(messages))).reason).toBe('timeout');
    }
    expect(ai.breakers.chat?.state).toBe('open');
    const sent = fake.requestsTo('chat').length;
    const open = await failure(ai.chat!.complete(messages));
    expect(open).toMatchObject({ reason: 'circuit_open', service: 'chat', provider: 'openai' });
    expect(open.retryAfterSeconds).toBeGreaterThan(15);
    expect(open.retryAfterSeconds).toBeLessThanOrEqual(20);
    // Nothing reached the provider, through any method; the other services are unaffected.
    expect((await failure(ai.chat!.completeJson(messages, { name: 'x', schema: { type: 'object' } }))).reason).toBe('circuit_open');
    await expect(
      (async () => {
        for await (const _ of ai.chat!.stream(messages)) {
        }
      })(),
    ).rejects.toMatchObject({ reason: 'circuit_open' });
    expect(fake.requestsTo('chat').length).toBe(sent);
    expect((await ai.embedder.embed(['still fine'])).vectors).toHaveLength(1);
    expect(ai.breakers.embeddings?.state).toBe('closed');
  });

  it('half-opens after its period: a failing trial opens it again, a good one closes it', async () => {
    const ai = createAiProviders(openAiConfig(fake), {
      retry: { ...FAST_RETRY, maxRetries: 0 },
      breaker: { threshold: 2, halfOpenAfterMs: 1_000 },
    });
    fake.failNext(3, { status: 503 }, 'embeddings');
    await failure(ai.embedder.embed(['a']));
    await failure(ai.embedder.embed(['a']));
    expect(ai.breakers.embeddings?.state).toBe('open');
    expect((await failure(ai.embedder.embed(['a']))).reason).toBe('circuit_open');
    await new Promise((r) => setTimeout(r, 1_100));
    // The trial fails (the third 503): open again, for another period.
    expect((await failure(ai.embedder.embed(['a']))).reason).toBe('unavailable');
    expect(ai.breakers.embeddings?.state).toBe('open');
    expect((await failure(ai.embedder.embed(['a']))).reason).toBe('circuit_open');
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await ai.embedder.embed(['a'])).vectors).toHaveLength(1);
    expect(ai.breakers.embeddings?.state).toBe('closed');
    expect(fake.requestsTo('embeddings')).toHaveLength(4);
  });

  it('a 429 storm opens the circuit too; refusals, bad requests and wrong keys do not', async () => {
    const ai = createAiProviders(openAiConfig(fake), { retry: { ...FAST_RETRY, maxRetries: 1 }, breaker: { threshold: 2 } });
    fake.failNext(4, { status: 400 }, 'chat');
    for (let i = 0; i < 4; i++) expect((await failure(ai.chat!.complete(messages))).reason).toBe('rejected');
    fake.failNext(4, { status: 401 }, 'chat');
    for (let i = 0; i < 4; i++) expect((await failure(ai.chat!.complete(messages))).reason).toBe('misconfigured');
    expect(ai.breakers.chat?.state).toBe('closed');
    fake.failNext(4, { status: 429, retryAfterMs: 5 }, 'chat');
    for (let i = 0; i < 2; i++) expect((await failure(ai.chat!.complete(messages))).reason).toBe('rate_limited');
    expect(ai.breakers.chat?.state).toBe('open');
  });

  it('a success between failures resets the count', async () => {
    const ai = createAiProviders(openAiConfig(fake), { retry: { maxRetries: 0 }, breaker: { threshold: 2 } });
    for (let i = 0; i < 3; i++) {
      fake.failNext(1, { status: 500 }, 'chat');
      await failure(ai.chat!.complete(messages));
      await ai.chat!.complete(messages);
    }
    expect(ai.breakers.chat?.state).toBe('closed');
  });

  it('a stream that stalls after its first delta counts as a failure', async () => {
    const ai = createAiProviders(openAiConfig(fake, { AI_TIMEOUT_MS: '200' }), { breaker: { threshold: 2 } });
    for (let i = 0; i < 2; i++) {
      fake.failNext(1, { stallAfterChunks: 1 }, 'chat');
      fake.replies.push({ chunks: ['one ', 'two'] });
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const e of ai.chat!.stream(messages)) if (e.type === 'delta') seen.push(e.text);
        })(),
      ).rejects.toMatchObject({ reason: 'timeout' });
      expect(seen).toEqual(['one ']);
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(ai.breakers.chat?.state).toBe('open');
  });

  it('passes everything else through: model names, dimensions, instanceof', async () => {
    const ai = createAiProviders(openAiConfig(fake));
    expect(ai.embedder.model).toBe('openai:text-embedding-3-small');
    expect(ai.embedder.dimensions).toBe(32);
    expect(ai.chat!.model).toBe('openai:gpt-4o-mini');
    expect(Object.keys(ai.breakers).sort()).toEqual(['chat', 'embeddings']);
    const local = createAiProviders(parseEnv({}));
    expect(local.embedder).toBeInstanceOf(LocalHashingEmbedder);
    expect(local.breakers).toEqual({});
  });

  it('guards any port by name: a vision model, say', async () => {
    const breaker = new AiCircuitBreaker('vision', 'azure-vision', { threshold: 1, halfOpenAfterMs: 60_000 });
    let calls = 0;
    const vision = guardPort(
      {
        model: 'azure-vision:test',
        async analyze() {
          calls++;
          throw new AiUnavailableError({ service: 'vision', provider: 'azure-vision', reason: 'unavailable', message: 'down' });
        },
      },
      breaker,
      { calls: ['analyze'] },
    );
    expect((await failure(vision.analyze())).reason).toBe('unavailable');
    const open = await failure(vision.analyze());
    expect(open).toMatchObject({ reason: 'circuit_open', service: 'vision' });
    expect(open.retryAfterSeconds).toBeGreaterThan(55);
    expect(calls).toBe(1);
    expect(vision.model).toBe('azure-vision:test');
  });
});
