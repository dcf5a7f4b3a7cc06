/**
 * The stored files the analysis procedures read (`aiVision.analyze`,
 * `documentIntelligence.analyze`): access first (a file the caller cannot see is
 * NOT_FOUND before anything about it is said), then its bytes from Blob Storage
 * under a size cap, outside any transaction. A document read this way is audited
 * `document.retrieved` once the analysis is made, after its access is checked again
 * (a grant revoked meanwhile returns nothing).
 */
import { requireDocument } from '../access/rules.ts';
import { requireAttachment } from '../documents/attachments.ts';
import { recordAudit } from '../documents/audit.ts';
import type { BlobStore } from '../ports/blob-store.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { mutate } from '../shared/tx.ts';

/** A document or an attachment the caller may VIEW, with what is needed to read its file. */
export interface StoredFile {
  kind: 'document' | 'attachment';
  id: string;
  blobName: string;
  contentType: string;
  fileName: string;
  sizeBytes: number;
}

/** `documentId` or `attachmentId`: the input field that named the file. */
export const fieldOf = (file: Pick<StoredFile, 'kind'>) => (file.kind === 'document' ? 'documentId' : 'attachmentId');

/** A document the caller has VIEW on; NOT_FOUND when they cannot see it. */
export async function viewableDocument(svc: Pick<ServiceContext, 'db' | 'userId'>, documentId: string): Promise<StoredFile> {
  await requireDocument(svc.db, svc.userId, documentId, 'VIEW');
  const doc = await svc.db.document.findFirst({
    where: { id: documentId, deletedAt: null },
    select: { id: true, blobName: true, contentType: true, fileName: true, sizeBytes: true },
  });
  if (!doc) throw notFound('Document');
  return { kind: 'document', ...doc };
}

/** An attachment whose action point the caller can see; NOT_FOUND otherwise. */
export async function viewableAttachment(svc: Pick<ServiceContext, 'db' | 'userId'>, attachmentId: string): Promise<StoredFile> {
  const a = await requireAttachment(svc, attachmentId, 'VIEW');
  return {
    kind: 'attachment',
    id: a.id,
    blobName: a.storageKey,
    contentType: a.contentType,
    fileName: a.fileName,
    sizeBytes: a.sizeBytes,
  };
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The file's bytes; PAYLOAD_TOO_LARGE over `maxBytes` (before the body is read). */
export async function readStoredFile(blobs: BlobStore, file: StoredFile, maxBytes: number, what: string): Promise<Uint8Array> {
  const tooLarge = (size: number) =>
    new AppError('PAYLOAD_TOO_LARGE', `This ${file.kind} is ${megabytes(size)}: ${what} takes files up to ${megabytes(maxBytes)}`, {
      fields: [{ path: fieldOf(file), message: `is larger than ${megabytes(maxBytes)}` }],
    });
  if (file.sizeBytes > maxBytes) throw tooLarge(file.sizeBytes);
  let bytes: Uint8Array | null;
  try {
    bytes = await blobs.read(file.blobName, { maxBytes });
  } catch (err) {
    if (err instanceof RangeError) throw tooLarge(maxBytes + 1);
    throw err;
  }
  if (!bytes) throw new AppError('NOT_FOUND', `The file of this ${file.kind} is missing from storage`);
  return bytes;
}

/**
 * An analysis input the analyzer could not use, as the API's error: a format it does
 * not read (UNSUPPORTED_MEDIA_TYPE) or a damaged file (BAD_REQUEST). The adapters'
 * errors are known by name (core does not import them). Anything else: null.
 */
export function unusableInput(err: unknown, file: Pick<StoredFile, 'kind'>): AppError | null {
  const e = err as { name?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object' || typeof e.message !== 'string') return null;
  const fields = [{ path: fieldOf(file), message: e.message }];
  if (e.name === 'UnsupportedFormatError') return new AppError('UNSUPPORTED_MEDIA_TYPE', e.message, { fields });
  if (e.name === 'ExtractionFailedError') return new AppError('BAD_REQUEST', `The file could not be read: ${e.message}`, { fields });
  return null;
}

/** After the analysis: the caller still sees the file, and a document's read is audited. */
export async function confirmRead(
  svc: ServiceContext,
  file: StoredFile,
  audit: { via: string; details: Record<string, unknown> },
): Promise<void> {
  if (file.kind === 'attachment') {
    await requireAttachment(svc, file.id, 'VIEW');
    return;
  }
  await mutate(svc, async (tx) => {
    await requireDocument(tx, svc.userId, file.id, 'VIEW');
    await recordAudit(tx, { by: svc, action: 'document.retrieved', documentIds: file.id, details: { via: audit.via, ...audit.details } });
  });
}
