import { findSimilarActionPoints } from '@ap/core/action-points/embeddings';
import { createEmbeddings } from '@ap/core/knowledge/embeddings';
import { embeddingStatus } from '@ap/core/knowledge/search';
import { aiProcedure, authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import {
  ZCreateEmbeddingsInput,
  ZEmbeddings,
  ZEmbeddingStatus,
  ZEmbeddingStatusInput,
  ZSimilarActionPoints,
  ZSimilarActionPointsInput,
} from './embeddings.schema.ts';

function createHandler({ ctx, input, signal }: AuthedArgs<typeof ZCreateEmbeddingsInput>) {
  return createEmbeddings(ctx.svc, input.input, signal ? { signal } : {});
}

function statusHandler({ ctx }: AuthedArgs<typeof ZEmbeddingStatusInput>) {
  return embeddingStatus(ctx.svc);
}

async function similarActionPointsHandler({ ctx, input, signal }: AuthedArgs<typeof ZSimilarActionPointsInput>) {
  const { items } = await findSimilarActionPoints(ctx.svc, input, signal);
  return { items: items.map((i) => ({ ...i, completedAt: i.completedAt ? i.completedAt.toISOString() : null })) };
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

  // An AI procedure: the action point's text is embedded in the request when its stored vector is not current.
  similarActionPoints: aiProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/action-points/{actionPointId}/similar',
        tags: ['embeddings'],
        summary: 'Action points you can see that are nearest to this one (duplicates and related work), nearest first',
      },
    })
    .input(ZSimilarActionPointsInput)
    .output(ZSimilarActionPoints)
    .query(similarActionPointsHandler),
});
