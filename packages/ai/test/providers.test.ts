import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@ap/config/env';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { LocalHashingEmbedder } from '../src/local-embedder.ts';
import { createAiProviders } from '../src/providers.ts';
import { azureConfig, openAiConfig } from './helpers.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

describe('createAiProviders', () => {
  it('with nothing configured: the local embedder at EMBEDDING_DIMENSIONS and no chat model', async () => {
    const providers = createAiProviders(parseEnv({}));
    expect(providers.provider).toBe('local');
    expect(providers.chat).toBeNull();
    expect(providers.embedder).toBeInstanceOf(LocalHashingEmbedder);
    expect(providers.embedder.model).toBe('local-hashing-v1');
    expect(providers.embedder.dimensions).toBe(1536);
    const { vectors } = await providers.embedder.embed(['hello']);
    expect(vectors[0]).toHaveLength(1536);
  });

  it('with OPENAI_API_KEY: OpenAI for both, named by model', async () => {
    const providers = createAiProviders(openAiConfig(fake));
    expect(providers.provider).toBe('openai');
    expect(providers.embedder.model).toBe('openai:text-embedding-3-small');
    expect(providers.chat?.model).toBe('openai:gpt-4o-mini');
    await providers.embedder.embed(['a']);
    await providers.chat!.complete([{ role: 'user', content: 'hi' }]);
    expect(fake.requests.map((r) => r.flavor)).toEqual(['openai', 'openai']);
  });

  it('prefers Azure OpenAI when its endpoint is set, even with an OpenAI key', async () => {
    const providers = createAiProviders(azureConfig(fake, { OPENAI_API_KEY: 'sk-unused' }));
    expect(providers.provider).toBe('azure-openai');
    expect(providers.embedder.model).toBe('azure-openai:embed-dep');
    expect(providers.chat?.model).toBe('azure-openai:chat-dep');
    await providers.embedder.embed(['a']);
    await providers.chat!.complete([{ role: 'user', content: 'hi' }]);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/openai/deployments/embed-dep/embeddings',
      '/openai/deployments/chat-dep/chat/completions',
    ]);
  });

  it('builds its clients from the parsed config only, whatever the SDK would read from the environment', async () => {
    const saved = { base: process.env.OPENAI_BASE_URL, endpoint: process.env.AZURE_OPENAI_ENDPOINT };
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    process.env.AZURE_OPENAI_ENDPOINT = 'http://127.0.0.1:9';
    try {
      await createAiProviders(azureConfig(fake)).embedder.embed(['a']);
      await createAiProviders(openAiConfig(fake)).embedder.embed(['a']);
      const noBase = openAiConfig(fake);
      delete (noBase as { OPENAI_BASE_URL?: string }).OPENAI_BASE_URL;
      expect(createAiProviders(noBase).provider).toBe('openai');
    } finally {
      for (const [k, v] of [
        ['OPENAI_BASE_URL', saved.base],
        ['AZURE_OPENAI_ENDPOINT', saved.endpoint],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(fake.requests.map((r) => r.flavor)).toEqual(['azure', 'openai']);
  });

  it('falls back per service: an Azure chat deployment alone keeps the local embedder', async () => {
    const config = parseEnv({
      AZURE_OPENAI_ENDPOINT: fake.url,
      AZURE_OPENAI_API_KEY: fake.apiKey,
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-dep',
      EMBEDDING_DIMENSIONS: '64',
    });
    const providers = createAiProviders(config);
    expect(providers.embedder.model).toBe('local-hashing-v1');
    expect(providers.embedder.dimensions).toBe(64);
    expect(providers.chat?.model).toBe('azure-openai:chat-dep');
    await providers.embedder.embed(['local only']);
    expect(fake.requests).toHaveLength(0);
  });
});
