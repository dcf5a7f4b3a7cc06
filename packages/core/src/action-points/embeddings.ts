/**
 * Action points embedded for similarity (`embeddings.similarActionPoints`).
 *
 * - Creating an action point, or changing its title or description, enqueues
 *   `actionPoint.embed` in the same transaction (keyed by action point and version:
 *   the outbox), so a vector is made for every committed text and never for a
 *   rolled-back one.
 * - The job is idempotent: it reads the action point's current text; when its hash
 *   and the active model and size are those of the stored vector it embeds nothing;
 *   else it embeds (outside any transaction) and writes in one statement that keeps
 *   the vector only if the action point still has that text and no newer run wrote
 *   after it (db's writeActionPointVector). Two runs, or a stale one, leave one row,
 *   of the newest text.
 * - `actionPoint.embedSweep` (hourly) embeds action points without a vector of the
 *   active model and size: those created before this table existed, and all of them
 *   after a model change.
 * - Similarity: the caller needs VIEW on the action point (NOT_FOUND for a stranger);
 *   its vector is the stored one when current, else its text is embedded now; then
 *   ONE statement ranks, by cosine, the vectors of the same model and size of the
 *   action points the caller can see, itself left out.
 */
import { createHash } from 'node:crypto';
import {
  actionPointsWithoutVector,
  currentActionPointVector,
  similarActionPoints as similarRows,
  storedActionPointVectors,
  writeActionPointVector,
  type SimilarActionPointRow,
} from '@ap/db/action-point-vectors';
import { vectorLiteral } from '@ap/db/chunks';
import type { DbTx } from '@ap/db/client';
import { requireActionPoint } from '../access/rules.ts';
import type { Deps } from '../ports/deps.ts';
import type { JobProducer, RunningJob } from '../ports/job-queue.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/** Embeds one action point's current text (data: `{ actionPointId, version }`, keyed by both). */
export const ACTION_POINT_EMBED_JOB = 'actionPoint.embed';
/** Embeds action points without a vector of the active model (periodic). */
export const ACTION_POINT_EMBED_SWEEP_JOB = 'actionPoint.embedSweep';

export interface EmbedJobData {
  actionPointId: string;
  version: number;
  [key: string]: string | number;
}

export const DEFAULT_SIMILAR_LIMIT = 10;
export const MAX_SIMILAR_LIMIT = 50;
/** Action points the sweep reads per query, and embeds per embedder call. */
export const SWEEP_BATCH = 256;
/** A sweep stops after this long; the next tick goes on. */
const SWEEP_BUDGET_MS = 5 * 60_000;

/** The text an action point is embedded by: its title, then its description after a blank line. */
export function embeddingTextOf(ap: { title: string; description: string | null }): string {
  const description = ap.description?.trim();
  return description ? `${ap.title}\n\n${description}` : ap.title;
}

export const contentHashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Enqueues the embedding of an action point's text, in the transaction that wrote it. */
export async function enqueueActionPointEmbedding(tx: DbTx, jobs: JobProducer, ap: { id: string; version: number }): Promise<void> {
  await jobs.enqueue<EmbedJobData>(tx, {
    name: ACTION_POINT_EMBED_JOB,
    data: { actionPointId: ap.id, version: ap.version },
    key: `${ap.id}:${ap.version}`,
  });
}

export type EmbeddingDeps = Pick<Deps, 'db' | 'embedder'>;

/**
 * Embeds the current text of these action points where no vector of it by the
 * active model and size is stored; returns how many vectors were written. Deleted
 * action points are skipped.
 */
export async function embedActionPoints(deps: EmbeddingDeps, ids: readonly string[], signal?: AbortSignal): Promise<number> {
  const { db, embedder } = deps;
  const rows = await db.actionPoint.findMany({ where: { id: { in: [...ids] } }, select: { id: true, title: true, description: true } });
  const stored = await storedActionPointVectors(
    db,
    rows.map((r) => r.id),
  );
  const todo = rows
    .map((ap) => {
      const text = embeddingTextOf(ap);
      return { ap, text, hash: contentHashOf(text) };
    })
    .filter(({ ap, hash }) => {
      const s = stored.get(ap.id);
      return !(s && s.contentHash === hash && s.model === embedder.model && s.dimensions === embedder.dimensions);
    });
  if (!todo.length) return 0;
  const { vectors } = await embedder.embed(
    todo.map((t) => t.text),
    signal ? { signal } : {},
  );
  if (vectors.length !== todo.length) throw new Error(`${embedder.model} returned ${vectors.length} vectors for ${todo.length} texts`);
  let written = 0;
  for (const [i, { ap, hash }] of todo.entries()) {
    const ok = await writeActionPointVector(db, {
      actionPointId: ap.id,
      title: ap.title,
      description: ap.description,
      contentHash: hash,
      embedding: vectorLiteral(vectors[i]!, embedder.dimensions),
      model: embedder.model,
      dimensions: embedder.dimensions,
    });
    if (ok) written++;
  }
  return written;
}

/** One attempt of `actionPoint.embed`. Idempotent: see the module's comment. */
export async function embedActionPointJob(deps: EmbeddingDeps, job: RunningJob<EmbedJobData>): Promise<void> {
  await embedActionPoints(deps, [job.data.actionPointId], job.signal);
}

/** One run of `actionPoint.embedSweep`: returns how many vectors were written. */
export async function sweepActionPointEmbeddings(deps: EmbeddingDeps, signal?: AbortSignal): Promise<number> {
  const { embedder } = deps;
  const until = Date.now() + SWEEP_BUDGET_MS;
  let afterId: string | null = null;
  let written = 0;
  while (Date.now() < until && !signal?.aborted) {
    const ids = await actionPointsWithoutVector(deps.db, {
      model: embedder.model,
      dimensions: embedder.dimensions,
      afterId,
      limit: SWEEP_BATCH,
    });
    if (!ids.length) break;
    written += await embedActionPoints(deps, ids, signal);
    afterId = ids.at(-1)!;
    if (ids.length < SWEEP_BATCH) break;
  }
  return written;
}

export type SimilarActionPoint = SimilarActionPointRow;

/** `embeddings.similarActionPoints`: the action points the caller can see nearest to one, best first. */
export async function findSimilarActionPoints(
  svc: ServiceContext & Pick<Deps, 'embedder'>,
  input: { actionPointId: string; limit?: number },
  signal?: AbortSignal,
): Promise<{ items: SimilarActionPoint[] }> {
  const { embedder } = svc;
  const limit = Math.min(MAX_SIMILAR_LIMIT, Math.max(1, Math.trunc(input.limit ?? DEFAULT_SIMILAR_LIMIT)));
  await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'VIEW');
  const ap = await svc.db.actionPoint.findUnique({ where: { id: input.actionPointId }, select: { title: true, description: true } });
  if (!ap) throw notFound('Action point');
  const text = embeddingTextOf(ap);
  const key = {
    actionPointId: input.actionPointId,
    contentHash: contentHashOf(text),
    model: embedder.model,
    dimensions: embedder.dimensions,
  };
  // The stored vector when it is of the current text, else (not embedded yet, or changed since) the text's now.
  let vector = await currentActionPointVector(svc.db, key);
  if (!vector) {
    const { vectors } = await embedder.embed([text], signal ? { signal } : {});
    vector = vectorLiteral(vectors[0] ?? [], embedder.dimensions);
  }
  const rows = await svc.db.$transaction((tx) =>
    similarRows(tx, {
      userId: svc.userId,
      actionPointId: input.actionPointId,
      vector,
      model: embedder.model,
      dimensions: embedder.dimensions,
      limit,
    }),
  );
  // A zero vector has no direction: its similarity is NaN, not a rank.
  return { items: rows.filter((r) => Number.isFinite(r.score)).map((r) => ({ ...r, score: Number(r.score) })) };
}
