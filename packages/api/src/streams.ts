// Live streams as tRPC subscriptions.
import { tracked, TRPCError } from '@trpc/server';
import type { LiveStream } from '@ap/core/collaboration/live';
import { toAppError } from './trpc.ts';

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
export async function* trackedStream<T, U = T>(stream: LiveStream<T>, map: (data: T) => U = (d) => d as unknown as U) {
  try {
    for await (const item of stream) yield tracked(item.id, map(item.data));
  } catch (err) {
    throw asTRPCError(err);
  }
}

/**
 * A stream that is not resumed (an answer being written: a reconnect asks again), as
 * plain subscription events, its errors converted like the tracked ones.
 */
export async function* untrackedStream<T>(items: AsyncIterable<T>) {
  try {
    for await (const item of items) yield item;
  } catch (err) {
    throw asTRPCError(err);
  }
}
