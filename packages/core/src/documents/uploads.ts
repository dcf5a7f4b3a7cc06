/**
 * Direct uploads to Blob Storage. `createUpload` gates the declared file before any
 * SAS exists, records the upload under a blob name of the server's, and signs a URL
 * that may only write that blob. `takeUpload` is how documents and attachments
 * receive an upload: the caller's own, not used yet; the stored blob is read (outside
 * any transaction), checked — present, of the declared size and within the cap, of
 * the declared type by its content — hashed, and copied to a blob no client can
 * write (`<kind>/<uploadId>`). A refused blob is deleted and the upload marked
 * REFUSED. The caller then claims the upload in its own transaction (`claimUpload`:
 * exactly one claim succeeds, also under concurrency) and enqueues the deletion of
 * the uploaded blob there.
 */
import { createHash, randomUUID } from 'node:crypto';
import { claimUpload as claimUploadRow, expireUploads } from '@ap/db/documents';
import type { DbTx, UploadStatus } from '@ap/db/client';
import type { Deps } from '../ports/deps.ts';
import type { JobProducer } from '../ports/job-queue.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { checkContent, CONTENT_SNIFF_BYTES } from './content-check.ts';
import { BLOB_DELETE_JOB } from './jobs.ts';
import type { FileSettings } from './settings.ts';
import { checkUpload } from './upload-policy.ts';

/** What functions that touch blobs need besides the service context. */
export type FileServices = ServiceContext & Pick<Deps, 'blobs' | 'jobs' | 'clock'> & Partial<Pick<Deps, 'log'>>;

/** How long after its URL expired an upload may still be handed to a document (the PUT may have started just before). */
export const UPLOAD_GRACE_MS = 60 * 60_000;

export interface UploadRecord {
  id: string;
  ownerId: string;
  blobName: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  status: UploadStatus;
  error: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

const uploadSelect = {
  id: true,
  ownerId: true,
  blobName: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  status: true,
  error: true,
  expiresAt: true,
  usedAt: true,
  createdAt: true,
} as const;

export interface CreatedUpload {
  upload: UploadRecord;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: Date;
}

/** Gates the declared file, records the upload and signs its write-only URL. */
export async function createUpload(
  svc: FileServices,
  settings: FileSettings,
  input: { fileName: string; contentType: string; sizeBytes: number },
): Promise<CreatedUpload> {
  const decision = checkUpload(input, settings.policy);
  if (!decision.ok) {
    throw new AppError(decision.code, decision.message, { fields: [{ path: decision.field, message: decision.message }] });
  }
  const expiresAt = new Date(svc.clock.now().getTime() + settings.uploadTtlMinutes * 60_000);
  const upload = await svc.db.upload.create({
    data: {
      ownerId: svc.userId,
      blobName: `uploads/${svc.userId}/${randomUUID()}`,
      fileName: decision.fileName,
      contentType: decision.contentType,
      sizeBytes: decision.sizeBytes,
      expiresAt,
    },
    select: uploadSelect,
  });
  // Signing may fetch a delegation key: outside any transaction. An upload whose URL
  // was never handed out just expires and is swept.
  const url = await svc.blobs.createUploadUrl({
    blobName: upload.blobName,
    contentType: upload.contentType,
    expiresInMinutes: settings.uploadTtlMinutes,
  });
  return { upload, url: url.url, method: url.method, headers: url.headers, expiresAt: url.expiresAt };
}

export type UploadState = 'PENDING' | 'UPLOADED' | 'USED' | 'REFUSED' | 'EXPIRED';

/** The caller's own upload, with whether its blob has arrived. */
export async function getUpload(svc: FileServices, input: { uploadId: string }): Promise<{ upload: UploadRecord; state: UploadState }> {
  const upload = await svc.db.upload.findFirst({ where: { id: input.uploadId, ownerId: svc.userId }, select: uploadSelect });
  if (!upload) throw notFound('Upload');
  if (upload.status !== 'PENDING') return { upload, state: upload.status };
  if (upload.expiresAt.getTime() + UPLOAD_GRACE_MS < svc.clock.now().getTime()) return { upload, state: 'EXPIRED' };
  const info = await svc.blobs.stat(upload.blobName);
  return { upload, state: info ? 'UPLOADED' : 'PENDING' };
}

/** An upload checked and copied, ready to be claimed in the caller's transaction. */
export interface CheckedUpload {
  upload: UploadRecord;
  /** The blob the document or attachment keeps (written by the server only). */
  blobName: string;
  sha256: string;
  sizeBytes: number;
}

/** The caller's upload; NOT_FOUND when it is someone else's or does not exist. */
export async function findOwnUpload(db: DbTx, userId: string, uploadId: string): Promise<UploadRecord> {
  const upload = await db.upload.findFirst({ where: { id: uploadId, ownerId: userId }, select: uploadSelect });
  if (!upload) throw notFound('Upload');
  return upload;
}

/** Marks the upload refused (if still pending) and deletes its blob. */
async function refuse(svc: FileServices, upload: UploadRecord, err: AppError): Promise<never> {
  await svc.blobs.delete(upload.blobName);
  await svc.db.upload.updateMany({ where: { id: upload.id, status: 'PENDING' }, data: { status: 'REFUSED', error: err.message } });
  throw err;
}

/**
 * Reads and checks the stored blob of a pending upload (no transaction is open:
 * these are calls to Blob Storage) and copies it to `<kind>/<uploadId>`.
 */
export async function checkUploadedBlob(
  svc: FileServices,
  settings: FileSettings,
  upload: UploadRecord,
  kind: 'documents' | 'attachments',
): Promise<CheckedUpload> {
  if (upload.status === 'REFUSED') {
    throw new AppError('BAD_REQUEST', `This upload was refused: ${upload.error ?? 'its file did not pass the checks'}`, {
      fields: [{ path: 'uploadId', message: 'was refused' }],
    });
  }
  if (upload.status !== 'PENDING' || upload.expiresAt.getTime() + UPLOAD_GRACE_MS < svc.clock.now().getTime()) {
    throw new AppError('BAD_REQUEST', 'This upload has expired: ask for a new one', {
      fields: [{ path: 'uploadId', message: 'has expired' }],
    });
  }
  const info = await svc.blobs.stat(upload.blobName);
  if (!info) {
    throw new AppError('BAD_REQUEST', 'Nothing has been uploaded yet: PUT the file to the upload URL first', {
      fields: [{ path: 'uploadId', message: 'has no file yet' }],
    });
  }
  const cap = settings.policy.maxBytes;
  if (info.sizeBytes > cap) {
    await refuse(svc, upload, new AppError('PAYLOAD_TOO_LARGE', `The file is ${info.sizeBytes} bytes; the largest upload is ${cap} bytes`));
  }
  if (info.sizeBytes !== upload.sizeBytes) {
    await refuse(
      svc,
      upload,
      new AppError('BAD_REQUEST', `The uploaded file is ${info.sizeBytes} bytes, not the ${upload.sizeBytes} bytes declared`, {
        fields: [{ path: 'uploadId', message: 'size differs from the declared one' }],
      }),
    );
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await svc.blobs.read(upload.blobName, { maxBytes: cap });
  } catch (err) {
    if (err instanceof RangeError) return refuse(svc, upload, new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${cap} bytes`));
    throw err;
  }
  if (!bytes)
    throw new AppError('BAD_REQUEST', 'The uploaded file is gone: upload it again', {
      fields: [{ path: 'uploadId', message: 'has no file' }],
    });
  if (bytes.byteLength !== upload.sizeBytes) {
    await refuse(
      svc,
      upload,
      new AppError('BAD_REQUEST', `The uploaded file is ${bytes.byteLength} bytes, not the ${upload.sizeBytes} bytes declared`),
    );
  }
  const check = await checkContent({
    contentType: upload.contentType,
    head: bytes.subarray(0, CONTENT_SNIFF_BYTES),
    sizeBytes: bytes.byteLength,
    readAll: async () => bytes!,
  });
  if (!check.ok) {
    await refuse(
      svc,
      upload,
      new AppError('UNSUPPORTED_MEDIA_TYPE', check.message, {
        fields: [{ path: 'uploadId', message: check.message }],
        detectedType: check.detectedType,
      }),
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The checked bytes, where no upload URL can overwrite them.
  const blobName = `${kind}/${upload.id}`;
  await svc.blobs.put(blobName, bytes, upload.contentType);
  return { upload, blobName, sha256, sizeBytes: bytes.byteLength };
}

/**
 * checkUploadedBlob, or 'used' when a concurrent request claimed the upload
 * meanwhile (and so may have removed its blob already): the caller then answers
 * with what that request made.
 */
export async function checkUploadOnce(
  svc: FileServices,
  settings: FileSettings,
  upload: UploadRecord,
  kind: 'documents' | 'attachments',
): Promise<CheckedUpload | 'used'> {
  try {
    return await checkUploadedBlob(svc, settings, upload, kind);
  } catch (err) {
    const now = await svc.db.upload.findUnique({ where: { id: upload.id }, select: { status: true } });
    if (now?.status === 'USED') return 'used';
    throw err;
  }
}

/**
 * Claims a checked upload inside the caller's transaction and enqueues the deletion
 * of its uploaded blob there. False when another request claimed it first.
 */
export async function claimUpload(tx: DbTx, jobs: JobProducer, checked: CheckedUpload, userId: string, now: Date): Promise<boolean> {
  const ok = await claimUploadRow(tx, checked.upload.id, userId, new Date(now.getTime() - UPLOAD_GRACE_MS));
  if (ok) await jobs.enqueue(tx, { name: BLOB_DELETE_JOB, data: { blobName: checked.upload.blobName }, key: checked.upload.blobName });
  return ok;
}

/**
 * Deletes uploads never completed: unused past their URL's expiry (and the grace
 * period), or refused. The upload is first marked EXPIRED (no document can claim it
 * then), then its blobs are deleted, then its row. Idempotent; returns how many went.
 */
export async function sweepUploads(deps: Pick<Deps, 'db' | 'blobs' | 'clock'>, options: { batch?: number } = {}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - UPLOAD_GRACE_MS);
  let total = 0;
  for (;;) {
    const stale = await expireUploads(deps.db, before, options.batch ?? 200);
    for (const u of stale) {
      await deps.blobs.delete(u.blobName);
      // A copy a crashed create may have left.
      await deps.blobs.delete(`documents/${u.id}`);
      await deps.blobs.delete(`attachments/${u.id}`);
      await deps.db.upload.deleteMany({ where: { id: u.id, status: { in: ['EXPIRED', 'REFUSED'] } } });
    }
    total += stale.length;
    if (stale.length < (options.batch ?? 200)) return total;
  }
}
