import { askDocuments, searchDocuments, streamAskDocuments } from '@ap/core/knowledge/search';
import { untrackedStream } from '../../streams.ts';
import { aiProcedure, authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZAnswer, ZAskInput, ZSearchInput, ZSearchResult } from './vector-documents.schema.ts';

const tags = ['vector-documents'];

function searchHandler({ ctx, input, signal }: AuthedArgs<typeof ZSearchInput>) {
  return searchDocuments(ctx.svc, input, signal);
}

function askHandler({ ctx, input, signal }: AuthedArgs<typeof ZAskInput>) {
  return askDocuments(ctx.svc, input, signal);
}

async function onAnswerHandler({ ctx, input, signal }: AuthedArgs<typeof ZAskInput>) {
  return untrackedStream(await streamAskDocuments(ctx.svc, input, signal));
}

export const vectorDocumentsRouter = router({
  search: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/vector-documents/search',
        tags,
        summary: 'Search the chunks of the documents you can see (hybrid, semantic or keyword)',
      },
    })
    .input(ZSearchInput)
    .output(ZSearchResult)
    .mutation(searchHandler),
  ask: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/vector-documents/ask',
        tags,
        summary: 'Answer a question from the documents you can see, with a citation for every claim',
      },
    })
    .input(ZAskInput)
    .output(ZAnswer)
    .mutation(askHandler),
  /**
   * `vectorDocuments.onAnswer`: the answer of `ask` (same input) as it is written, over
   * SSE: `{ type: 'delta', text }` events, then one `{ type: 'done', answer, citations,
   * mode, model }`, and the stream ends. The deltas concatenate to `answer`; every
   * `[n]` in them indexes `citations`. Not resumable: a reconnect asks again.
   */
  onAnswer: aiProcedure.input(ZAskInput).subscription(onAnswerHandler),
});
