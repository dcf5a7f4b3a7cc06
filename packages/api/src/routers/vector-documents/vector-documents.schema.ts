import { z } from 'zod';
import { ZId, ZText } from '../../schemas.ts';

export const MAX_QUERY_CHARS = 2_000;
export const MAX_SEARCH_LIMIT = 50;
export const MAX_DOCUMENT_IDS = 100;

const ZDocumentIds = z
  .array(ZId)
  .min(1, { message: 'must hold at least one id (leave it out to search every document you can see)' })
  .max(MAX_DOCUMENT_IDS, { message: `must hold at most ${MAX_DOCUMENT_IDS} ids` });

export const ZSearchInput = z.strictObject({
  query: ZText.trim().min(1, { message: 'must not be empty' }).max(MAX_QUERY_CHARS),
  /** Only these documents (each must be one you can see). */
  documentIds: ZDocumentIds.optional(),
  /** Default 10, at most 50. */
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
  /** `hybrid` (default): semantic and keyword ranks fused by RRF (k = 60); `semantic`: cosine only; `keyword`: full text only. */
  mode: z.enum(['hybrid', 'semantic', 'keyword']).optional(),
});

export const ZAskInput = z.strictObject({
  question: ZText.trim().min(1, { message: 'must not be empty' }).max(MAX_QUERY_CHARS),
  documentIds: ZDocumentIds.optional(),
});

const ZPoint = z.object({ x: z.number(), y: z.number() });
const ZBox = z.object({ pageNumber: z.number().int(), polygon: z.array(ZPoint) }).meta({ id: 'CitationBox' });

const citationFields = {
  chunkId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  /** Character offsets into the document's extracted text. */
  start: z.number().int(),
  end: z.number().int(),
  /** 1-based; null where the format has no pages. */
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  /** The section path. */
  headings: z.array(z.string()),
  score: z.number(),
};

export const ZChunkHit = z
  .object({
    ...citationFields,
    /** Exactly the document's text from `start` to `end`. */
    text: z.string(),
    boxes: z.array(ZBox),
  })
  .meta({ id: 'ChunkHit' });

export const ZSearchResult = z.object({ items: z.array(ZChunkHit) }).meta({ id: 'SearchResult' });

export const ZCitation = z
  .object({
    ...citationFields,
    /** Exactly the document's text from `start` to `end`. */
    quote: z.string(),
  })
  .meta({ id: 'Citation' });

export const ZAnswer = z
  .object({
    /** Every claim carries a marker `[n]` that indexes `citations`. */
    answer: z.string(),
    citations: z.array(ZCitation),
    mode: z.enum(['model', 'extractive']),
    model: z.string(),
  })
  .meta({ id: 'Answer' });
