/**
 * Turns texts into vectors of a fixed size. One embedder is chosen at start-up
 * (a local one, or a hosted model); chunks and queries must be embedded by the
 * same `model` for their vectors to be comparable.
 *
 * Batching is the adapter's business: a call with n texts makes at most
 * ⌈n / batchSize⌉ requests, with bounded concurrency, and returns the vectors
 * in the order of `texts`.
 */
export interface Embedder {
  /** Names the model in use, e.g. `local-hashing-v1` or `azure-openai:my-deployment`. */
  readonly model: string;
  /** Length of every vector returned. */
  readonly dimensions: number;
  embed(texts: string[], opts?: EmbedOptions): Promise<EmbedResult>;
}

export interface EmbedOptions {
  /** Aborts every request still running for this call. */
  signal?: AbortSignal;
}

export interface EmbedResult {
  /** `vectors[i]` embeds `texts[i]`; each has `dimensions` numbers. */
  vectors: number[][];
  /** Tokens billed by a hosted model (absent for local embedders). */
  usage?: { promptTokens: number };
}
