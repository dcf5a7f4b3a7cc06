// Chooses the AI providers once, from config:
// - Azure OpenAI when AZURE_OPENAI_ENDPOINT is set (each deployment that is set),
// - else OpenAI or a compatible server when OPENAI_API_KEY is set,
// - else local: the hashing embedder, and no chat model (callers answer extractively).
// An embedder without a hosted embedding model is the local one. Every choice is
// named in its `model`. The extractor is Document Intelligence when
// AZURE_DOCUMENT_INTELLIGENCE_* are set, else the local extractors (createExtractor).
// Every hosted service sits behind a circuit breaker of its own (breaker.ts); the
// local fallbacks do not.
import type { Env } from '@ap/config/env';
import { AiCircuitBreaker, guardChatModel, guardEmbedder, guardExtractor, type BreakerOptions } from './breaker.ts';
import type { AiCallEvent, RetryPolicy } from './call-policy.ts';
import type { AiService } from './errors.ts';
import { createExtractor, type ClosableExtractor, type ExtractorFactoryOptions } from './extraction/create-extractor.ts';
import { LocalHashingEmbedder } from './local-embedder.ts';
import { OpenAiChatModel } from './openai-chat.ts';
import { createOpenAiConnection, type OpenAiProvider } from './openai-client.ts';
import { OpenAiEmbedder } from './openai-embedder.ts';
import type { ChatModel, Embedder } from './types.ts';

export type AiConfig = Pick<
  Env,
  | 'AZURE_OPENAI_ENDPOINT'
  | 'AZURE_OPENAI_API_KEY'
  | 'AZURE_OPENAI_API_VERSION'
  | 'AZURE_OPENAI_CHAT_DEPLOYMENT'
  | 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_CHAT_MODEL'
  | 'OPENAI_EMBEDDING_MODEL'
  | 'EMBEDDING_DIMENSIONS'
  | 'AI_TIMEOUT_MS'
  | 'AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT'
  | 'AZURE_DOCUMENT_INTELLIGENCE_KEY'
>;

export interface AiProviderOptions {
  /** Overrides of the retry policy (defaults: 2 retries, Retry-After up to 10 s honoured). */
  retry?: Partial<RetryPolicy>;
  /** Embedding inputs per request. Default 64. */
  embeddingBatchSize?: number;
  /** Embedding requests in flight per call. Default 4. */
  embeddingConcurrency?: number;
  embeddingEncoding?: 'base64' | 'float';
  /** Every attempt of every hosted call, for logs and metrics. */
  onCall?: (event: AiCallEvent) => void;
  /** The fetch the SDK uses. Default: the global one. */
  fetch?: typeof fetch;
  /** Options of the extractor (OCR, Document Intelligence timeouts). */
  extraction?: ExtractorFactoryOptions;
  /** The circuit breakers of the hosted services (default: 5 consecutive failures open one for 30 s). */
  breaker?: BreakerOptions;
}

export interface AiProviders {
  /** Where hosted calls go: `local` when no AI service is configured. */
  provider: OpenAiProvider | 'local';
  embedder: Embedder;
  /** null: no chat model configured; answers are extractive. */
  chat: ChatModel | null;
  /** Document Intelligence or the local extractors; `close()` it at shutdown (it may hold an OCR worker). */
  extractor: ClosableExtractor;
  /** The breaker of each hosted service in use (none for local fallbacks). */
  breakers: Partial<Record<AiService, AiCircuitBreaker>>;
}

export function createAiProviders(config: AiConfig, options: AiProviderOptions = {}): AiProviders {
  const connection = createOpenAiConnection(config, options.fetch ? { fetch: options.fetch } : {});
  const breakers: AiProviders['breakers'] = {};
  const breaker = (service: AiService, provider: string) => (breakers[service] = new AiCircuitBreaker(service, provider, options.breaker));
  const extractor = createExtractor(config, {
    ...options.extraction,
    guardRemote: (remote) => guardExtractor(remote, breaker('document-intelligence', 'azure-document-intelligence')),
  });
  if (!connection) {
    return {
      provider: 'local',
      embedder: new LocalHashingEmbedder({ dimensions: config.EMBEDDING_DIMENSIONS }),
      chat: null,
      extractor,
      breakers,
    };
  }
  const shared = {
    client: connection.client,
    provider: connection.provider,
    timeoutMs: config.AI_TIMEOUT_MS,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
  };
  const embedder: Embedder = connection.embeddingModel
    ? guardEmbedder(
        new OpenAiEmbedder({
          ...shared,
          model: connection.embeddingModel,
          dimensions: config.EMBEDDING_DIMENSIONS,
          ...(options.embeddingBatchSize ? { batchSize: options.embeddingBatchSize } : {}),
          ...(options.embeddingConcurrency ? { concurrency: options.embeddingConcurrency } : {}),
          ...(options.embeddingEncoding ? { encodingFormat: options.embeddingEncoding } : {}),
        }),
        breaker('embeddings', connection.provider),
      )
    : new LocalHashingEmbedder({ dimensions: config.EMBEDDING_DIMENSIONS });
  const chat = connection.chatModel
    ? guardChatModel(new OpenAiChatModel({ ...shared, model: connection.chatModel }), breaker('chat', connection.provider))
    : null;
  return { provider: connection.provider, embedder, chat, extractor, breakers };
}
