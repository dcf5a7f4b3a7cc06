// The shapes of core's ports (packages/core/src/ports), repeated here so that this
// package needs no import of @ap/core: the composition root assigns these
// implementations to the ports, which checks that they match.

export interface EmbedOptions {
  signal?: AbortSignal;
}

export interface EmbedResult {
  vectors: number[][];
  usage?: { promptTokens: number };
}

export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[], opts?: EmbedOptions): Promise<EmbedResult>;
}

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ChatOptions {
  signal?: AbortSignal;
  maxTokens?: number;
  temperature?: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'other';

export interface ChatCompletion {
  text: string;
  model: string;
  finishReason: FinishReason;
  usage?: ChatUsage;
}

export type ChatStreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'done'; model: string; finishReason: FinishReason; usage?: ChatUsage };

export interface JsonFormat<T> {
  name: string;
  description?: string;
  schema: Record<string, unknown>;
  strict?: boolean;
  parse?: (value: unknown) => T;
}

export interface ChatJsonCompletion<T> {
  value: T;
  text: string;
  model: string;
  usage?: ChatUsage;
}

export interface ChatModel {
  readonly model: string;
  complete(messages: ChatMessage[], opts?: ChatOptions): Promise<ChatCompletion>;
  stream(messages: ChatMessage[], opts?: ChatOptions): AsyncIterable<ChatStreamEvent>;
  completeJson<T>(messages: ChatMessage[], format: JsonFormat<T>, opts?: ChatOptions): Promise<ChatJsonCompletion<T>>;
}
