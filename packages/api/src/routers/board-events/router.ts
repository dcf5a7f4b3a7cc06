import { openBoardEventStream } from '@ap/core/collaboration/live';
import { trackedStream } from '../../streams.ts';
import { authedProcedure, type AuthedArgs } from '../../trpc.ts';
import { ZBoardOnEventInput } from './board-events.schema.ts';

async function boardOnEventHandler({ ctx, input, signal }: AuthedArgs<typeof ZBoardOnEventInput>) {
  return trackedStream(await openBoardEventStream(ctx.svc, input, signal));
}

/**
 * `boards.onEvent`: a board's changes (action points created, updated, moved,
 * removed; columns; comments; access), live over SSE, for anyone who can view it.
 * Each event's id is its activity id: a client reconnecting with the last id gets
 * what it missed first. The stream ends with NOT_FOUND once the caller's access is gone.
 */
export const boardOnEventProcedure = authedProcedure.input(ZBoardOnEventInput).subscription(boardOnEventHandler);
