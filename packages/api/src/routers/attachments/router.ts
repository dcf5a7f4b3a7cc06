import { z } from 'zod';
import {
  attachmentDownloadUrl,
  createAttachment,
  deleteAttachment,
  listAttachments,
  type AttachmentRow,
} from '@ap/core/documents/attachments';
import { paginated, ZId, ZIsoDate, ZOk, ZPaginationInput } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZDownloadUrl } from '../documents/documents.schema.ts';
import { fileServices, fileSettings } from '../documents/file-services.ts';

const tags = ['attachments'];

export const ZAttachment = z
  .object({
    id: z.string(),
    actionPointId: z.string(),
    uploaderId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().nullable(),
    createdAt: ZIsoDate,
  })
  .meta({ id: 'Attachment' });

const toAttachmentOutput = (a: AttachmentRow): z.input<typeof ZAttachment> => ({
  id: a.id,
  actionPointId: a.actionPointId,
  uploaderId: a.uploaderId,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

export const ZListAttachmentsInput = z.strictObject({ actionPointId: ZId, ...ZPaginationInput.shape });
export const ZCreateAttachmentInput = z.strictObject({ actionPointId: ZId, uploadId: ZId });
export const ZAttachmentIdInput = z.strictObject({ attachmentId: ZId });

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListAttachmentsInput>) {
  const page = await listAttachments(fileServices(ctx), input);
  return { items: page.items.map(toAttachmentOutput), nextCursor: page.nextCursor };
}

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateAttachmentInput>) {
  return toAttachmentOutput(await createAttachment(fileServices(ctx), fileSettings(ctx), input));
}

async function downloadUrlHandler({ ctx, input }: AuthedArgs<typeof ZAttachmentIdInput>) {
  const url = await attachmentDownloadUrl(fileServices(ctx), fileSettings(ctx), input);
  return { url: url.url, expiresAt: url.expiresAt.toISOString() };
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZAttachmentIdInput>) {
  await deleteAttachment(fileServices(ctx), input);
  return { ok: true as const };
}

export const attachmentsRouter = router({
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/action-points/{actionPointId}/attachments',
        tags,
        summary: 'Files on an action point, oldest first (VIEW)',
      },
    })
    .input(ZListAttachmentsInput)
    .output(paginated(ZAttachment))
    .query(listHandler),

  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/action-points/{actionPointId}/attachments',
        tags,
        summary: 'Attach your checked upload to an action point (EDIT)',
      },
    })
    .input(ZCreateAttachmentInput)
    .output(ZAttachment)
    .mutation(createHandler),

  downloadUrl: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/attachments/{attachmentId}/download-url',
        tags,
        summary: 'A short-lived, read-only URL that downloads the file as an attachment (VIEW)',
      },
    })
    .input(ZAttachmentIdInput)
    .output(ZDownloadUrl)
    .query(downloadUrlHandler),

  delete: authedProcedure
    .meta({
      openapi: { method: 'DELETE', path: '/attachments/{attachmentId}', tags, summary: 'Delete a file from an action point (EDIT)' },
    })
    .input(ZAttachmentIdInput)
    .output(ZOk)
    .mutation(deleteHandler),
});
