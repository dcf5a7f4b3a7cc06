import { tracked, TRPCError } from '@trpc/server';
import { openBoardEventStream, type LiveStream } from '@ap/core/collaboration/live';
import { authedProcedure, toAppError } from '../../trpc.ts';
import { ZBoardOnEventInput } from './board-events.schema.ts';

/**
 * Errors raised while a subscription streams do not pass through the procedure
 * middleware: convert them here so the client receives the usual code.
 */
export function asTRPCError(err: unknown): TRPCError {
  if (err instanceof TRPCError) return err;
  const app = toAppError(err);
  return new TRPCError({ code: app.code, message: app.message, cause: app });
}

/**
 * A live stream as tRPC tracked events (the id is sent as the SSE event id, so the
 * client resumes from it). The stream is opened before this is returned: access is
 * checked and events are listened for before the client is told it is connected.
 */
export async function* trackedStream<T, U = T>(
  stream: LiveStream<T>,
  map: (data: T) => U = (d) => d as unknown as U,
) {
  try {
    for await (const item of stream) yield tracked(item.id, map(item.data));
  } catch (err) {
    throw asTRPCError(err);
  }
}

/**
 * `boards.onEvent`: a board's changes (action points created, updated, moved,
 * removed; columns; comments; access), live over SSE, for anyone who can view it.
 * Each event's id is its activity id: a client reconnecting with the last id gets
 * what it missed first. The stream ends with NOT_FOUND once the caller's access is gone.
 */
export const boardOnEventProcedure = authedProcedure
  .input(ZBoardOnEventInput)
  .subscription(async ({ ctx, input, signal }) => trackedStream(await openBoardEventStream(ctx.svc, input, signal)));
