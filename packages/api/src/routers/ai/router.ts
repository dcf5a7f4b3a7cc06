import { chat } from '@ap/core/ai/chat';
import { summarize } from '@ap/core/ai/summarize';
import { aiProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZChatInput, ZChatReply, ZSummarizeInput, ZSummary } from './ai.schema.ts';

const tags = ['ai'];

function chatHandler({ ctx, input, signal }: AuthedArgs<typeof ZChatInput>) {
  return chat(ctx.svc, input, signal ? { signal } : {});
}

function summarizeHandler({ ctx, input, signal }: AuthedArgs<typeof ZSummarizeInput>) {
  return summarize(ctx.svc, input, signal ? { signal } : {});
}

export const aiRouter = router({
  chat: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/ai/chat',
        tags,
        summary: 'Reply to a conversation; with documentIds, grounded in those documents with a citation for every claim',
      },
    })
    .input(ZChatInput)
    .output(ZChatReply)
    .mutation(chatHandler),
  summarize: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/ai/summarize',
        tags,
        summary: 'Summarize a document you can see (citing its sections) or a text',
      },
    })
    .input(ZSummarizeInput)
    .output(ZSummary)
    .mutation(summarizeHandler),
});
