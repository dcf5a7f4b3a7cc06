import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { AiUnavailableError } from '../src/errors.ts';
import { createAiProviders } from '../src/providers.ts';
import type { ChatModel, ChatStreamEvent } from '../src/types.ts';
import { FAST_RETRY, azureConfig, openAiConfig } from './helpers.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const chatFor = (config: Parameters<typeof createAiProviders>[0]): ChatModel => {
  const { chat } = createAiProviders(config, { retry: FAST_RETRY });
  if (!chat) throw new Error('expected a chat model');
  return chat;
};

const collect = async (events: AsyncIterable<ChatStreamEvent>) => {
  const out: ChatStreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
};

const failure = async (promise: Promise<unknown>): Promise<AiUnavailableError> => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AiUnavailableError);
  return err as AiUnavailableError;
};

const messages = [
  { role: 'system' as const, content: 'Answer from the sources only.' },
  { role: 'user' as const, content: 'When is the launch?' },
];

describe('OpenAI chat model against the fake', () => {
  it('completes: text, finish reason, usage, named model; sends model and messages', async () => {
    fake.replies.push({ content: 'The launch is on 3 March [1].' });
    const chat = chatFor(openAiConfig(fake, { OPENAI_CHAT_MODEL: 'gpt-4.1-mini' }));
    expect(chat.model).toBe('openai:gpt-4.1-mini');
    const answer = await chat.complete(messages, { maxTokens: 200, temperature: 0 });
    expect(answer).toEqual({
      text: 'The launch is on 3 March [1].',
      model: 'openai:gpt-4.1-mini',
      finishReason: 'stop',
      usage: { promptTokens: 9, completionTokens: 7, totalTokens: 16 },
    });
    const [call] = fake.requestsTo('chat');
    expect(call).toMatchObject({ path: '/v1/chat/completions', flavor: 'openai' });
    expect(call!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(call!.body).toEqual({ model: 'gpt-4.1-mini', messages, max_completion_tokens: 200, temperature: 0 });
  });

  it('reports a cut-off answer as finish reason length', async () => {
    fake.replies.push({ content: 'The launch is', finishReason: 'length' });
    const answer = await chatFor(openAiConfig(fake)).complete(messages);
    expect(answer.finishReason).toBe('length');
  });

  it('streams text deltas, then one done event with usage', async () => {
    fake.replies.push({ content: 'The launch is on 3 March [1].' });
    const chat = chatFor(openAiConfig(fake));
    const events = await collect(chat.stream(messages));
    const deltas = events.filter((e) => e.type === 'delta');
    expect(deltas.length).toBe(7);
    expect(deltas.map((d) => d.text).join('')).toBe('The launch is on 3 March [1].');
    expect(events.at(-1)).toEqual({
      type: 'done',
      model: 'openai:gpt-4o-mini',
      finishReason: 'stop',
      usage: { promptTokens: 9, completionTokens: 7, totalTokens: 16 },
    });
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    const body = fake.requestsTo('chat')[0]!.body;
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
  });

  it('retries a stream that was refused before its first delta', async () => {
    fake.failNext(1, { status: 429, retryAfterMs: 20 }, 'chat');
    fake.replies.push({ content: 'Once only.' });
    const events = await collect(chatFor(openAiConfig(fake)).stream(messages));
    expect(
      events
        .filter((e) => e.type === 'delta')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe('Once only.');
    expect(fake.requestsTo('chat').map((c) => c.outcome)).toEqual([429, 200]);
  });

  it('releases the stream when the consumer stops early', async () => {
    fake.replies.push({ chunks: ['a ', 'b ', 'c ', 'd'] });
    const chat = chatFor(openAiConfig(fake));
    const seen: string[] = [];
    for await (const e of chat.stream(messages)) {
      if (e.type === 'delta') seen.push(e.text);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['a ', 'b ']);
    // The model still answers the next call.
    expect((await chat.complete(messages)).text).toBe('Echo: When is the launch?');
  });

  it('stops a stream that never starts at AI_TIMEOUT_MS', async () => {
    fake.failNext(1, { hang: true }, 'chat');
    const chat = chatFor(openAiConfig(fake, { AI_TIMEOUT_MS: '300' }));
    const err = await failure(collect(chat.stream(messages)));
    expect(err).toMatchObject({ service: 'chat', reason: 'timeout' });
    expect(fake.requestsTo('chat')).toHaveLength(1);
  });

  it('ends a stream that goes silent after some deltas with a timeout, not a retry', async () => {
    fake.failNext(1, { stallAfterChunks: 2 }, 'chat');
    fake.replies.push({ chunks: ['one ', 'two ', 'three'] });
    const chat = chatFor(openAiConfig(fake, { AI_TIMEOUT_MS: '300' }));
    const seen: string[] = [];
    const err = await failure(
      (async () => {
        for await (const e of chat.stream(messages)) if (e.type === 'delta') seen.push(e.text);
      })(),
    );
    expect(err).toMatchObject({ service: 'chat', reason: 'timeout' });
    expect(seen).toEqual(['one ', 'two ']);
    expect(fake.requestsTo('chat')).toHaveLength(1);
  });

  it('ends a stream with the caller’s reason when the caller aborts mid-stream', async () => {
    fake.failNext(1, { stallAfterChunks: 1 }, 'chat');
    fake.replies.push({ chunks: ['one ', 'two'] });
    const chat = chatFor(openAiConfig(fake));
    const controller = new AbortController();
    const run = (async () => {
      for await (const e of chat.stream(messages, { signal: controller.signal })) {
        if (e.type === 'delta') controller.abort(new Error('user left'));
      }
    })();
    await expect(run).rejects.toThrow('user left');
  });

  it('stops a completion that never answers at AI_TIMEOUT_MS', async () => {
    fake.failNext(1, { hang: true }, 'chat');
    const err = await failure(chatFor(openAiConfig(fake, { AI_TIMEOUT_MS: '300' })).complete(messages));
    expect(err).toMatchObject({ reason: 'timeout', retryAfterSeconds: expect.any(Number) });
  });

  describe('structured output', () => {
    const format = {
      name: 'action_points',
      description: 'Action points found in the text',
      schema: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false },
          },
        },
        required: ['items'],
        additionalProperties: false,
      },
      parse: (v: unknown) => {
        const items = (v as { items?: unknown }).items;
        if (!Array.isArray(items) || !items.every((i) => typeof i?.title === 'string')) throw new Error('items must be titled');
        return v as { items: { title: string }[] };
      },
    };

    it('sends the json_schema response format and parses the answer', async () => {
      fake.replies.push({ content: JSON.stringify({ items: [{ title: 'Book the venue' }, { title: 'Send invites' }] }) });
      const chat = chatFor(openAiConfig(fake));
      const result = await chat.completeJson(messages, format);
      expect(result.value).toEqual({ items: [{ title: 'Book the venue' }, { title: 'Send invites' }] });
      expect(result.model).toBe('openai:gpt-4o-mini');
      expect(result.usage?.totalTokens).toBeGreaterThan(0);
      expect(fake.requestsTo('chat')[0]!.body.response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'action_points', description: 'Action points found in the text', schema: format.schema, strict: true },
      });
    });

    it('returns the value unchecked without a parse function', async () => {
      const chat = chatFor(openAiConfig(fake));
      const result = await chat.completeJson(messages, { name: 'echo', schema: { type: 'object' }, strict: false });
      expect(result.value).toEqual({ echo: 'Echo: When is the launch?' });
      expect(fake.requestsTo('chat')[0]!.body.response_format.json_schema).toEqual({
        name: 'echo',
        schema: { type: 'object' },
        strict: false,
      });
    });

    it('reports JSON that does not fit, text that is not JSON, and refusals', async () => {
      const chat = chatFor(openAiConfig(fake));
      fake.replies.push({ content: JSON.stringify({ items: [{ name: 'no title' }] }) });
      expect(await failure(chat.completeJson(messages, format))).toMatchObject({
        reason: 'invalid_response',
        message: expect.stringMatching(/items must be titled/),
      });
      fake.replies.push({ content: 'Sure! Here are the items:' });
      expect(await failure(chat.completeJson(messages, format))).toMatchObject({
        reason: 'invalid_response',
        message: expect.stringMatching(/not JSON/),
      });
      fake.replies.push({ refusal: 'I cannot help with that.' });
      expect(await failure(chat.completeJson(messages, format))).toMatchObject({ reason: 'refused' });
      fake.replies.push({ content: '{"items": [', finishReason: 'length' });
      expect(await failure(chat.completeJson(messages, format))).toMatchObject({
        reason: 'invalid_response',
        message: expect.stringMatching(/cut off/),
      });
    });
  });

  it('speaks Azure OpenAI for chat: deployment path, api-version, api-key', async () => {
    fake.replies.push({ content: 'Hello from Azure.' }, { content: 'Streamed from Azure.' });
    const chat = chatFor(azureConfig(fake));
    expect(chat.model).toBe('azure-openai:chat-dep');
    expect((await chat.complete(messages)).text).toBe('Hello from Azure.');
    const events = await collect(chat.stream(messages));
    expect(events.at(-1)).toMatchObject({ type: 'done', usage: { completionTokens: 3 } });
    for (const call of fake.requestsTo('chat')) {
      expect(call).toMatchObject({ flavor: 'azure', path: '/openai/deployments/chat-dep/chat/completions' });
      expect(call.query['api-version']).toBe('2024-10-21');
      expect(call.headers['api-key']).toBe(fake.apiKey);
    }
  });

  it('reports an unknown Azure deployment as misconfigured, without retrying', async () => {
    await fake.close();
    fake = await startFakeOpenAi({ deployments: ['embed-dep'] });
    const err = await failure(chatFor(azureConfig(fake)).complete(messages));
    expect(err).toMatchObject({ reason: 'misconfigured', status: 404, provider: 'azure-openai' });
    expect(fake.requestsTo('chat')).toHaveLength(1);
  });

  it('reports a content-filter 400 as refused', async () => {
    fake.failNext(
      1,
      {
        status: 400,
        code: 'content_filter',
        message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
      },
      'chat',
    );
    const err = await failure(chatFor(azureConfig(fake)).complete(messages));
    expect(err).toMatchObject({ reason: 'refused', status: 400 });
  });
});
