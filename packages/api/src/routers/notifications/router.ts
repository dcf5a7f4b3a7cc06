import { z } from 'zod';
import { openNotificationStream } from '@ap/core/collaboration/live';
import { listNotifications, markAllRead, markRead, unreadCount, type NotificationItem } from '@ap/core/collaboration/notifications';
import { paginated } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { trackedStream } from '../../streams.ts';
import {
  ZListNotificationsInput,
  ZMarkAllReadOutput,
  ZMarkReadInput,
  ZNotification,
  ZOnNewInput,
  ZUnreadCountOutput,
} from './notifications.schema.ts';

const tags = ['notifications'];

export function toNotificationOutput(n: NotificationItem): z.input<typeof ZNotification> {
  return {
    ...n,
    type: n.type as z.input<typeof ZNotification>['type'],
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListNotificationsInput>) {
  const page = await listNotifications(ctx.deps.db, ctx.user.id, input);
  return { items: page.items.map(toNotificationOutput), nextCursor: page.nextCursor };
}

async function unreadCountHandler({ ctx }: AuthedArgs) {
  return { count: await unreadCount(ctx.deps.db, ctx.user.id) };
}

async function markReadHandler({ ctx, input }: AuthedArgs<typeof ZMarkReadInput>) {
  return toNotificationOutput(await markRead(ctx.deps.db, ctx.user.id, input.notificationId));
}

async function markAllReadHandler({ ctx }: AuthedArgs) {
  return { ok: true as const, updated: await markAllRead(ctx.deps.db, ctx.user.id) };
}

async function onNewHandler({ ctx, input, signal }: AuthedArgs<typeof ZOnNewInput>) {
  return trackedStream(await openNotificationStream(ctx.svc, { lastEventId: input?.lastEventId }, signal), toNotificationOutput);
}

export const notificationsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/notifications', tags, summary: 'Your notifications, newest first' } })
    .input(ZListNotificationsInput)
    .output(paginated(ZNotification))
    .query(listHandler),

  unreadCount: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/notifications/unread-count', tags, summary: 'How many of your notifications are unread' } })
    .input(z.strictObject({}).optional())
    .output(ZUnreadCountOutput)
    .query(unreadCountHandler),

  markRead: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/notifications/{notificationId}/read', tags, summary: 'Mark one of your notifications read' },
    })
    .input(ZMarkReadInput)
    .output(ZNotification)
    .mutation(markReadHandler),

  markAllRead: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/notifications/read-all', tags, summary: 'Mark all your notifications read' } })
    .input(z.strictObject({}).optional())
    .output(ZMarkAllReadOutput)
    .mutation(markAllReadHandler),

  /** Your new notifications, live (SSE). Reconnecting with the last id replays what was missed. */
  onNew: authedProcedure.input(ZOnNewInput).subscription(onNewHandler),
});
