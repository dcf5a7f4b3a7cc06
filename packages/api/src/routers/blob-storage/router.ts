import { createUpload, getUpload } from '@ap/core/documents/uploads';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { fileServices, fileSettings } from '../documents/file-services.ts';
import { toUploadOutput, ZCreatedUpload, ZCreateUploadInput, ZGetUploadInput, ZUpload } from './blob-storage.schema.ts';

const tags = ['blobStorage'];

async function createUploadHandler({ ctx, input }: AuthedArgs<typeof ZCreateUploadInput>) {
  const u = await createUpload(fileServices(ctx), fileSettings(ctx), input);
  return {
    uploadId: u.upload.id,
    url: u.url,
    method: u.method,
    headers: u.headers,
    expiresAt: u.expiresAt.toISOString(),
    fileName: u.upload.fileName,
    contentType: u.upload.contentType,
    sizeBytes: u.upload.sizeBytes,
  };
}

async function getUploadHandler({ ctx, input }: AuthedArgs<typeof ZGetUploadInput>) {
  const { upload, state } = await getUpload(fileServices(ctx), input);
  return toUploadOutput(upload, state);
}

export const blobStorageRouter = router({
  createUpload: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/blob-storage/uploads',
        tags,
        summary:
          'Ask for an upload: a write-only, time-limited SAS URL for one blob (refused first when too large or of a type not accepted)',
      },
    })
    .input(ZCreateUploadInput)
    .output(ZCreatedUpload)
    .mutation(createUploadHandler),

  getUpload: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/blob-storage/uploads/{uploadId}', tags, summary: 'The status of one of your uploads' } })
    .input(ZGetUploadInput)
    .output(ZUpload)
    .query(getUploadHandler),
});
