/**
 * Raw SQL of document chunks and their vectors (which the Prisma client cannot
 * see): writing a document's chunk set in one statement per batch, reading stored
 * vectors for reuse, the permission-aware search (one statement: the caller's
 * visibility predicate, cosine (exact or HNSW) and full text ranked inside it, fused by
 * reciprocal-rank fusion), and counts by embedding state. Vectors travel as
 * pgvector's text form; every value is a parameter, never string building.
 */
import { documentVisibleToSql } from './documents.ts';
import { Prisma, type DbTx } from './client.ts';

/** The HNSW index covers vectors of this size (migration 20261201150000_chunk_search). */
export const INDEXED_DIMENSIONS = 1536;
/** Reciprocal-rank fusion constant (core's knowledge/fusion.ts uses the same). */
export const RRF_K = 60;

export interface NewChunkRow {
  ordinal: number;
  text: string;
  start: number;
  end: number;
  pageStart: number | null;
  pageEnd: number | null;
  headings: string[];
  boxes: unknown[];
  contentHash: string;
  tokenCount: number;
  /** pgvector text form (`[0.1,0.2,…]`), or null for a chunk without a vector. */
  embedding: string | null;
  embeddingModel: string | null;
  embeddingDimensions: number | null;
}

/** pgvector's text form; rejects vectors of another size or with non-finite values. */
export function vectorLiteral(values: readonly number[], dimensions: number): string {
  if (values.length !== dimensions) throw new RangeError(`embedding must have ${dimensions} dimensions, got ${values.length}`);
  if (!values.every(Number.isFinite)) throw new RangeError('embedding values must be finite numbers');
  return `[${values.join(',')}]`;
}

function dims(n: number): Prisma.Sql {
  if (!Number.isInteger(n) || n < 1 || n > 16_000) throw new RangeError(`invalid dimensions ${n}`);
  return Prisma.raw(String(n));
}

const INSERT_BATCH = 200;

/**
 * Replaces the document's chunks with `rows`, in the caller's transaction: the old
 * set is deleted and the new one inserted, so a run repeated after being cut short
 * leaves exactly one set.
 */
export async function replaceDocumentChunks(tx: DbTx, documentId: string, rows: readonly NewChunkRow[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "DocumentChunk" WHERE "documentId" = ${documentId}::uuid`;
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = JSON.stringify(rows.slice(i, i + INSERT_BATCH));
    await tx.$executeRaw`
      INSERT INTO "DocumentChunk" ("documentId", "ordinal", "text", "start", "end", "pageStart", "pageEnd", "headings",
                                   "boxes", "contentHash", "tokenCount", "embedding", "embeddingModel", "embeddingDimensions")
      SELECT ${documentId}::uuid, r."ordinal", r."text", r."start", r."end", r."pageStart", r."pageEnd",
             ARRAY(SELECT jsonb_array_elements_text(r."headings")), r."boxes", r."contentHash", r."tokenCount",
             r."embedding"::vector, r."embeddingModel", r."embeddingDimensions"
        FROM jsonb_to_recordset(${batch}::jsonb) AS r("ordinal" int, "text" text, "start" int, "end" int, "pageStart" int,
             "pageEnd" int, "headings" jsonb, "boxes" jsonb, "contentHash" text, "tokenCount" int, "embedding" text,
             "embeddingModel" text, "embeddingDimensions" int)`;
  }
}

/** The document's stored vectors made by `model` at `dimensions`, by content hash (text form). */
export async function storedVectorsByHash(
  db: DbTx,
  documentId: string,
  model: string,
  dimensions: number,
  hashes: readonly string[],
): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.$queryRaw<{ contentHash: string; embedding: string }[]>`
    SELECT DISTINCT ON ("contentHash") "contentHash", "embedding"::text AS embedding
      FROM "DocumentChunk"
     WHERE "documentId" = ${documentId}::uuid AND "contentHash" = ANY(${[...new Set(hashes)]}::text[])
       AND "embedding" IS NOT NULL AND "embeddingModel" = ${model} AND "embeddingDimensions" = ${dimensions}
     ORDER BY "contentHash", "ordinal"`;
  return new Map(rows.map((r) => [r.contentHash, r.embedding]));
}

export type SearchMode = 'hybrid' | 'semantic' | 'keyword';

export interface ChunkSearch {
  userId: string;
  /** The query's words, for full text (keyword and hybrid). */
  text: string;
  /** The query's vector in text form (semantic and hybrid). */
  vector: string | null;
  /** The active embedding model and size: only chunks embedded by them are compared. */
  model: string;
  dimensions: number;
  mode: SearchMode;
  /** Restrict to these documents (still only those visible to the caller). */
  documentIds: string[] | null;
  limit: number;
}

export interface ChunkHitRow {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  text: string;
  start: number;
  end: number;
  pageStart: number | null;
  pageEnd: number | null;
  headings: string[];
  boxes: unknown;
  score: number;
}

/**
 * A caller whose visible documents hold at most this many chunks (their
 * `chunkCount`s, summed in the statement) is searched exactly, every visible vector
 * compared: few rows of a large table are found faster by their documents than by
 * an HNSW scan that skips the rest, and the result is exact. Above it, the HNSW
 * index (1536 dimensions) with iterative scan.
 */
export const EXACT_SEARCH_MAX_CHUNKS = 5_000;

/** The HNSW search list size (at least the candidates asked for): 40 missed about 7% of the exact top 10 for a caller seeing a fifth of 100,000 chunks. */
export const HNSW_EF_SEARCH = 100;

/** Candidates each ranked list contributes before fusion. */
export const candidatesFor = (limit: number) => Math.min(200, Math.max(40, limit * 4));

/**
 * The best chunks for the caller, in one statement: the documents visible to
 * `userId` (documentVisibleToSql) are fixed first, inside the statement, with the
 * sum of their chunk counts; the semantic list (cosine; exact over the visible
 * chunks when they are at most EXACT_SEARCH_MAX_CHUNKS, else the HNSW index with
 * iterative scan, so a caller who sees few chunks still gets theirs) and the keyword
 * list (keywordQueries over the generated tsvector, ts_rank_cd) each rank only those
 * documents' chunks; hybrid fuses them by `sum(1 / (60 + rank))`, ties by best rank,
 * then id. Scores: hybrid the fused score, semantic the cosine similarity, keyword
 * ts_rank_cd. Call it inside a transaction: its settings are SET LOCAL (the embedded
 * database shares one session between connections).
 */
export async function searchChunks(tx: DbTx, q: ChunkSearch): Promise<ChunkHitRow[]> {
  const k = candidatesFor(q.limit);
  // One round trip for both settings (SET LOCAL, as set_config(…, true)).
  await tx.$queryRawUnsafe(
    `SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', '${Math.max(HNSW_EF_SEARCH, Math.trunc(k))}', true)`,
  );
  return tx.$queryRaw<ChunkHitRow[]>(searchSql(q, k));
}

/**
 * The keyword list's two queries of `text`: `q`, websearch_to_tsquery's (every word,
 * "phrases", -exclusions), and `anyq`, any one of its words (the lexemes of the text
 * without its -excluded words, OR'ed), so a question whose every word is not in one
 * chunk still finds the chunks that hold some of them. Chunks matching `q` rank first.
 */
function keywordQueries(text: string): Prisma.Sql {
  return Prisma.sql`
    SELECT websearch_to_tsquery('english', ${text}) AS q,
           (SELECT string_agg('''' || replace(replace(l, chr(92), chr(92) || chr(92)), '''', '''''') || '''', ' | ')
              FROM unnest(tsvector_to_array(to_tsvector('english', regexp_replace(${text}, '(^|\s)-\S+', ' ', 'g')))) l)::tsquery AS anyq`;
}

function searchSql(q: ChunkSearch, k: number): Prisma.Sql {
  const docFilter = q.documentIds ? Prisma.sql`AND d."id" = ANY(${q.documentIds}::uuid[])` : Prisma.empty;
  const ids = Prisma.sql`(SELECT v."ids" FROM visible v)::uuid[]`;
  const lists: Prisma.Sql[] = [];
  if (q.mode !== 'keyword') {
    if (!q.vector) throw new Error('a semantic search needs the query vector');
    const n = dims(q.dimensions);
    const ofModel = Prisma.sql`c."embeddingDimensions" = ${n} AND c."embeddingModel" = ${q.model}`;
    // Every visible vector compared: the chunks come by their document (an expression the HNSW index does not cover).
    const exact = (gate: Prisma.Sql) => Prisma.sql`
      SELECT c."id", (c."embedding" <=> (SELECT p."v" FROM probe p)) AS distance FROM "DocumentChunk" c
       WHERE c."documentId" = ANY(${ids}) AND ${ofModel} ${gate}
       ORDER BY 2 LIMIT ${k}`;
    let candidates = exact(Prisma.empty);
    if (q.dimensions === INDEXED_DIMENSIONS) {
      // The HNSW index, filtered by document (written so that the documentId index cannot serve it instead).
      const distance = Prisma.sql`(c."embedding"::vector(${n}) <=> (SELECT p."v" FROM probe p))`;
      const few = Prisma.sql`(SELECT v."chunks" FROM visible v) <= ${EXACT_SEARCH_MAX_CHUNKS}`;
      candidates = Prisma.sql`(${exact(Prisma.sql`AND ${few}`)})
        UNION ALL
        (SELECT c."id", ${distance} AS distance FROM "DocumentChunk" c
          WHERE coalesce(c."documentId", c."documentId") = ANY(${ids}) AND ${ofModel} AND NOT ${few}
          ORDER BY ${distance} LIMIT ${k})`;
    }
    lists.push(Prisma.sql`
      SELECT s."id", row_number() OVER (ORDER BY s."distance", s."id") AS r, 1 - s."distance" AS raw FROM (${candidates}) s`);
  }
  if (q.mode !== 'semantic') {
    lists.push(Prisma.sql`
      SELECT t."id", row_number() OVER (ORDER BY t."every" DESC, t."rank" DESC, t."id") AS r, t."rank" AS raw
        FROM (SELECT c."id", c."searchVector" @@ w.q AS every, coalesce(ts_rank_cd(c."searchVector", w.anyq), 0)::float8 AS rank
                FROM "DocumentChunk" c, (${keywordQueries(q.text)}) w
               WHERE (c."searchVector" @@ w.q OR c."searchVector" @@ w.anyq) AND c."documentId" = ANY(${ids})
               ORDER BY every DESC, rank DESC, c."id" LIMIT ${k}) t`);
  }
  const score = q.mode === 'hybrid' ? Prisma.sql`sum(1.0 / (${RRF_K} + u.r))` : Prisma.sql`max(u.raw)`;
  // The query's vector, sent once.
  const probe = q.mode === 'keyword' ? Prisma.empty : Prisma.sql`probe AS (SELECT ${q.vector}::vector(${dims(q.dimensions)}) AS v),`;
  return Prisma.sql`
    WITH ${probe} visible AS MATERIALIZED (
      SELECT coalesce(array_agg(d."id"), '{}') AS ids, coalesce(sum(d."chunkCount"), 0) AS chunks
        FROM "Document" d WHERE ${documentVisibleToSql(q.userId)} ${docFilter}),
    ranked AS (${Prisma.join(lists, ' UNION ALL ')}),
    fused AS (
      SELECT u."id", ${score}::float8 AS score, min(u.r) AS best FROM ranked u GROUP BY u."id"
      ORDER BY score DESC, best, u."id" LIMIT ${q.limit})
    SELECT c."id"::text AS "chunkId", c."documentId"::text AS "documentId", d."title" AS "documentTitle", c."text",
           c."start", c."end", c."pageStart", c."pageEnd", c."headings", c."boxes", f.score
      FROM fused f
      JOIN "DocumentChunk" c ON c."id" = f."id"
      JOIN "Document" d ON d."id" = c."documentId"
     ORDER BY f.score DESC, f.best, f."id"`;
}

export interface EmbeddingCounts {
  /** Chunks with a vector of the active model and size. */
  active: number;
  /** Chunks with a vector of another model or size: to embed again. */
  otherModel: number;
  /** Chunks without a vector. */
  notEmbedded: number;
  /** Documents counted (visible to the caller). */
  documents: number;
}

/** Chunk counts by embedding state over the documents visible to `userId`. */
export async function embeddingCounts(db: DbTx, userId: string, model: string, dimensions: number): Promise<EmbeddingCounts> {
  const rows = await db.$queryRaw<{ active: number; otherModel: number; notEmbedded: number; documents: number }[]>`
    WITH v AS (SELECT d."id" FROM "Document" d WHERE ${documentVisibleToSql(userId)})
    SELECT count(*) FILTER (WHERE c."embedding" IS NOT NULL AND c."embeddingModel" = ${model}
                              AND c."embeddingDimensions" = ${dimensions})::int AS active,
           count(*) FILTER (WHERE c."embedding" IS NOT NULL AND (c."embeddingModel" IS DISTINCT FROM ${model}
                              OR c."embeddingDimensions" IS DISTINCT FROM ${dimensions}))::int AS "otherModel",
           count(*) FILTER (WHERE c."embedding" IS NULL)::int AS "notEmbedded",
           (SELECT count(*) FROM v)::int AS documents
      FROM "DocumentChunk" c WHERE c."documentId" IN (SELECT "id" FROM v)`;
  return rows[0]!;
}
