// Embeddings for clients (`embeddings.create`): the texts go to the configured
// embedder as they are (the adapter batches and retries), and the vectors come
// back in input order, named by the model that made them.
import type { Embedder, EmbedOptions } from '../ports/embedder.ts';

export interface EmbeddingsResult {
  model: string;
  dimensions: number;
  data: { index: number; embedding: number[] }[];
}

export async function createEmbeddings(deps: { embedder: Embedder }, texts: string[], opts: EmbedOptions = {}): Promise<EmbeddingsResult> {
  const { embedder } = deps;
  const { vectors } = await embedder.embed(texts, opts);
  if (vectors.length !== texts.length) {
    throw new Error(`${embedder.model} returned ${vectors.length} vectors for ${texts.length} texts`);
  }
  for (const v of vectors) {
    if (v.length !== embedder.dimensions) throw new Error(`${embedder.model} returned a vector of ${v.length}, not ${embedder.dimensions}`);
  }
  return { model: embedder.model, dimensions: embedder.dimensions, data: vectors.map((embedding, index) => ({ index, embedding })) };
}
