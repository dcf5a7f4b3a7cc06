import { createEmbeddings } from '@ap/core/knowledge/embeddings';
import { embeddingStatus } from '@ap/core/knowledge/search';
import { aiProcedure, authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZCreateEmbeddingsInput, ZEmbeddings, ZEmbeddingStatus, ZEmbeddingStatusInput } from './embeddings.schema.ts';

function createHandler({ ctx, input, signal }: AuthedArgs<typeof ZCreateEmbeddingsInput>) {
  return createEmbeddings(ctx.svc, input.input, signal ? { signal } : {});
}

function statusHandler({ ctx }: AuthedArgs<typeof ZEmbeddingStatusInput>) {
  return embeddingStatus(ctx.svc);
}

export const embeddingsRouter = router({
  status: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/embeddings/status',
        tags: ['embeddings'],
        summary: 'The active embedding model, and the chunks of your documents by embedding state',
      },
    })
    .input(ZEmbeddingStatusInput)
    .output(ZEmbeddingStatus)
    .query(statusHandler),

  create: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/embeddings',
        tags: ['embeddings'],
        summary: 'Embed up to 64 texts with the configured embedding model',
      },
    })
    .input(ZCreateEmbeddingsInput)
    .output(ZEmbeddings)
    .mutation(createHandler),
});
