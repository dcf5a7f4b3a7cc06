import { createEmbeddings } from '@ap/core/knowledge/embeddings';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZCreateEmbeddingsInput, ZEmbeddings } from './embeddings.schema.ts';

function createHandler({ ctx, input, signal }: AuthedArgs<typeof ZCreateEmbeddingsInput>) {
  return createEmbeddings(ctx.svc, input.input, signal ? { signal } : {});
}

export const embeddingsRouter = router({
  create: authedProcedure
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
