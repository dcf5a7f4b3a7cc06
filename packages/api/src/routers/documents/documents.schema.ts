import { z } from 'zod';
import type { ChunkRow } from '@ap/core/documents/chunks';
import type { DocumentView } from '@ap/core/documents/documents';
import { ZBool, ZId, ZIsoDate, ZLevel, ZPaginationInput, ZText } from '../../schemas.ts';

export const MAX_TITLE = 300;
/** Inline text documents: at most this many characters (the byte cap applies too). */
export const MAX_INLINE_TEXT = 1_000_000;

export const DOCUMENT_STATUSES = ['PENDING_UPLOAD', 'QUEUED', 'EXTRACTING', 'CHUNKING', 'EMBEDDING', 'READY', 'FAILED'] as const;
export const ZDocumentStatus = z.enum(DOCUMENT_STATUSES).meta({ id: 'DocumentStatus' });

const ZTitle = ZText.trim().min(1).max(MAX_TITLE);

export const ZDocument = z
  .object({
    id: z.string(),
    title: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    status: ZDocumentStatus,
    /** 0–1 while processing runs. */
    progress: z.number(),
    error: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    chunkCount: z.number().int(),
    /** The caller's level. */
    level: ZLevel,
    /** Incremented by every change; send it back as `expectedVersion` to refuse a stale update. */
    version: z.number().int(),
    /** For the owner: their earlier document with the same bytes (same SHA-256). */
    duplicateOf: z.string().nullable(),
    ownerId: z.string(),
    organizationId: z.string().nullable(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'Document' });

export function toDocumentOutput(d: DocumentView): z.input<typeof ZDocument> {
  return {
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    status: d.status,
    progress: d.progress,
    error: d.error,
    pageCount: d.pageCount,
    chunkCount: d.chunkCount,
    level: d.level,
    version: d.version,
    duplicateOf: d.duplicateOf,
    ownerId: d.ownerId,
    organizationId: d.organizationId,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export const ZCreateDocumentInput = z
  .strictObject({
    /** An upload of yours whose file has been PUT to its URL. */
    uploadId: ZId.optional(),
    /** Optional with an upload (default: the file name); required with `text`. */
    title: ZTitle.optional(),
    /** A document written inline, stored as Markdown (or plain text with `format: "plain"`). */
    text: ZText.min(1).max(MAX_INLINE_TEXT).optional(),
    format: z.enum(['markdown', 'plain']).optional(),
    /** Put the document in an organization you are a member of: its members VIEW it, its admins ADMIN. */
    organizationId: ZId.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.uploadId && v.text !== undefined)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give either uploadId or text, not both' });
    else if (!v.uploadId && v.text === undefined)
      ctx.addIssue({ code: 'custom', path: ['uploadId'], message: 'give uploadId, or title and text' });
    else if (v.text !== undefined && !v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'is required with text' });
    if (v.format && v.text === undefined) ctx.addIssue({ code: 'custom', path: ['format'], message: 'applies to text only' });
  });

export const ZListDocumentsInput = z.strictObject({
  /** Text in the title. */
  q: ZText.trim().min(1).max(200).optional(),
  status: ZDocumentStatus.optional(),
  ownedOnly: ZBool.optional(),
  ...ZPaginationInput.shape,
});

export const ZDocumentIdInput = z.strictObject({ documentId: ZId });

export const ZUpdateDocumentInput = z.strictObject({
  documentId: ZId,
  title: ZTitle.optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

export const ZDownloadUrl = z.object({ url: z.string(), expiresAt: ZIsoDate }).meta({ id: 'DownloadUrl' });

export const ZChunksInput = z.strictObject({ documentId: ZId, ...ZPaginationInput.shape });

export const ZChunk = z
  .object({
    id: z.string(),
    chunkId: z.string(),
    documentId: z.string(),
    ordinal: z.number().int(),
    text: z.string(),
    /** Character offsets into the document's extracted text. */
    start: z.number().int(),
    end: z.number().int(),
    /** 1-based; null where the format has no pages. */
    pageStart: z.number().int().nullable(),
    pageEnd: z.number().int().nullable(),
    /** The section path. */
    headings: z.array(z.string()),
    boxes: z.unknown(),
    contentHash: z.string(),
    tokenCount: z.number().int(),
    embeddingModel: z.string().nullable(),
  })
  .meta({ id: 'DocumentChunk' });

export const toChunkOutput = (c: ChunkRow): z.input<typeof ZChunk> => ({
  id: c.id,
  chunkId: c.id,
  documentId: c.documentId,
  ordinal: c.ordinal,
  text: c.text,
  start: c.start,
  end: c.end,
  pageStart: c.pageStart,
  pageEnd: c.pageEnd,
  headings: c.headings,
  boxes: c.boxes,
  contentHash: c.contentHash,
  tokenCount: c.tokenCount,
  embeddingModel: c.embeddingModel,
});

export const ZOnStatusInput = z.strictObject({
  /** One document only (NOT_FOUND when you cannot see it); without it, every document you can see. */
  documentId: ZId.optional(),
  /** Sent by clients that reconnect; the stream starts again from the current state. */
  lastEventId: ZText.max(60).nullish(),
});
