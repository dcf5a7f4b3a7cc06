/**
 * Typed access to the pgvector column of "Embedding", which the Prisma client
 * cannot see. Every query is a tagged template (parameters, never string building);
 * nearest-neighbour queries order by `embedding <=> q` so the HNSW index is used.
 */
import type { DbTx } from './client.ts';

export const EMBEDDING_DIMENSIONS = 1536;

export interface EmbeddingInput {
  ownerId: string;
  sourceType: string;
  sourceId: string;
  content: string;
  embedding: number[];
}

export interface EmbeddingMatch {
  id: string;
  sourceType: string;
  sourceId: string;
  content: string;
  /** Cosine distance, 0 = same direction, 2 = opposite. */
  distance: number;
}

/** pgvector's text form; rejects vectors of the wrong size or with non-finite values. */
export function toVectorLiteral(values: number[]): string {
  if (values.length !== EMBEDDING_DIMENSIONS) {
    throw new RangeError(`embedding must have ${EMBEDDING_DIMENSIONS} dimensions, got ${values.length}`);
  }
  if (!values.every(Number.isFinite)) throw new RangeError('embedding values must be finite numbers');
  return `[${values.join(',')}]`;
}

export function parseVector(text: string): number[] {
  return text.slice(1, -1).split(',').map(Number);
}

/** Inserts or replaces the embedding of one source. Returns its id. */
export async function upsertEmbedding(db: DbTx, input: EmbeddingInput): Promise<string> {
  const v = toVectorLiteral(input.embedding);
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Embedding" ("ownerId", "sourceType", "sourceId", "content", "embedding")
    VALUES (${input.ownerId}::uuid, ${input.sourceType}, ${input.sourceId}, ${input.content}, ${v}::vector)
    ON CONFLICT ("sourceType", "sourceId")
    DO UPDATE SET "content" = EXCLUDED."content", "embedding" = EXCLUDED."embedding", "ownerId" = EXCLUDED."ownerId"
    RETURNING "id"::text AS id`;
  return rows[0]!.id;
}

export async function readEmbedding(db: DbTx, id: string): Promise<number[] | null> {
  const rows = await db.$queryRaw<{ embedding: string }[]>`
    SELECT "embedding"::text AS embedding FROM "Embedding" WHERE "id" = ${id}::uuid`;
  return rows[0] ? parseVector(rows[0].embedding) : null;
}

/** The k embeddings of one owner nearest to `query` by cosine distance. */
export async function nearestEmbeddings(db: DbTx, ownerId: string, query: number[], k: number): Promise<EmbeddingMatch[]> {
  const v = toVectorLiteral(query);
  const limit = Math.max(1, Math.min(200, Math.trunc(k)));
  return db.$queryRaw<EmbeddingMatch[]>`
    SELECT "id"::text AS id, "sourceType", "sourceId", "content",
           ("embedding" <=> ${v}::vector)::float8 AS distance
      FROM "Embedding"
     WHERE "ownerId" = ${ownerId}::uuid
     ORDER BY "embedding" <=> ${v}::vector
     LIMIT ${limit}`;
}
