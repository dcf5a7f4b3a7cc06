import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import type { AiCallEvent } from '../src/call-policy.ts';
import { AiUnavailableError } from '../src/errors.ts';
import { OpenAiEmbedder } from '../src/openai-embedder.ts';
import { createAiProviders } from '../src/providers.ts';
import { FAST_RETRY, azureConfig, openAiConfig, texts } from './helpers.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const failure = async (promise: Promise<unknown>): Promise<AiUnavailableError> => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AiUnavailableError);
  return err as AiUnavailableError;
};

function expectFakeVectors(vectors: number[][], inputs: string[], dimensions: number) {
  expect(vectors).toHaveLength(inputs.length);
  vectors.forEach((v, i) => expect(v).toEqual(fakeEmbedding(inputs[i]!, dimensions)));
}

describe('OpenAI embedder against the fake', () => {
  it('sends n inputs in ⌈n / batch⌉ requests and returns the vectors in input order', async () => {
    const { embedder } = createAiProviders(openAiConfig(fake), { embeddingBatchSize: 64 });
    const inputs = texts(150);
    const result = await embedder.embed(inputs);
    const calls = fake.requestsTo('embeddings');
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.inputCount).sort((a, b) => a! - b!)).toEqual([22, 64, 64]);
    expectFakeVectors(result.vectors, inputs, 32);
    expect(result.usage?.promptTokens).toBe(150 * 3);
    expect(embedder.model).toBe('openai:text-embedding-3-small');
    expect(embedder.dimensions).toBe(32);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    fake.delayMs = 40;
    const { embedder } = createAiProviders(openAiConfig(fake), { embeddingBatchSize: 5, embeddingConcurrency: 2 });
    const inputs = texts(40);
    const { vectors } = await embedder.embed(inputs);
    expect(fake.requestsTo('embeddings')).toHaveLength(8);
    expect(fake.maxInFlight).toBe(2);
    expectFakeVectors(vectors, inputs, 32);
  });

  it('speaks OpenAI: /v1/embeddings, bearer key, model, dimensions, base64 by default', async () => {
    const { embedder } = createAiProviders(openAiConfig(fake, { OPENAI_EMBEDDING_MODEL: 'text-embedding-3-large' }));
    const { vectors } = await embedder.embed(['alpha', 'beta']);
    const [call] = fake.requestsTo('embeddings');
    expect(call).toMatchObject({ flavor: 'openai', path: '/v1/embeddings' });
    expect(call!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(call!.body).toEqual({ model: 'text-embedding-3-large', input: ['alpha', 'beta'], encoding_format: 'base64', dimensions: 32 });
    expectFakeVectors(vectors, ['alpha', 'beta'], 32);
  });

  it('decodes float responses the same as base64', async () => {
    const { embedder } = createAiProviders(openAiConfig(fake), { embeddingEncoding: 'float' });
    const { vectors } = await embedder.embed(['alpha', 'beta']);
    expect(fake.requestsTo('embeddings')[0]!.body.encoding_format).toBe('float');
    expectFakeVectors(vectors, ['alpha', 'beta'], 32);
  });

  it('speaks Azure OpenAI: deployment path, api-version, api-key header, no bearer', async () => {
    const { embedder, provider } = createAiProviders(azureConfig(fake, { AZURE_OPENAI_API_VERSION: '2024-06-01' }));
    expect(provider).toBe('azure-openai');
    expect(embedder.model).toBe('azure-openai:embed-dep');
    const { vectors } = await embedder.embed(['alpha']);
    const [call] = fake.requestsTo('embeddings');
    expect(call).toMatchObject({ flavor: 'azure', path: '/openai/deployments/embed-dep/embeddings', deployment: 'embed-dep' });
    expect(call!.query['api-version']).toBe('2024-06-01');
    expect(call!.headers['api-key']).toBe(fake.apiKey);
    expect(call!.headers.authorization).toBeUndefined();
    expect(call!.body.dimensions).toBe(32);
    expectFakeVectors(vectors, ['alpha'], 32);
  });

  it('uses the default Azure API version when none is configured', async () => {
    const { embedder } = createAiProviders(azureConfig(fake));
    await embedder.embed(['alpha']);
    expect(fake.requestsTo('embeddings')[0]!.query['api-version']).toBe('2024-10-21');
  });

  it('waits out two 429s as Retry-After says, then completes with each vector once', async () => {
    fake.failNext(2, { status: 429, retryAfterSeconds: 1 }, 'embeddings');
    const events: AiCallEvent[] = [];
    const { embedder } = createAiProviders(openAiConfig(fake), { embeddingBatchSize: 64, onCall: (e) => events.push(e) });
    const inputs = texts(10);
    const { vectors } = await embedder.embed(inputs);
    const calls = fake.requestsTo('embeddings');
    expect(calls.map((c) => c.outcome)).toEqual([429, 429, 200]);
    expectFakeVectors(vectors, inputs, 32);
    expect(new Set(vectors.map((v) => v.join(','))).size).toBe(10);
    expect(events.map((e) => [e.outcome, e.status, e.delayMs])).toEqual([
      ['retry', 429, 1000],
      ['retry', 429, 1000],
      ['ok', undefined, undefined],
    ]);
  });

  it('prefers retry-after-ms over retry-after', async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 5, retryAfterMs: 30 }, 'embeddings');
    const events: AiCallEvent[] = [];
    const { embedder } = createAiProviders(openAiConfig(fake), { onCall: (e) => events.push(e) });
    await embedder.embed(['a']);
    expect(events[0]).toMatchObject({ outcome: 'retry', delayMs: 30 });
  });

  it('fails at once with the provider’s Retry-After when it is longer than it is worth waiting', async () => {
    fake.failNext(5, { status: 429, retryAfterSeconds: 120 }, 'embeddings');
    const { embedder } = createAiProviders(openAiConfig(fake));
    const err = await failure(embedder.embed(['a']));
    expect(err).toMatchObject({ service: 'embeddings', provider: 'openai', reason: 'rate_limited', status: 429, retryAfterSeconds: 120 });
    expect(fake.requestsTo('embeddings')).toHaveLength(1);
  });

  it('retries 5xx a bounded number of times, then reports the service unavailable', async () => {
    fake.failNext(10, { status: 500 }, 'embeddings');
    const { embedder } = createAiProviders(openAiConfig(fake), { retry: { ...FAST_RETRY, maxRetries: 2 } });
    const err = await failure(embedder.embed(['a']));
    expect(err).toMatchObject({ reason: 'unavailable', status: 500 });
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(fake.requestsTo('embeddings')).toHaveLength(3);
  });

  it('recovers from one 503', async () => {
    fake.failNext(1, { status: 503 }, 'embeddings');
    const { embedder } = createAiProviders(openAiConfig(fake), { retry: FAST_RETRY });
    const { vectors } = await embedder.embed(['a', 'b']);
    expectFakeVectors(vectors, ['a', 'b'], 32);
    expect(fake.requestsTo('embeddings').map((c) => c.outcome)).toEqual([503, 200]);
  });

  it('stops a server that never answers at AI_TIMEOUT_MS, without retrying', async () => {
    fake.failNext(1, { hang: true }, 'embeddings');
    const { embedder } = createAiProviders(openAiConfig(fake, { AI_TIMEOUT_MS: '300' }), { retry: FAST_RETRY });
    const err = await failure(embedder.embed(['a']));
    expect(err).toMatchObject({ service: 'embeddings', reason: 'timeout' });
    expect(fake.requestsTo('embeddings').map((c) => c.outcome)).toEqual(['hang']);
  });

  it('stops the other batches when one fails for good', async () => {
    fake.failNext(1, { status: 401, message: 'bad key' }, 'embeddings');
    fake.delayMs = 30;
    const { embedder } = createAiProviders(openAiConfig(fake), { embeddingBatchSize: 1, embeddingConcurrency: 2 });
    const err = await failure(embedder.embed(texts(20)));
    expect(err).toMatchObject({ reason: 'misconfigured', status: 401 });
    expect(fake.requestsTo('embeddings').length).toBeLessThan(20);
  });

  it('reports a wrong key as misconfigured', async () => {
    const config = openAiConfig(fake, { OPENAI_API_KEY: 'sk-wrong' });
    const { embedder } = createAiProviders(config);
    const err = await failure(embedder.embed(['a']));
    expect(err).toMatchObject({ reason: 'misconfigured', status: 401 });
    expect(fake.requestsTo('embeddings')).toHaveLength(1);
  });

  it('refuses vectors of another size than EMBEDDING_DIMENSIONS', async () => {
    const { client } = (await import('../src/openai-client.ts')).createOpenAiConnection(openAiConfig(fake))!;
    const embedder = new OpenAiEmbedder({ client, provider: 'openai', model: 'text-embedding-ada-002', dimensions: 32, timeoutMs: 5000 });
    // ada-002 takes no `dimensions`, so the fake answers its default size.
    const err = await failure(embedder.embed(['a']));
    expect(fake.requestsTo('embeddings')[0]!.body.dimensions).toBeUndefined();
    expect(err).toMatchObject({ reason: 'invalid_response' });
    expect(err.message).toMatch(/1536 dimensions, EMBEDDING_DIMENSIONS is 32/);
  });

  it('sends blank inputs as a space and embeds an empty list without a request', async () => {
    const { embedder } = createAiProviders(openAiConfig(fake));
    expect(await embedder.embed([])).toEqual({ vectors: [] });
    expect(fake.requests).toHaveLength(0);
    const { vectors } = await embedder.embed(['', 'x']);
    expect(fake.requestsTo('embeddings')[0]!.body.input).toEqual([' ', 'x']);
    expect(vectors).toHaveLength(2);
  });

  it('passes the caller’s abort through', async () => {
    fake.failNext(1, { hang: true }, 'embeddings');
    const { embedder } = createAiProviders(openAiConfig(fake));
    const controller = new AbortController();
    const pending = embedder.embed(['a'], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
