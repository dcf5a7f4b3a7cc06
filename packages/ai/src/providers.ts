// Chooses the AI providers once, from config:
// - Azure OpenAI when AZURE_OPENAI_ENDPOINT is set (each deployment that is set),
// - else OpenAI or a compatible server when OPENAI_API_KEY is set,
// - else local: the hashing embedder, and no chat model (callers answer extractively).
// An embedder without a hosted embedding model is the local one. Every choice is
// named in its `model`. The extractor is Document Intelligence when
// AZURE_DOCUMENT_INTELLIGENCE_* are set, else the local extractors (createExtractor).
// Image analysis is Azure AI Vision when AZURE_VISION_* are set, else local OCR.
// The local extractors and the local image analysis share one OCR worker.
// Every hosted service sits behind a circuit breaker of its own (breaker.ts); the
// local fallbacks do not.
import type { Env } from '@ap/config/env';
import { AiCircuitBreaker, guardChatModel, guardEmbedder, guardExtractor, guardVisionModel, type BreakerOptions } from './breaker.ts';
import type { AiCallEvent, RetryPolicy } from './call-policy.ts';
import type { AiService } from './errors.ts';
import { createExtractor, type ClosableExtractor, type ExtractorFactoryOptions } from './extraction/create-extractor.ts';
import { TesseractOcr, type Ocr } from './extraction/ocr.ts';
import { LocalHashingEmbedder } from './local-embedder.ts';
import { OpenAiChatModel } from './openai-chat.ts';
import { createOpenAiConnection, type OpenAiProvider } from './openai-client.ts';
import { OpenAiEmbedder } from './openai-embedder.ts';
import type { ChatModel, Embedder, VisionModel } from './types.ts';
import { AzureVisionModel } from './vision/azure-vision.ts';
import { LocalVisionModel } from './vision/local-vision.ts';

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
  | 'AZURE_VISION_ENDPOINT'
  | 'AZURE_VISION_KEY'
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
  /** Document Intelligence or the local extractors. */
  extractor: ClosableExtractor;
  /** Azure AI Vision, or the local analysis (OCR lines, no caption or tags). */
  vision: VisionModel;
  /** Stops the OCR worker, if one was started: call it at shutdown. */
  close(): Promise<void>;
  /** The breaker of each hosted service in use (none for local fallbacks). */
  breakers: Partial<Record<AiService, AiCircuitBreaker>>;
}

/** Azure AI Vision when AZURE_VISION_ENDPOINT and _KEY are set, else the local analysis with `ocr`. */
export function createVisionModel(
  config: Pick<AiConfig, 'AZURE_VISION_ENDPOINT' | 'AZURE_VISION_KEY' | 'AI_TIMEOUT_MS'>,
  ocr: Ocr,
  options: Pick<AiProviderOptions, 'retry' | 'onCall' | 'fetch'> = {},
): VisionModel {
  if (!config.AZURE_VISION_ENDPOINT || !config.AZURE_VISION_KEY) return new LocalVisionModel(ocr);
  return new AzureVisionModel({
    endpoint: config.AZURE_VISION_ENDPOINT,
    key: config.AZURE_VISION_KEY,
    timeoutMs: config.AI_TIMEOUT_MS,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.onCall ? { onCall: options.onCall } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export function createAiProviders(config: AiConfig, options: AiProviderOptions = {}): AiProviders {
  const connection = createOpenAiConnection(config, options.fetch ? { fetch: options.fetch } : {});
  // One OCR worker (started on first use) for extraction and image analysis.
  const ocr = options.extraction?.local?.ocr ?? new TesseractOcr();
  const breakers: AiProviders['breakers'] = {};
  const breaker = (service: AiService, provider: string) => (breakers[service] = new AiCircuitBreaker(service, provider, options.breaker));
  const extractor = createExtractor(config, {
    ...options.extraction,
    local: { ...options.extraction?.local, ocr },
    guardRemote: (remote) => guardExtractor(remote, breaker('document-intelligence', 'azure-document-intelligence')),
  });
  const analysis = createVisionModel(config, ocr, options);
  const vision = analysis instanceof LocalVisionModel ? analysis : guardVisionModel(analysis, breaker('vision', 'azure-vision'));
  const close = () => extractor.close();
  if (!connection) {
    return {
      provider: 'local',
      embedder: new LocalHashingEmbedder({ dimensions: config.EMBEDDING_DIMENSIONS }),
      chat: null,
      extractor,
      vision,
      close,
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
  return { provider: connection.provider, embedder, chat, extractor, vision, close, breakers };
}
