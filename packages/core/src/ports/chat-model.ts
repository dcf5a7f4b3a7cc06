/**
 * A chat-completion model. `null` in place of a ChatModel means no model is
 * configured: callers then answer extractively.
 */
export interface ChatModel {
  /** Names the model in use, e.g. `openai:gpt-4o-mini` or `azure-openai:chat-deployment`. */
  readonly model: string;
  /** One complete answer. */
  complete(messages: ChatMessage[], opts?: ChatOptions): Promise<ChatCompletion>;
  /** The same answer as it is produced: text deltas, then one final `done` event. */
  stream(messages: ChatMessage[], opts?: ChatOptions): AsyncIterable<ChatStreamEvent>;
  /** An answer constrained to a JSON schema, parsed (and checked by `format.parse` when given). */
  completeJson<T>(messages: ChatMessage[], format: JsonFormat<T>, opts?: ChatOptions): Promise<ChatJsonCompletion<T>>;
}

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Upper bound on generated tokens. */
  maxTokens?: number;
  temperature?: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** `length`: cut at maxTokens; `content_filter`: withheld by the provider. */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'other';

export interface ChatCompletion {
  text: string;
  /** The model that answered, as named by `ChatModel.model`. */
  model: string;
  finishReason: FinishReason;
  usage?: ChatUsage;
}

export type ChatStreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'done'; model: string; finishReason: FinishReason; usage?: ChatUsage };

/** A JSON schema for structured output (the OpenAI `json_schema` response format). */
export interface JsonFormat<T> {
  /** Letters, digits, `_` and `-` only. */
  name: string;
  description?: string;
  /** A JSON Schema object. In strict mode every property is required and `additionalProperties` is false. */
  schema: Record<string, unknown>;
  /** Default true. */
  strict?: boolean;
  /** Checks and narrows the parsed value (a zod schema's `parse`, for instance); throws when it does not fit. */
  parse?: (value: unknown) => T;
}

export interface ChatJsonCompletion<T> {
  value: T;
  /** The raw JSON text the model produced. */
  text: string;
  model: string;
  usage?: ChatUsage;
}
