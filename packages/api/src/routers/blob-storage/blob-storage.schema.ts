import { z } from 'zod';
import type { UploadRecord, UploadState } from '@ap/core/documents/uploads';
import { ZId, ZIsoDate, ZText } from '../../schemas.ts';

export const ZCreateUploadInput = z.strictObject({
  /** Kept as a display name only (normalized); the blob name is the server's. */
  fileName: ZText.min(1).max(1000),
  contentType: ZText.min(1).max(200),
  sizeBytes: z.number({ error: 'must be an integer' }).int().min(1),
});

export const ZUploadState = z.enum(['PENDING', 'UPLOADED', 'USED', 'REFUSED', 'EXPIRED']).meta({ id: 'UploadStatus' });

export const ZCreatedUpload = z
  .object({
    uploadId: z.string(),
    /** PUT the file's bytes here, with `headers`. */
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: ZIsoDate,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
  })
  .meta({ id: 'CreatedUpload' });

export const ZGetUploadInput = z.strictObject({ uploadId: ZId });

export const ZUpload = z
  .object({
    id: z.string(),
    uploadId: z.string(),
    /** PENDING: waiting for the file; UPLOADED: the file arrived; USED, REFUSED (see error), EXPIRED. */
    status: ZUploadState,
    error: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    expiresAt: ZIsoDate,
    usedAt: ZIsoDate.nullable(),
    createdAt: ZIsoDate,
  })
  .meta({ id: 'Upload' });

export const toUploadOutput = (u: UploadRecord, state: UploadState): z.input<typeof ZUpload> => ({
  id: u.id,
  uploadId: u.id,
  status: state,
  error: u.error,
  fileName: u.fileName,
  contentType: u.contentType,
  sizeBytes: u.sizeBytes,
  expiresAt: u.expiresAt.toISOString(),
  usedAt: u.usedAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});
