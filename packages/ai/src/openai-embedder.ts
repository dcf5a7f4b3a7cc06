// Embeddings from OpenAI or Azure OpenAI: inputs go in batches (64 per request by
// default), a bounded number of requests at a time, each with the call policy's
// deadline and retries. Vectors come back in input order, each of `dimensions`.
import { DEFAULT_RETRY_POLICY, withRetries, type AiCallEvent, type RetryPolicy } from './call-policy.ts';
import { AiUnavailableError } from './errors.ts';
import type { OpenAiClient, OpenAiProvider } from './openai-client.ts';
import type { EmbedOptions, EmbedResult, Embedder } from './types.ts';

export interface OpenAiEmbedderOptions {
  client: OpenAiClient;
  provider: OpenAiProvider;
  /** OpenAI model name, or the Azure deployment name. */
  model: string;
  dimensions: number;
  timeoutMs: number;
  /** Inputs per request (OpenAI accepts up to 2048). Default 64. */
  batchSize?: number;
  /** Requests in flight at once for one `embed` call. Default 4. */
  concurrency?: number;
  /** Wire encoding asked for; base64 (float32) is about a quarter of the size. Default base64. */
  encodingFormat?: 'base64' | 'float';
  /** Send `dimensions` (text-embedding-3 models take it; ada-002 refuses it). Default: unless the model is ada-002. */
  sendDimensions?: boolean;
  retry?: Partial<RetryPolicy>;
  onCall?: (event: AiCallEvent) => void;
}

/** Decodes one embedding: a base64 string of little-endian float32, or numbers. */
export function decodeEmbedding(embedding: unknown): number[] {
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    if (bytes.length % 4 !== 0) throw new TypeError('base64 embedding is not a whole number of float32 values');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const out = new Array<number>(bytes.length / 4);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
    return out;
  }
  if (Array.isArray(embedding)) return embedding.map(Number);
  if (ArrayBuffer.isView(embedding) && !(embedding instanceof DataView)) return Array.from(embedding as Float32Array);
  throw new TypeError(`unexpected embedding of type ${typeof embedding}`);
}

export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  readonly batchSize: number;
  readonly concurrency: number;
  private readonly opts: OpenAiEmbedderOptions;
  private readonly retry: RetryPolicy;

  constructor(opts: OpenAiEmbedderOptions) {
    this.opts = opts;
    this.model = `${opts.provider}:${opts.model}`;
    this.dimensions = opts.dimensions;
    this.batchSize = Math.max(1, Math.floor(opts.batchSize ?? 64));
    this.concurrency = Math.max(1, Math.floor(opts.concurrency ?? 4));
    this.retry = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  }

  async embed(texts: string[], opts: EmbedOptions = {}): Promise<EmbedResult> {
    if (texts.length === 0) return { vectors: [] };
    const batches: { start: number; inputs: string[] }[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      // The API refuses empty strings; a blank input is sent as one space.
      batches.push({ start, inputs: texts.slice(start, start + this.batchSize).map((t) => (t.trim() === '' ? ' ' : t)) });
    }
    const vectors = new Array<number[]>(texts.length);
    let promptTokens = 0;
    // The first failure stops the batches still waiting or running.
    const stop = new AbortController();
    const onCallerAbort = () => stop.abort(opts.signal!.reason);
    if (opts.signal?.aborted) throw opts.signal.reason;
    opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let next = 0;
    const worker = async () => {
      while (next < batches.length && !stop.signal.aborted) {
        const batch = batches[next++]!;
        const result = await this.embedBatch(batch.inputs, stop.signal);
        result.vectors.forEach((v, i) => (vectors[batch.start + i] = v));
        promptTokens += result.promptTokens;
      }
    };
    try {
      await Promise.all(
        Array.from({ length: Math.min(this.concurrency, batches.length) }, () =>
          worker().catch((err) => {
            if (!stop.signal.aborted) stop.abort(err);
            throw err;
          }),
        ),
      );
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      // Report the failure that stopped the others, not an abort it caused.
      throw stop.signal.reason ?? err;
    } finally {
      opts.signal?.removeEventListener('abort', onCallerAbort);
    }
    return { vectors, usage: { promptTokens } };
  }

  private async embedBatch(inputs: string[], signal: AbortSignal): Promise<{ vectors: number[][]; promptTokens: number }> {
    const { provider, model, dimensions, timeoutMs } = this.opts;
    const client = await this.opts.client();
    const encodingFormat = this.opts.encodingFormat ?? 'base64';
    const sendDimensions = this.opts.sendDimensions ?? !/ada-002/.test(model);
    const ctx = {
      service: 'embeddings' as const,
      provider,
      model: this.model,
      timeoutMs,
      retry: this.retry,
      signal,
      onCall: this.opts.onCall,
    };
    const response = await withRetries(ctx, (deadline) =>
      client.embeddings.create(
        { model, input: inputs, encoding_format: encodingFormat, ...(sendDimensions ? { dimensions } : {}) },
        { signal: deadline.signal, timeout: timeoutMs, maxRetries: 0 },
      ),
    );
    const invalid = (message: string) => new AiUnavailableError({ service: 'embeddings', provider, reason: 'invalid_response', message });
    const data = (response as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length !== inputs.length) {
      throw invalid(`expected ${inputs.length} embeddings, got ${Array.isArray(data) ? data.length : 'none'}`);
    }
    const vectors = new Array<number[] | undefined>(inputs.length);
    for (const item of data as { index?: unknown; embedding?: unknown }[]) {
      const index = item.index;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= inputs.length || vectors[index]) {
        throw invalid(`embedding index ${String(index)} is out of range or repeated`);
      }
      let vector: number[];
      try {
        vector = decodeEmbedding(item.embedding);
      } catch (err) {
        throw invalid((err as Error).message);
      }
      if (vector.length !== dimensions) {
        throw invalid(`embedding has ${vector.length} dimensions, EMBEDDING_DIMENSIONS is ${dimensions}`);
      }
      vectors[index] = vector;
    }
    return { vectors: vectors as number[][], promptTokens: response.usage?.prompt_tokens ?? 0 };
  }
}
