/**
 * Raw SQL of action-point vectors ("ActionPointEmbedding", whose vector column the
 * Prisma client cannot see): reading an action point's stored vector, writing one
 * only while it is still the action point's text and no newer run wrote after it,
 * finding action points without a vector of the active model, and the similarity
 * search — ONE statement with the caller's visibility inside it, comparing only
 * vectors of one model and size. Vectors travel as pgvector's text form; every value
 * is a parameter, never string building.
 */
import { actionPointsVisibleToSql, boardsVisibleToSql } from './action-points.ts';
import { Prisma, type DbTx } from './client.ts';

function dims(n: number): Prisma.Sql {
  if (!Number.isInteger(n) || n < 1 || n > 16_000) throw new RangeError(`invalid dimensions ${n}`);
  return Prisma.raw(String(n));
}

export interface StoredActionPointVector {
  actionPointId: string;
  version: number;
  contentHash: string;
  model: string;
  dimensions: number;
}

/** What is stored for these action points (without the vectors), by id. */
export async function storedActionPointVectors(db: DbTx, ids: readonly string[]): Promise<Map<string, StoredActionPointVector>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<StoredActionPointVector[]>`
    SELECT "actionPointId"::text AS "actionPointId", "version", "contentHash", "model", "dimensions"
      FROM "ActionPointEmbedding" WHERE "actionPointId" = ANY(${[...ids]}::uuid[])`;
  return new Map(rows.map((r) => [r.actionPointId, r]));
}

/** The stored vector (text form) of one action point, if it was made from `contentHash` by `model` at `dimensions`. */
export async function currentActionPointVector(
  db: DbTx,
  q: { actionPointId: string; contentHash: string; model: string; dimensions: number },
): Promise<string | null> {
  const rows = await db.$queryRaw<{ embedding: string }[]>`
    SELECT "embedding"::text AS embedding FROM "ActionPointEmbedding"
     WHERE "actionPointId" = ${q.actionPointId}::uuid AND "contentHash" = ${q.contentHash}
       AND "model" = ${q.model} AND "dimensions" = ${q.dimensions}`;
  return rows[0]?.embedding ?? null;
}

export interface ActionPointVectorWrite {
  actionPointId: string;
  /** The text the vector was made from, as read: written only while the action point still has it. */
  title: string;
  description: string | null;
  contentHash: string;
  /** pgvector text form. */
  embedding: string;
  model: string;
  dimensions: number;
}

/**
 * Stores the vector of an action point, in one statement, only if the action point
 * still has the title and description it was made from (else a later change has its
 * own job), and only over a row written at the same or an older version of the
 * action point (a stale run never overwrites a newer vector). The version recorded is
 * the action point's at the time of the write. True when a row was written.
 */
export async function writeActionPointVector(db: DbTx, w: ActionPointVectorWrite): Promise<boolean> {
  const n = await db.$executeRaw`
    INSERT INTO "ActionPointEmbedding" ("actionPointId", "version", "contentHash", "embedding", "model", "dimensions", "updatedAt")
    SELECT ap."id", ap."version", ${w.contentHash}, ${w.embedding}::vector, ${w.model}, ${w.dimensions}, now()
      FROM "ActionPoint" ap
     WHERE ap."id" = ${w.actionPointId}::uuid AND ap."title" = ${w.title}
       AND ap."description" IS NOT DISTINCT FROM ${w.description}::text
    ON CONFLICT ("actionPointId") DO UPDATE
       SET "version" = EXCLUDED."version", "contentHash" = EXCLUDED."contentHash", "embedding" = EXCLUDED."embedding",
           "model" = EXCLUDED."model", "dimensions" = EXCLUDED."dimensions", "updatedAt" = now()
     WHERE EXCLUDED."version" >= "ActionPointEmbedding"."version"`;
  return n === 1;
}

/** Action points without a vector of `model` at `dimensions`, by id after `afterId` (keyset). */
export async function actionPointsWithoutVector(
  db: DbTx,
  q: { model: string; dimensions: number; afterId: string | null; limit: number },
): Promise<string[]> {
  const after = q.afterId ? Prisma.sql`AND ap."id" > ${q.afterId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT ap."id"::text AS id FROM "ActionPoint" ap
     WHERE NOT EXISTS (SELECT 1 FROM "ActionPointEmbedding" e
                        WHERE e."actionPointId" = ap."id" AND e."model" = ${q.model} AND e."dimensions" = ${q.dimensions})
       ${after}
     ORDER BY ap."id" LIMIT ${q.limit}`;
  return rows.map((r) => r.id);
}

export interface SimilarSearch {
  userId: string;
  /** The action point compared with (left out of the results). */
  actionPointId: string;
  /** Its vector, in text form, made by `model` at `dimensions`. */
  vector: string;
  model: string;
  dimensions: number;
  limit: number;
}

export interface SimilarActionPointRow {
  id: string;
  title: string;
  completedAt: Date | null;
  /** Cosine similarity (1: same direction). */
  score: number;
  /** The boards the caller can see it on, with its column there. */
  boards: { boardId: string; boardName: string; columnId: string; columnName: string }[];
}

/**
 * The action points most similar to one, in one statement: the ids visible to
 * `userId` (actionPointsVisibleToSql) are fixed first, inside the statement; only
 * their vectors of the same model and size are ranked by cosine distance (the
 * planner reads them by primary key and compares them exactly; should it take the
 * HNSW index instead, the iterative scan keeps a caller who sees few from getting
 * fewer than `limit`), the action point itself left out; each result carries the
 * boards the caller can see it on. Call it inside a transaction: its settings are
 * SET LOCAL.
 */
export async function similarActionPoints(tx: DbTx, q: SimilarSearch): Promise<SimilarActionPointRow[]> {
  await tx.$executeRawUnsafe('SET LOCAL hnsw.iterative_scan = relaxed_order');
  await tx.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = ${Math.max(40, Math.trunc(q.limit) * 2)}`);
  // The size is written into the statement (a checked integer), so the planner can match the partial HNSW index.
  const n = dims(q.dimensions);
  const distance = Prisma.sql`(e."embedding"::vector(${n}) <=> ${q.vector}::vector(${n}))`;
  return tx.$queryRaw<SimilarActionPointRow[]>`
    SELECT ap."id"::text AS id, ap."title", ap."completedAt", (1 - s."distance")::float8 AS score,
           COALESCE((SELECT json_agg(json_build_object('boardId', b."id", 'boardName', b."name", 'columnId', c."id",
                                                       'columnName', c."name") ORDER BY b."name", b."id")
                       FROM "ActionPointBoardAssociation" x
                       JOIN "Board" b ON b."id" = x."boardId"
                       JOIN "Column" c ON c."id" = x."columnId"
                      WHERE x."actionPointId" = ap."id" AND x."boardId" IN (${boardsVisibleToSql(q.userId)})), '[]'::json) AS boards
      FROM (SELECT e."actionPointId", ${distance} AS distance FROM "ActionPointEmbedding" e
             WHERE e."actionPointId" = ANY(ARRAY(${actionPointsVisibleToSql(q.userId)}))
               AND e."actionPointId" <> ${q.actionPointId}::uuid
               AND e."model" = ${q.model} AND e."dimensions" = ${n}
             ORDER BY ${distance} LIMIT ${q.limit}) s
      JOIN "ActionPoint" ap ON ap."id" = s."actionPointId"
     ORDER BY s."distance", ap."id"`;
}
