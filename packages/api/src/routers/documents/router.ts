import {
  createDocument,
  deleteDocument,
  documentDownloadUrl,
  getDocument,
  listDocuments,
  reprocessDocument,
  updateDocument,
} from '@ap/core/documents/documents';
import { listChunks } from '@ap/core/documents/chunks';
import { openDocumentStatusStream } from '@ap/core/documents/status-stream';
import { paginated, ZOk } from '../../schemas.ts';
import { trackedStream } from '../../streams.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import {
  toChunkOutput,
  toDocumentOutput,
  ZChunk,
  ZChunksInput,
  ZCreateDocumentInput,
  ZDocument,
  ZDocumentIdInput,
  ZDownloadUrl,
  ZListDocumentsInput,
  ZOnStatusInput,
  ZUpdateDocumentInput,
} from './documents.schema.ts';
import { fileServices, fileSettings } from './file-services.ts';

const tags = ['documents'];

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateDocumentInput>) {
  const svc = fileServices(ctx);
  const doc = input.uploadId
    ? await createDocument(svc, fileSettings(ctx), { uploadId: input.uploadId, title: input.title, organizationId: input.organizationId })
    : await createDocument(svc, fileSettings(ctx), {
        title: input.title!,
        text: input.text!,
        format: input.format,
        organizationId: input.organizationId,
      });
  return toDocumentOutput(doc);
}

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListDocumentsInput>) {
  const page = await listDocuments(fileServices(ctx), input);
  return { items: page.items.map(toDocumentOutput), nextCursor: page.nextCursor };
}

async function getHandler({ ctx, input }: AuthedArgs<typeof ZDocumentIdInput>) {
  return toDocumentOutput(await getDocument(fileServices(ctx), input));
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateDocumentInput>) {
  return toDocumentOutput(await updateDocument(fileServices(ctx), input));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDocumentIdInput>) {
  await deleteDocument(fileServices(ctx), input);
  return { ok: true as const };
}

async function downloadUrlHandler({ ctx, input }: AuthedArgs<typeof ZDocumentIdInput>) {
  const url = await documentDownloadUrl(fileServices(ctx), fileSettings(ctx), input);
  return { url: url.url, expiresAt: url.expiresAt.toISOString() };
}

async function reprocessHandler({ ctx, input }: AuthedArgs<typeof ZDocumentIdInput>) {
  return toDocumentOutput(await reprocessDocument(fileServices(ctx), input));
}

async function chunksHandler({ ctx, input }: AuthedArgs<typeof ZChunksInput>) {
  const page = await listChunks(fileServices(ctx), input);
  return { items: page.items.map(toChunkOutput), nextCursor: page.nextCursor };
}

async function onStatusHandler({ ctx, input, signal }: AuthedArgs<typeof ZOnStatusInput>) {
  return trackedStream(await openDocumentStatusStream(ctx.svc, { documentId: input.documentId }, signal));
}

export const documentsRouter = router({
  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/documents',
        tags,
        summary: 'Create a document from your checked upload, or from inline text; it is then QUEUED for processing',
      },
    })
    .input(ZCreateDocumentInput)
    .output(ZDocument)
    .mutation(createHandler),

  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/documents',
        tags,
        summary: 'Documents you can see, newest first (filters: q on title, status, ownedOnly)',
      },
    })
    .input(ZListDocumentsInput)
    .output(paginated(ZDocument))
    .query(listHandler),

  get: authedProcedure
    .meta({
      openapi: { method: 'GET', path: '/documents/{documentId}', tags, summary: 'A document with your level on it (VIEW; audited)' },
    })
    .input(ZDocumentIdInput)
    .output(ZDocument)
    .query(getHandler),

  update: authedProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/documents/{documentId}',
        tags,
        summary: 'Rename a document (EDIT; expectedVersion: stale → CONFLICT)',
      },
    })
    .input(ZUpdateDocumentInput)
    .output(ZDocument)
    .mutation(updateHandler),

  delete: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/documents/{documentId}',
        tags,
        summary: 'Delete a document with its blob, chunks and vectors (ADMIN; its audit rows stay)',
      },
    })
    .input(ZDocumentIdInput)
    .output(ZOk)
    .mutation(deleteHandler),

  downloadUrl: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/documents/{documentId}/download-url',
        tags,
        summary: 'A short-lived, read-only URL that downloads the file as an attachment (VIEW; audited)',
      },
    })
    .input(ZDocumentIdInput)
    .output(ZDownloadUrl)
    .query(downloadUrlHandler),

  reprocess: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/documents/{documentId}/reprocess',
        tags,
        summary: 'Extract, chunk and embed the document again (EDIT): QUEUED, version bumped',
      },
    })
    .input(ZDocumentIdInput)
    .output(ZDocument)
    .mutation(reprocessHandler),

  chunks: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/documents/{documentId}/chunks',
        tags,
        summary: 'The document’s chunks in order, with their citation fields (VIEW)',
      },
    })
    .input(ZChunksInput)
    .output(paginated(ZChunk))
    .query(chunksHandler),

  /**
   * `documents.onStatus`: status and progress of the documents the caller can see,
   * live over SSE (of one document with `documentId`, starting with its current state).
   */
  onStatus: authedProcedure.input(ZOnStatusInput).subscription(onStatusHandler),
});
