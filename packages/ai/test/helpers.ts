import { parseEnv } from '@ap/config/env';
import type { FakeOpenAi } from '@ap/testing/fake-openai';

/** Config for OpenAI pointed at the fake. */
export function openAiConfig(fake: FakeOpenAi, extra: Record<string, string> = {}) {
  return parseEnv({
    OPENAI_API_KEY: fake.apiKey,
    OPENAI_BASE_URL: fake.baseURL,
    EMBEDDING_DIMENSIONS: '32',
    AI_TIMEOUT_MS: '5000',
    ...extra,
  });
}

/** Config for Azure OpenAI pointed at the fake. */
export function azureConfig(fake: FakeOpenAi, extra: Record<string, string> = {}) {
  return parseEnv({
    AZURE_OPENAI_ENDPOINT: fake.url,
    AZURE_OPENAI_API_KEY: fake.apiKey,
    AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-dep',
    AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed-dep',
    EMBEDDING_DIMENSIONS: '32',
    AI_TIMEOUT_MS: '5000',
    ...extra,
  });
}

/** Quick backoff for 5xx retries (Retry-After, when sent, is still honoured as given). */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

export const texts = (n: number, prefix = 'text') => Array.from({ length: n }, (_, i) => `${prefix} number ${i}`);
