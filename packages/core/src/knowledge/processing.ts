/**
 * The `document.process` job: a QUEUED document is extracted, chunked and embedded,
 * then READY (or FAILED with a readable reason). Every write is keyed by the
 * document's version (the job's `version`): a run for a version that moved on
 * (reprocess, rename) or a deleted document writes nothing. Slow calls (the blob,
 * the extractor, the embedder) never run inside a transaction; the chunk set is
 * replaced in ONE transaction with the READY status, so a run cut short and run
 * again leaves exactly one set. On reprocess, chunks whose content hash and
 * embedding model are unchanged keep their stored vectors.
 *
 * Failures: a format without an extractor, a damaged file, or a request an AI
 * service refuses for good is FAILED at once (no retry); anything else throws so
 * the queue retries with backoff, and on the last attempt the document is FAILED
 * with the reason.
 */
import { replaceDocumentChunks, storedVectorsByHash, vectorLiteral, type NewChunkRow } from '@ap/db/chunks';
import type { DocumentStatus } from '@ap/db/client';
import { documentEvent, documentSelect } from '../documents/documents.ts';
import type { Deps } from '../ports/deps.ts';
import type { RunningJob } from '../ports/job-queue.ts';
import { mutate } from '../shared/tx.ts';
import { queueDocumentReady } from '../workflows/hook.ts';
import { chunkLayout, embeddingText, type Chunk } from './chunking.ts';

export type ProcessingDeps = Pick<Deps, 'db' | 'events' | 'blobs' | 'extractor' | 'embedder' | 'log'> & Partial<Pick<Deps, 'jobs'>>;

export interface ProcessJobData {
  documentId: string;
  version: number;
  [key: string]: string | number;
}

/** Texts per embed call between progress updates (the adapter batches inside a call). */
export const EMBED_GROUP = 256;
/**
 * Documents one process works on at once: one's extraction (CPU) runs while the
 * other waits on the embedding service or the database.
 */
export const PROCESS_CONCURRENCY = 2;
/** The most bytes a document's blob may have when it is read for processing. */
export const MAX_PROCESS_BYTES = 200 * 1024 * 1024;
const MAX_ERROR_CHARS = 500;

/** Errors that another attempt cannot fix: the document is FAILED at once. */
function isPermanent(err: unknown): boolean {
  const e = err as { name?: string; reason?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'UnsupportedFormatError' || e.name === 'ExtractionFailedError' || e.name === 'PermanentProcessingError') return true;
  return e.name === 'AiUnavailableError' && (e.reason === 'rejected' || e.reason === 'refused');
}

class PermanentProcessingError extends Error {
  override readonly name = 'PermanentProcessingError';
}

/** Errors whose messages are written for people (the others may carry SQL or internals). */
const READABLE = new Set(['UnsupportedFormatError', 'ExtractionFailedError', 'AiUnavailableError', 'PermanentProcessingError']);

/** A reason a person can read: the message's first line, shortened; never a stack, SQL or internals. */
export function readableError(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !READABLE.has(name)) return 'Processing failed because of an internal error';
  const raw = err instanceof Error ? err.message : String(err);
  const line = (raw.split('\n')[0] ?? '').trim() || 'Processing failed';
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS - 1)}…` : line;
}

type Keyed = { documentId: string; version: number };

/**
 * Milliseconds a run spent per stage, logged with `document processed`: reading the
 * blob, extracting, chunking, embedding (stored-vector lookup included) and writing
 * (status updates and the final chunk-set transaction).
 */
export interface StageTimings {
  read: number;
  extract: number;
  chunk: number;
  embed: number;
  write: number;
}

/**
 * Moves the document of this version to `status` (with `data`), publishing its
 * event; false when the version moved on or the document was deleted.
 */
async function setStage(
  deps: ProcessingDeps,
  key: Keyed,
  status: DocumentStatus,
  progress: number,
  extra: { error?: string | null; pageCount?: number | null } = {},
): Promise<boolean> {
  return mutate(deps, async (tx, events) => {
    const n = await tx.document.updateMany({
      where: { id: key.documentId, version: key.version, deletedAt: null },
      data: { status, progress, error: extra.error ?? null, ...(extra.pageCount !== undefined ? { pageCount: extra.pageCount } : {}) },
    });
    if (n.count !== 1) return false;
    events.push(documentEvent(await tx.document.findUniqueOrThrow({ where: { id: key.documentId }, select: documentSelect })));
    return true;
  });
}

async function vectorsFor(deps: ProcessingDeps, key: Keyed, chunks: Chunk[], signal: AbortSignal): Promise<(string | null)[] | null> {
  const { embedder } = deps;
  const stored = await storedVectorsByHash(
    deps.db,
    key.documentId,
    embedder.model,
    embedder.dimensions,
    chunks.map((c) => c.hash),
  );
  const out: (string | null)[] = chunks.map((c) => stored.get(c.hash) ?? null);
  const todo = chunks.map((c, i) => ({ c, i })).filter(({ i }) => out[i] === null);
  // The same text twice in a document is embedded once.
  const unique = [...new Map(todo.map(({ c }) => [c.hash, embeddingText(c)])).entries()];
  const made = new Map<string, string>();
  for (let g = 0; g < unique.length; g += EMBED_GROUP) {
    const group = unique.slice(g, g + EMBED_GROUP);
    const { vectors } = await embedder.embed(
      group.map(([, text]) => text),
      { signal },
    );
    if (vectors.length !== group.length) throw new Error(`${embedder.model} returned ${vectors.length} vectors for ${group.length} texts`);
    group.forEach(([hash], j) => made.set(hash, vectorLiteral(vectors[j]!, embedder.dimensions)));
    const done = Math.min(unique.length, g + EMBED_GROUP);
    if (done < unique.length && !(await setStage(deps, key, 'EMBEDDING', 0.5 + 0.45 * (done / unique.length)))) return null;
  }
  return out.map((v, i) => v ?? made.get(chunks[i]!.hash)!);
}

/** One attempt of `document.process`. Idempotent: see the module's comment. */
export async function processDocument(deps: ProcessingDeps, job: RunningJob<ProcessJobData>): Promise<void> {
  const key: Keyed = { documentId: job.data.documentId, version: job.data.version };
  const doc = await deps.db.document.findFirst({
    where: { id: key.documentId, deletedAt: null },
    select: { id: true, version: true, status: true, blobName: true, contentType: true, fileName: true },
  });
  if (!doc || doc.version !== key.version) return;
  if (doc.status === 'READY' || doc.status === 'FAILED') return;
  const ms: StageTimings = { read: 0, extract: 0, chunk: 0, embed: 0, write: 0 };
  let mark = performance.now();
  const lap = (stage: keyof StageTimings) => {
    const now = performance.now();
    ms[stage] += now - mark;
    mark = now;
  };
  try {
    if (!(await setStage(deps, key, 'EXTRACTING', 0.05))) return;
    lap('write');
    const bytes = await deps.blobs.read(doc.blobName, { maxBytes: MAX_PROCESS_BYTES });
    if (!bytes) throw new PermanentProcessingError('The document’s file is missing from storage');
    lap('read');
    const layout = await deps.extractor.extract(bytes, doc.contentType, doc.fileName, { signal: job.signal });
    const pageCount = layout.pages.length || null;
    lap('extract');

    if (!(await setStage(deps, key, 'CHUNKING', 0.35, { pageCount }))) return;
    lap('write');
    const chunks = chunkLayout(layout);
    lap('chunk');

    if (!(await setStage(deps, key, 'EMBEDDING', 0.5))) return;
    lap('write');
    const vectors = await vectorsFor(deps, key, chunks, job.signal);
    if (!vectors) return;
    lap('embed');

    const rows: NewChunkRow[] = chunks.map((c, i) => ({
      ordinal: c.index,
      text: c.text,
      start: c.start,
      end: c.end,
      pageStart: c.pageStart,
      pageEnd: c.pageEnd,
      headings: c.headings,
      boxes: c.boxes,
      contentHash: c.hash,
      tokenCount: c.tokens,
      embedding: vectors[i]!,
      embeddingModel: deps.embedder.model,
      embeddingDimensions: deps.embedder.dimensions,
    }));
    await mutate(deps, async (tx, events) => {
      // Locks the row: a concurrent reprocess or delete waits, or has already moved the version on.
      const current = await tx.$queryRaw<{ version: number }[]>`
        SELECT "version" FROM "Document" WHERE "id" = ${key.documentId}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
      if (current[0]?.version !== key.version) return;
      await replaceDocumentChunks(tx, key.documentId, rows);
      const after = await tx.document.update({
        where: { id: key.documentId },
        data: { status: 'READY', progress: 1, error: null, pageCount, chunkCount: rows.length },
        select: documentSelect,
      });
      events.push(documentEvent(after));
      await queueDocumentReady(tx, deps.jobs, after);
    });
    lap('write');
    deps.log?.info({ documentId: key.documentId, pageCount, chunkCount: rows.length, ms }, 'document processed');
  } catch (err) {
    const permanent = isPermanent(err);
    const last = job.attempt >= job.maxAttempts;
    deps.log?.warn({ documentId: key.documentId, attempt: job.attempt, permanent, err }, 'document processing failed');
    if (permanent || last) {
      await setStage(deps, key, 'FAILED', 0, { error: readableError(err) });
      if (permanent) return;
    }
    throw err;
  }
}
