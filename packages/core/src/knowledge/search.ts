/**
 * Permission-aware retrieval (`vectorDocuments.search`, and the chunks behind
 * `vectorDocuments.ask`): the query is embedded outside any transaction, then ONE
 * statement (packages/db/src/chunks.ts) ranks only the chunks of documents the
 * caller may see — the visibility predicate sits inside it, before ranking — and
 * the documents whose chunks were returned get one `document.retrieved` audit row
 * each, in the same transaction. A revoked grant or a deleted document is gone from
 * the next request: nothing is cached. Answers (`askDocuments`, and streamed,
 * `streamAskDocuments`) are made from those chunks only.
 */
import { embeddingCounts, searchChunks, vectorLiteral, type ChunkHitRow, type EmbeddingCounts, type SearchMode } from '@ap/db/chunks';
import { visibleDocumentIds } from '@ap/db/documents';
import { recordAudit } from '../documents/audit.ts';
import type { Deps } from '../ports/deps.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { mutate } from '../shared/tx.ts';
import type { Answer, RetrievedChunk } from './answer-types.ts';
import { answerQuestion } from './answers.ts';
import { streamAnswer, type AnswerStreamEvent } from './answer-stream.ts';
import type { CitationBox } from './locator.ts';

export type { SearchMode } from '@ap/db/chunks';

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

export interface SearchInput {
  query: string;
  /** Only these documents (each must be visible to the caller). */
  documentIds?: string[];
  limit?: number;
  mode?: SearchMode;
}

export interface ChunkHit extends RetrievedChunk {
  boxes: CitationBox[];
}

export type SearchServices = ServiceContext & Pick<Deps, 'embedder'>;

/** Why the chunks were retrieved, as the audit rows say. */
export type RetrievalPurpose = 'search' | 'ask' | 'chat' | 'summarize';

function toHit(r: ChunkHitRow): ChunkHit {
  return {
    chunkId: r.chunkId,
    documentId: r.documentId,
    documentTitle: r.documentTitle,
    text: r.text,
    start: r.start,
    end: r.end,
    pageStart: r.pageStart,
    pageEnd: r.pageEnd,
    headings: r.headings,
    score: Number(r.score),
    boxes: Array.isArray(r.boxes) ? (r.boxes as CitationBox[]) : [],
  };
}

/** The chunks that best match `query` among those the caller may see, best first; audited. */
export async function retrieveChunks(
  svc: SearchServices,
  input: SearchInput,
  opts: { purpose: RetrievalPurpose; signal?: AbortSignal },
): Promise<ChunkHit[]> {
  const mode = input.mode ?? 'hybrid';
  const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.trunc(input.limit ?? DEFAULT_SEARCH_LIMIT)));
  const documentIds = input.documentIds ? [...new Set(input.documentIds)] : null;
  if (documentIds) {
    const visible = new Set(await visibleDocumentIds(svc.db, svc.userId, documentIds));
    const missing = documentIds.filter((id) => !visible.has(id));
    if (missing.length) {
      throw new AppError('NOT_FOUND', 'Document not found', {
        fields: missing.map((id) => ({ path: `documentIds.${documentIds.indexOf(id)}`, message: 'not found' })),
      });
    }
  }
  const { embedder } = svc;
  let vector: string | null = null;
  if (mode !== 'keyword') {
    const { vectors } = await embedder.embed([input.query], opts.signal ? { signal: opts.signal } : {});
    vector = vectorLiteral(vectors[0] ?? [], embedder.dimensions);
  }
  return mutate(svc, async (tx) => {
    const rows = await searchChunks(tx, {
      userId: svc.userId,
      text: input.query,
      vector,
      model: embedder.model,
      dimensions: embedder.dimensions,
      mode,
      documentIds,
      limit,
    });
    const byDocument = new Map<string, string[]>();
    for (const r of rows) byDocument.set(r.documentId, [...(byDocument.get(r.documentId) ?? []), r.chunkId]);
    if (byDocument.size) {
      await recordAudit(tx, {
        by: svc,
        action: 'document.retrieved',
        documentIds: [...byDocument.keys()],
        details: { via: opts.purpose, mode },
        detailsOf: Object.fromEntries([...byDocument].map(([documentId, chunkIds]) => [documentId, { chunkIds }])),
      });
    }
    return rows.map(toHit);
  });
}

/** `vectorDocuments.search`. */
export async function searchDocuments(svc: SearchServices, input: SearchInput, signal?: AbortSignal): Promise<{ items: ChunkHit[] }> {
  return { items: await retrieveChunks(svc, input, { purpose: 'search', ...(signal ? { signal } : {}) }) };
}

export interface EmbeddingStatus {
  model: string;
  dimensions: number;
  chunks: Omit<EmbeddingCounts, 'documents'>;
  documents: number;
}

/** `embeddings.status`: the active model and size, and chunk counts by state over the caller's visible documents. */
export async function embeddingStatus(svc: SearchServices): Promise<EmbeddingStatus> {
  const { embedder } = svc;
  const { documents, ...chunks } = await embeddingCounts(svc.db, svc.userId, embedder.model, embedder.dimensions);
  return { model: embedder.model, dimensions: embedder.dimensions, chunks, documents };
}

/** Chunks retrieved for an answer. */
export const ASK_CHUNKS = 8;

export interface AskInput {
  question: string;
  documentIds?: string[];
}

/** The chunks an answer is made from: the best ASK_CHUNKS for the caller, retrieved (and audited) as a hybrid search. */
function retrieveForAnswer(svc: SearchServices, input: AskInput, signal?: AbortSignal): Promise<ChunkHit[]> {
  return retrieveChunks(
    svc,
    { query: input.question, ...(input.documentIds ? { documentIds: input.documentIds } : {}), limit: ASK_CHUNKS, mode: 'hybrid' },
    { purpose: 'ask', ...(signal ? { signal } : {}) },
  );
}

/**
 * `vectorDocuments.ask`: the chunks retrieved for the caller (as search retrieves
 * them, audited `document.retrieved`) answered by the chat model, or extractively
 * without one. Only those chunks reach the model; a failing model call propagates.
 */
export async function askDocuments(svc: SearchServices & Pick<Deps, 'chat'>, input: AskInput, signal?: AbortSignal): Promise<Answer> {
  const chunks = await retrieveForAnswer(svc, input, signal);
  return answerQuestion({ question: input.question, chunks, chat: svc.chat, embedder: svc.embedder, ...(signal ? { signal } : {}) });
}

/**
 * `vectorDocuments.onAnswer`: the answer of `askDocuments`, streamed (answer-stream.ts).
 * The chunks are retrieved (and audited) before this resolves, so a `documentIds`
 * entry the caller cannot see fails here, before anything is streamed; reading the
 * stream then calls the model, if any.
 */
export async function streamAskDocuments(
  svc: SearchServices & Pick<Deps, 'chat'>,
  input: AskInput,
  signal?: AbortSignal,
): Promise<AsyncGenerator<AnswerStreamEvent, void, undefined>> {
  const chunks = await retrieveForAnswer(svc, input, signal);
  return streamAnswer({ question: input.question, chunks, chat: svc.chat, embedder: svc.embedder, ...(signal ? { signal } : {}) });
}
