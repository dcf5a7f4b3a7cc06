import { getInteraction, listInteractions, suggest } from '@ap/core/suggestions/bot';
import { acceptSuggestion, rejectSuggestion } from '@ap/core/suggestions/decisions';
import { paginated } from '../../schemas.ts';
import { aiProcedure, authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { toDetailOutput, ZActionPointDetail } from '../action-points/action-points.schema.ts';
import {
  toInteractionOutput,
  toSuggestionOutput,
  ZAcceptInput,
  ZBotInteraction,
  ZGetInteractionInput,
  ZInteractionsInput,
  ZRejectInput,
  ZSuggestInput,
  ZSuggestion,
} from './bot.schema.ts';

const tags = ['bot'];
const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

async function suggestHandler({ ctx, input, signal }: AuthedArgs<typeof ZSuggestInput>) {
  return toInteractionOutput(await suggest(ctx.svc, input, signal ? { signal } : {}));
}

async function interactionsHandler({ ctx, input }: AuthedArgs<typeof ZInteractionsInput>) {
  const page = await listInteractions(ctx.svc, input);
  return { items: page.items.map(toInteractionOutput), nextCursor: page.nextCursor };
}

async function getInteractionHandler({ ctx, input }: AuthedArgs<typeof ZGetInteractionInput>) {
  return toInteractionOutput(await getInteraction(ctx.svc, input));
}

async function acceptHandler({ ctx, input }: AuthedArgs<typeof ZAcceptInput>) {
  return toDetailOutput(await acceptSuggestion(ctx.svc, { ...input, dueDate: date(input.dueDate) }));
}

async function rejectHandler({ ctx, input }: AuthedArgs<typeof ZRejectInput>) {
  return toSuggestionOutput(await rejectSuggestion(ctx.svc, input));
}

export const botRouter = router({
  suggest: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/bot/suggestions',
        tags,
        summary: 'Suggested action points from notes or a document, each pointing at the words it came from',
      },
    })
    .input(ZSuggestInput)
    .output(ZBotInteraction)
    .mutation(suggestHandler),

  interactions: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/bot/interactions', tags, summary: 'Your bot interactions, newest first' } })
    .input(ZInteractionsInput)
    .output(paginated(ZBotInteraction))
    .query(interactionsHandler),

  getInteraction: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/bot/interactions/{interactionId}',
        tags,
        summary: 'One of your bot interactions, with its source text',
      },
    })
    .input(ZGetInteractionInput)
    .output(ZBotInteraction)
    .query(getInteractionHandler),

  accept: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/bot/suggestions/{suggestionId}/accept',
        tags,
        summary: 'Create the action point of a suggestion on a board; accepting again answers the same action point',
      },
    })
    .input(ZAcceptInput)
    .output(ZActionPointDetail)
    .mutation(acceptHandler),

  reject: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/bot/suggestions/{suggestionId}/reject',
        tags,
        summary: 'Reject a suggestion, with an optional reason',
      },
    })
    .input(ZRejectInput)
    .output(ZSuggestion)
    .mutation(rejectHandler),
});
