/**
 * Files on action points, on the upload flow of documents: visibility follows the
 * action point, EDIT adds or deletes. Adding and deleting are recorded in the
 * activity of every board the action point is on (and so reach live board events).
 */
import type { Prisma } from '@ap/db/client';
import { requireActionPoint } from '../access/rules.ts';
import { recordOnActionPointBoards } from '../boards/activity.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { BLOB_DELETE_JOB } from './jobs.ts';
import type { FileSettings } from './settings.ts';
import { checkUploadOnce, claimUpload, findOwnUpload, type FileServices } from './uploads.ts';

export const attachmentSelect = {
  id: true,
  actionPointId: true,
  uploaderId: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  storageKey: true,
  createdAt: true,
} satisfies Prisma.AttachmentSelect;

export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

/** The action point's attachments, oldest first (VIEW). */
export async function listAttachments(
  svc: FileServices,
  input: { actionPointId: string; cursor?: string; limit: number },
): Promise<Page<AttachmentRow>> {
  await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'VIEW');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.attachment.findMany({
    where: { actionPointId: input.actionPointId, ...afterCreatedAt(after, 'asc') },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: attachmentSelect,
  });
  return toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

async function attachmentOfUpload(svc: FileServices, uploadId: string, actionPointId: string): Promise<AttachmentRow> {
  const row = await svc.db.attachment.findFirst({ where: { uploadId, uploaderId: svc.userId }, select: attachmentSelect });
  if (!row || row.actionPointId !== actionPointId) {
    throw conflict('This upload has already been used', { fields: [{ path: 'uploadId', message: 'was used already' }] });
  }
  return row;
}

/** Attaches the caller's checked upload to an action point (EDIT). The same upload again returns the same attachment. */
export async function createAttachment(
  svc: FileServices,
  settings: FileSettings,
  input: { actionPointId: string; uploadId: string },
): Promise<AttachmentRow> {
  await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'EDIT');
  const upload = await findOwnUpload(svc.db, svc.userId, input.uploadId);
  if (upload.status === 'USED') return attachmentOfUpload(svc, upload.id, input.actionPointId);
  const checked = await checkUploadOnce(svc, settings, upload, 'attachments');
  if (checked === 'used') return attachmentOfUpload(svc, upload.id, input.actionPointId);
  const created = await mutate(svc, async (tx, events) => {
    await requireActionPoint(tx, svc.userId, input.actionPointId, 'EDIT');
    if (!(await claimUpload(tx, svc.jobs, checked, svc.userId, svc.clock.now()))) return null;
    const row = await tx.attachment.create({
      data: {
        actionPointId: input.actionPointId,
        uploaderId: svc.userId,
        fileName: upload.fileName,
        contentType: upload.contentType,
        sizeBytes: checked.sizeBytes,
        sha256: checked.sha256,
        storageKey: checked.blobName,
        uploadId: upload.id,
      },
      select: attachmentSelect,
    });
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: input.actionPointId,
        by: svc,
        action: 'attachment.added',
        entityType: 'attachment',
        entityId: row.id,
        changes: { fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes },
      },
      events,
    );
    return row;
  });
  if (!created) return attachmentOfUpload(svc, upload.id, input.actionPointId);
  await svc.blobs.delete(upload.blobName).catch(() => false);
  return created;
}

/** An attachment the caller has `min` on, through its action point; NOT_FOUND when they cannot see it. */
export async function requireAttachment(
  svc: Pick<ServiceContext, 'db' | 'userId'>,
  attachmentId: string,
  min: 'VIEW' | 'EDIT',
): Promise<AttachmentRow> {
  const row = await svc.db.attachment.findUnique({ where: { id: attachmentId }, select: attachmentSelect });
  if (!row) throw notFound('Attachment');
  try {
    await requireActionPoint(svc.db, svc.userId, row.actionPointId, min);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('Attachment');
    throw err;
  }
  return row;
}

/** A read-only, short-lived download URL (VIEW on the action point). */
export async function attachmentDownloadUrl(svc: FileServices, settings: FileSettings, input: { attachmentId: string }) {
  const row = await requireAttachment(svc, input.attachmentId, 'VIEW');
  return svc.blobs.createDownloadUrl({
    blobName: row.storageKey,
    fileName: row.fileName,
    contentType: row.contentType,
    expiresInMinutes: settings.downloadTtlMinutes,
  });
}

/** Deletes an attachment (EDIT): the row and its activity in one transaction, the blob after (retried by a job). */
export async function deleteAttachment(svc: FileServices, input: { attachmentId: string }): Promise<void> {
  const row = await requireAttachment(svc, input.attachmentId, 'EDIT');
  await mutate(svc, async (tx, events) => {
    await requireActionPoint(tx, svc.userId, row.actionPointId, 'EDIT');
    const removed = await tx.attachment.deleteMany({ where: { id: row.id } });
    if (removed.count === 0) throw notFound('Attachment');
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: row.actionPointId,
        by: svc,
        action: 'attachment.deleted',
        entityType: 'attachment',
        entityId: row.id,
        changes: { fileName: row.fileName },
      },
      events,
    );
    await svc.jobs.enqueue(tx, { name: BLOB_DELETE_JOB, data: { blobName: row.storageKey }, key: row.storageKey });
  });
  await svc.blobs.delete(row.storageKey).catch(() => false);
}
