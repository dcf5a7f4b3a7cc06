// One configured `openai` SDK client: Azure OpenAI when AZURE_OPENAI_ENDPOINT is
// set, else OpenAI (or a server speaking its API) when OPENAI_API_KEY is set.
// The SDK's own retries are off and its timeout is AI_TIMEOUT_MS; retries happen
// in call-policy.ts. The SDK is loaded with the first call, not with the process.
import type OpenAI from 'openai';

/** Used when AZURE_OPENAI_API_VERSION is unset: GA, with json_schema output and streamed usage. */
export const DEFAULT_AZURE_OPENAI_API_VERSION = '2024-10-21';

export type OpenAiProvider = 'openai' | 'azure-openai';

/** The SDK client, made when first asked for. */
export type OpenAiClient = () => Promise<OpenAI>;

function lazyClient(make: (sdk: typeof import('openai')) => OpenAI): OpenAiClient {
  let client: Promise<OpenAI> | undefined;
  return () => (client ??= import('openai').then(make));
}

export interface OpenAiConnection {
  provider: OpenAiProvider;
  client: OpenAiClient;
  /** Deployment (Azure) or model (OpenAI) names; null when not configured. */
  chatModel: string | null;
  embeddingModel: string | null;
}

export interface OpenAiConnectionConfig {
  AZURE_OPENAI_ENDPOINT?: string | undefined;
  AZURE_OPENAI_API_KEY?: string | undefined;
  AZURE_OPENAI_API_VERSION?: string | undefined;
  AZURE_OPENAI_CHAT_DEPLOYMENT?: string | undefined;
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT?: string | undefined;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_CHAT_MODEL: string;
  OPENAI_EMBEDDING_MODEL: string;
  AI_TIMEOUT_MS: number;
}

/** The configured connection, or null when neither Azure OpenAI nor OpenAI is set up. */
export function createOpenAiConnection(config: OpenAiConnectionConfig, opts: { fetch?: typeof fetch } = {}): OpenAiConnection | null {
  const common = {
    timeout: config.AI_TIMEOUT_MS,
    maxRetries: 0,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  };
  if (config.AZURE_OPENAI_ENDPOINT) {
    if (!config.AZURE_OPENAI_API_KEY) throw new Error('AZURE_OPENAI_API_KEY is required when AZURE_OPENAI_ENDPOINT is set');
    // No client-wide deployment: each request's `model` names its deployment, so one
    // client serves both the chat and the embedding deployment.
    const client = lazyClient(
      (sdk) =>
        new sdk.AzureOpenAI({
          ...common,
          // Only the parsed config counts: never the SDK's own reading of OPENAI_BASE_URL
          // (which, beside an endpoint, it refuses).
          baseURL: null,
          endpoint: config.AZURE_OPENAI_ENDPOINT,
          apiKey: config.AZURE_OPENAI_API_KEY,
          apiVersion: config.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_OPENAI_API_VERSION,
        }),
    );
    return {
      provider: 'azure-openai',
      client,
      chatModel: config.AZURE_OPENAI_CHAT_DEPLOYMENT ?? null,
      embeddingModel: config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT ?? null,
    };
  }
  if (config.OPENAI_API_KEY) {
    const apiKey = config.OPENAI_API_KEY;
    const client = lazyClient(
      (sdk) =>
        new sdk.default({
          ...common,
          apiKey,
          baseURL: config.OPENAI_BASE_URL ?? null,
          // Never pick up an organization or project from the process environment.
          organization: null,
          project: null,
        }),
    );
    return {
      provider: 'openai',
      client,
      chatModel: config.OPENAI_CHAT_MODEL,
      embeddingModel: config.OPENAI_EMBEDDING_MODEL,
    };
  }
  return null;
}
