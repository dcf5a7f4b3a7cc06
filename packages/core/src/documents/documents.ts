/**
 * Documents: created from a checked upload or from inline text (stored as a blob
 * too, so every document has bytes to download and reprocess), then QUEUED with a
 * `document.process` job enqueued in the same transaction. Reading, downloading,
 * changing, reprocessing and deleting follow the document rules of access/rules.ts;
 * each is written to the audit log in the transaction of the change. Calls to Blob
 * Storage never run inside a transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import { deleteDocumentChunks } from '@ap/db/documents';
import type { DbTx, DocumentStatus, Prisma } from '@ap/db/client';
import {
  documentAccessSelect,
  documentLevelOf,
  documentOrganizationFor,
  documentReachableBy,
  documentVisibleTo,
  requireDocument,
  type Level,
} from '../access/rules.ts';
import type { Deps } from '../ports/deps.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import type { DocumentEvent, DomainEvent } from '../shared/events.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { recordAudit } from './audit.ts';
import { DOCUMENT_PROCESS_JOB, DOCUMENT_PURGE_JOB } from './jobs.ts';
import type { FileSettings } from './settings.ts';
import { normalizeFileName } from './upload-policy.ts';
import { checkUploadOnce, claimUpload, findOwnUpload, type FileServices } from './uploads.ts';

export const documentSelect = {
  id: true,
  title: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  status: true,
  progress: true,
  error: true,
  pageCount: true,
  chunkCount: true,
  version: true,
  ownerId: true,
  organizationId: true,
  blobName: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.DocumentSelect;

type DocumentRow = Prisma.DocumentGetPayload<{ select: typeof documentSelect }>;

export interface DocumentView extends DocumentRow {
  /** The caller's level. */
  level: Level;
  /** For its owner: their earlier document with the same bytes (same SHA-256), if any. */
  duplicateOf: string | null;
}

const MAX_TITLE = 300;

function titleFrom(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).slice(0, MAX_TITLE) || 'Untitled';
}

/** The owner's earliest live document with the same bytes, for each later one the caller owns. */
async function duplicatesOf(db: DbTx, userId: string, docs: DocumentRow[]): Promise<Map<string, string>> {
  const own = docs.filter((d) => d.ownerId === userId);
  const out = new Map<string, string>();
  if (own.length === 0) return out;
  const same = await db.document.findMany({
    where: { ownerId: userId, deletedAt: null, sha256: { in: [...new Set(own.map((d) => d.sha256))] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, sha256: true },
  });
  for (const d of own) {
    const first = same.find((s) => s.sha256 === d.sha256);
    if (first && first.id !== d.id) out.set(d.id, first.id);
  }
  return out;
}

async function toViews(db: DbTx, userId: string, rows: (DocumentRow & { level: Level })[]): Promise<DocumentView[]> {
  const dups = await duplicatesOf(db, userId, rows);
  return rows.map((r) => ({ ...r, duplicateOf: dups.get(r.id) ?? null }));
}

export function documentEvent(
  doc: Pick<DocumentRow, 'id' | 'status' | 'progress' | 'error' | 'version' | 'chunkCount' | 'pageCount' | 'updatedAt'>,
  deleted = false,
): DocumentEvent {
  return {
    kind: 'document',
    id: `${doc.version}.${doc.updatedAt.getTime()}${deleted ? '.d' : ''}`,
    documentId: doc.id,
    status: doc.status,
    progress: doc.progress,
    error: doc.error,
    version: doc.version,
    chunkCount: doc.chunkCount,
    pageCount: doc.pageCount,
    deleted,
    at: doc.updatedAt.toISOString(),
  };
}

async function enqueueProcessing(tx: DbTx, svc: Pick<Deps, 'jobs'>, doc: { id: string; version: number }): Promise<void> {
  await svc.jobs.enqueue(tx, {
    name: DOCUMENT_PROCESS_JOB,
    data: { documentId: doc.id, version: doc.version },
    key: `${doc.id}:${doc.version}`,
  });
}

async function checkOrganization(db: DbTx, userId: string, organizationId: string | undefined): Promise<void> {
  if (!organizationId) return;
  const org = await db.organization.findFirst({ where: documentOrganizationFor(userId, organizationId), select: { id: true } });
  if (!org) throw notFound('Organization');
}

interface NewDocument {
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  blobName: string;
  uploadId: string | null;
  organizationId: string | null;
}

/** Inserts the document QUEUED, with its audit row and processing job, in `tx`. */
async function insertDocument(tx: DbTx, svc: FileServices, data: NewDocument, events: DomainEvent[]): Promise<DocumentRow> {
  const doc = await tx.document.create({
    data: { ...data, ownerId: svc.userId, status: 'QUEUED' },
    select: documentSelect,
  });
  await recordAudit(tx, {
    by: svc,
    action: 'document.created',
    documentIds: doc.id,
    details: {
      title: doc.title,
      fileName: doc.fileName,
      contentType: doc.contentType,
      sizeBytes: doc.sizeBytes,
      sha256: doc.sha256,
      uploadId: data.uploadId,
    },
  });
  await enqueueProcessing(tx, svc, doc);
  events.push(documentEvent(doc));
  return doc;
}

async function viewOf(svc: FileServices, doc: DocumentRow): Promise<DocumentView> {
  const [view] = await toViews(svc.db, svc.userId, [{ ...doc, level: 'ADMIN' }]);
  return view!;
}

/** The document made from this upload, for a repeated create (the caller's own upload, so their own document). */
async function documentOfUpload(svc: FileServices, uploadId: string): Promise<DocumentView> {
  const doc = await svc.db.document.findFirst({ where: { uploadId, ownerId: svc.userId, deletedAt: null }, select: documentSelect });
  if (!doc) throw conflict('This upload has already been used', { fields: [{ path: 'uploadId', message: 'was used already' }] });
  return viewOf(svc, doc);
}

export type CreateDocumentInput =
  | { uploadId: string; title?: string; organizationId?: string }
  | { title: string; text: string; format?: 'markdown' | 'plain'; organizationId?: string };

/**
 * Creates a document from the caller's upload (checked first; the same upload again
 * returns the same document, never a second one) or from inline text.
 */
export async function createDocument(svc: FileServices, settings: FileSettings, input: CreateDocumentInput): Promise<DocumentView> {
  await checkOrganization(svc.db, svc.userId, input.organizationId);
  if ('uploadId' in input) {
    const upload = await findOwnUpload(svc.db, svc.userId, input.uploadId);
    if (upload.status === 'USED') return documentOfUpload(svc, upload.id);
    const checked = await checkUploadOnce(svc, settings, upload, 'documents');
    if (checked === 'used') return documentOfUpload(svc, upload.id);
    const created = await mutate(svc, async (tx, events) => {
      if (!(await claimUpload(tx, svc.jobs, checked, svc.userId, svc.clock.now()))) return null;
      return insertDocument(
        tx,
        svc,
        {
          title: input.title ?? titleFrom(upload.fileName),
          fileName: upload.fileName,
          contentType: upload.contentType,
          sizeBytes: checked.sizeBytes,
          sha256: checked.sha256,
          blobName: checked.blobName,
          uploadId: upload.id,
          organizationId: input.organizationId ?? null,
        },
        events,
      );
    });
    // Another request claimed it first: the blob copy is the same name, theirs.
    if (!created) return documentOfUpload(svc, upload.id);
    // The uploaded blob is no longer needed (its deletion job is queued too).
    await svc.blobs.delete(checked.upload.blobName).catch(() => false);
    return viewOf(svc, created);
  }

  const contentType = input.format === 'plain' ? 'text/plain' : 'text/markdown';
  const bytes = new TextEncoder().encode(input.text);
  if (bytes.byteLength === 0) throw new AppError('BAD_REQUEST', 'The text is empty', { fields: [{ path: 'text', message: 'is empty' }] });
  if (bytes.byteLength > settings.policy.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The text is ${bytes.byteLength} bytes; the largest document is ${settings.policy.maxBytes} bytes`,
    );
  }
  const id = randomUUID();
  const blobName = `documents/inline/${id}`;
  await svc.blobs.put(blobName, bytes, `${contentType}; charset=utf-8`);
  try {
    const doc = await mutate(svc, (tx, events) =>
      insertDocument(
        tx,
        svc,
        {
          title: input.title,
          fileName: `${normalizeFileName(input.title.replace(/[\\/]/g, '_').slice(0, 190)) ?? 'document'}.${contentType === 'text/plain' ? 'txt' : 'md'}`,
          contentType,
          sizeBytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          blobName,
          uploadId: null,
          organizationId: input.organizationId ?? null,
        },
        events,
      ),
    );
    return viewOf(svc, doc);
  } catch (err) {
    await svc.blobs.delete(blobName).catch(() => false);
    throw err;
  }
}

const viewSelect = (userId: string) => ({ ...documentSelect, ...documentAccessSelect(userId) }) satisfies Prisma.DocumentSelect;

type AccessRow = Prisma.DocumentGetPayload<{ select: ReturnType<typeof viewSelect> }>;

function withLevel(row: AccessRow, userId: string): DocumentRow & { level: Level } {
  const { permissions: _p, organization: _o, deletedAt: _d, ...doc } = row;
  return { ...doc, level: documentLevelOf(row, userId)! };
}

/** One document (VIEW); the view is audited. */
export async function getDocument(svc: FileServices, input: { documentId: string }): Promise<DocumentView> {
  const row = await mutate(svc, async (tx) => {
    const r = await tx.document.findFirst({
      where: { id: input.documentId, ...documentVisibleTo(svc.userId) },
      select: viewSelect(svc.userId),
    });
    if (!r) throw notFound('Document');
    await recordAudit(tx, { by: svc, action: 'document.viewed', documentIds: r.id });
    return r;
  });
  const [view] = await toViews(svc.db, svc.userId, [withLevel(row, svc.userId)]);
  return view!;
}

/** Documents the caller can see, newest first (filters: title text, status, owned only). */
export async function listDocuments(
  svc: FileServices,
  input: { q?: string; status?: DocumentStatus; ownedOnly?: boolean; cursor?: string; limit: number },
): Promise<Page<DocumentView>> {
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const where: Prisma.DocumentWhereInput = {
    AND: [
      documentVisibleTo(svc.userId),
      input.ownedOnly ? { ownerId: svc.userId } : {},
      input.status ? { status: input.status } : {},
      input.q ? { title: { contains: input.q, mode: 'insensitive' } } : {},
      after ? { OR: [{ createdAt: { lt: after[0] } }, { createdAt: after[0], id: { lt: after[1] } }] } : {},
    ],
  };
  const rows = await svc.db.document.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: viewSelect(svc.userId),
  });
  const page = toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: await toViews(
      svc.db,
      svc.userId,
      page.items.map((r) => withLevel(r, svc.userId)),
    ),
    nextCursor: page.nextCursor,
  };
}

/** Renames a document (EDIT; `expectedVersion`: stale is CONFLICT). */
export async function updateDocument(
  svc: FileServices,
  input: { documentId: string; title?: string; expectedVersion?: number },
): Promise<DocumentView> {
  const doc = await mutate(svc, async (tx, events) => {
    const access = await requireDocument(tx, svc.userId, input.documentId, 'EDIT');
    const before = await tx.document.findUniqueOrThrow({ where: { id: access.id }, select: documentSelect });
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      throw conflict(`The document changed meanwhile (version ${before.version}, you expected ${input.expectedVersion})`, {
        currentVersion: before.version,
      });
    }
    if (input.title === undefined || input.title === before.title) return { ...before, level: access.level };
    const n = await tx.document.updateMany({
      where: { id: before.id, version: before.version, deletedAt: null },
      data: { title: input.title, version: { increment: 1 } },
    });
    if (n.count !== 1) throw conflict('The document changed meanwhile, please retry');
    const after = await tx.document.findUniqueOrThrow({ where: { id: before.id }, select: documentSelect });
    await recordAudit(tx, {
      by: svc,
      action: 'document.updated',
      documentIds: before.id,
      details: { title: { from: before.title, to: after.title } },
    });
    events.push(documentEvent(after));
    return { ...after, level: access.level };
  });
  const [view] = await toViews(svc.db, svc.userId, [doc]);
  return view!;
}

/** Queues the document for processing again (EDIT): QUEUED, version bumped, a job enqueued with it. */
export async function reprocessDocument(svc: FileServices, input: { documentId: string }): Promise<DocumentView> {
  const doc = await mutate(svc, async (tx, events) => {
    const access = await requireDocument(tx, svc.userId, input.documentId, 'EDIT');
    const before = await tx.document.findUniqueOrThrow({ where: { id: access.id }, select: { status: true, version: true } });
    const after = await tx.document.update({
      where: { id: access.id },
      data: { status: 'QUEUED', progress: 0, error: null, version: { increment: 1 } },
      select: documentSelect,
    });
    await enqueueProcessing(tx, svc, after);
    await recordAudit(tx, {
      by: svc,
      action: 'document.reprocessed',
      documentIds: after.id,
      details: { status: { from: before.status, to: after.status }, version: { from: before.version, to: after.version } },
    });
    events.push(documentEvent(after));
    return { ...after, level: access.level };
  });
  const [view] = await toViews(svc.db, svc.userId, [doc]);
  return view!;
}

/** A read-only, short-lived URL that downloads the document as an attachment (VIEW); audited. */
export async function documentDownloadUrl(svc: FileServices, settings: FileSettings, input: { documentId: string }) {
  const access = await requireDocument(svc.db, svc.userId, input.documentId, 'VIEW');
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: access.id }, select: documentSelect });
  // Signed outside the transaction; the URL is handed out only once its issue is recorded.
  const url = await svc.blobs.createDownloadUrl({
    blobName: doc.blobName,
    fileName: doc.fileName,
    contentType: doc.contentType,
    expiresInMinutes: settings.downloadTtlMinutes,
  });
  await mutate(svc, async (tx) => {
    await requireDocument(tx, svc.userId, doc.id, 'VIEW');
    await recordAudit(tx, {
      by: svc,
      action: 'document.downloaded',
      documentIds: doc.id,
      details: { expiresAt: url.expiresAt.toISOString() },
    });
  });
  return url;
}

/**
 * Deletes a document (ADMIN): in one transaction it becomes invisible, the delete is
 * audited and a purge job is enqueued; the purge (tried at once, then by the job
 * until it succeeds) removes its chunks, vectors and blob. Deleting it again is
 * answered the same way (and retries the purge); its audit rows stay.
 */
export async function deleteDocument(svc: FileServices, input: { documentId: string }): Promise<void> {
  const gone = await svc.db.document.findFirst({
    where: { id: input.documentId, deletedAt: { not: null }, ...documentReachableBy(svc.userId) },
    select: { id: true, ...documentAccessSelect(svc.userId) },
  });
  if (gone) {
    const level = documentLevelOf({ ...gone, deletedAt: null }, svc.userId);
    if (level !== 'ADMIN') throw notFound('Document');
  } else {
    await mutate(svc, async (tx, events) => {
      await requireDocument(tx, svc.userId, input.documentId, 'ADMIN');
      const doc = await tx.document.update({ where: { id: input.documentId }, data: { deletedAt: new Date() }, select: documentSelect });
      await recordAudit(tx, {
        by: svc,
        action: 'document.deleted',
        documentIds: doc.id,
        details: { title: doc.title, fileName: doc.fileName },
      });
      await svc.jobs.enqueue(tx, { name: DOCUMENT_PURGE_JOB, data: { documentId: doc.id }, key: doc.id });
      events.push(documentEvent(doc, true));
    });
  }
  // The job retries whatever fails here.
  await purgeDocument(svc, input.documentId).catch((err: unknown) =>
    svc.log?.warn({ err, documentId: input.documentId }, 'document purge deferred'),
  );
}

/** Removes a deleted document's chunks (with their vectors) and its blob. Idempotent. */
export async function purgeDocument(deps: Pick<Deps, 'db' | 'blobs'> & { log?: Deps['log'] }, documentId: string): Promise<void> {
  const doc = await deps.db.document.findFirst({
    where: { id: documentId, deletedAt: { not: null } },
    select: { id: true, blobName: true },
  });
  if (!doc) return;
  await deleteDocumentChunks(deps.db, doc.id);
  await deps.db.document.update({ where: { id: doc.id }, data: { chunkCount: 0 } });
  await deps.blobs.delete(doc.blobName);
}
