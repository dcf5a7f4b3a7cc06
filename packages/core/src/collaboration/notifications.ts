/** Notifications: created inside the change that causes them; read, counted and marked read by their user. */
import type { DbTx, NotificationType, Prisma } from '@ap/db/client';
import { toPublicUser } from '../identity/users.ts';
import { AppError } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';

export interface NotifyInput {
  recipients: (string | null | undefined)[];
  type: NotificationType;
  actorId: string;
  boardId?: string | null;
  actionPointId?: string | null;
  commentId?: string | null;
  data?: Record<string, unknown>;
  /** Also the actor, when among the recipients (a rule telling its own owner). */
  includeActor?: boolean;
}

/**
 * Creates one notification per recipient inside the caller's transaction (never
 * for the actor's own action, never twice for one recipient) and pushes the events
 * to publish after commit.
 */
export async function notify(tx: DbTx, input: NotifyInput, events: DomainEvent[]): Promise<void> {
  const recipients = [...new Set(input.recipients.filter((r): r is string => !!r && (input.includeActor || r !== input.actorId)))];
  for (const userId of recipients) {
    const n = await tx.notification.create({
      data: {
        userId,
        type: input.type,
        actorId: input.actorId,
        boardId: input.boardId ?? null,
        actionPointId: input.actionPointId ?? null,
        commentId: input.commentId ?? null,
        data: (input.data ?? {}) as Prisma.InputJsonValue,
      },
      select: { id: true, seq: true, createdAt: true },
    });
    events.push({
      kind: 'notification',
      id: n.seq.toString(),
      notificationId: n.id,
      userId,
      type: input.type,
      at: n.createdAt.toISOString(),
    });
  }
}

// Reading one's notifications: list, unread count, mark read.

export const notificationSelect = {
  id: true,
  seq: true,
  type: true,
  readAt: true,
  createdAt: true,
  boardId: true,
  actionPointId: true,
  commentId: true,
  data: true,
  actor: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} as const satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

export interface NotificationItem {
  id: string;
  /** Position in the user's stream (the live event id). */
  seq: string;
  type: string;
  readAt: Date | null;
  createdAt: Date;
  actor: ReturnType<typeof toPublicUser> | null;
  boardId: string | null;
  actionPointId: string | null;
  commentId: string | null;
  data: Record<string, unknown>;
}

function toItem(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    seq: row.seq.toString(),
    type: row.type,
    readAt: row.readAt,
    createdAt: row.createdAt,
    actor: row.actor ? toPublicUser(row.actor) : null,
    boardId: row.boardId,
    actionPointId: row.actionPointId,
    commentId: row.commentId,
    data: (row.data ?? {}) as Record<string, unknown>,
  };
}

/** Newest first, keyset on seq. */
export async function listNotifications(
  db: DbTx,
  userId: string,
  input: { unreadOnly?: boolean; cursor?: string; limit: number },
): Promise<Page<NotificationItem>> {
  const before = decodeCursor(input.cursor, ['seq'])?.[0] ?? null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(before !== null ? { seq: { lt: before } } : {}),
    },
    orderBy: { seq: 'desc' },
    take: input.limit + 1,
    select: notificationSelect,
  });
  return toPage(rows.map(toItem), input.limit, (n) => [n.seq]);
}

export async function unreadCount(db: DbTx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the caller's notifications read (idempotent); another's is NOT_FOUND. */
export async function markRead(db: DbTx, userId: string, notificationId: string): Promise<NotificationItem> {
  await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  const row = await db.notification.findFirst({ where: { id: notificationId, userId }, select: notificationSelect });
  if (!row) throw new AppError('NOT_FOUND', 'Notification not found');
  return toItem(row);
}

export async function markAllRead(db: DbTx, userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** The user's notifications after `afterSeq`, oldest first (live stream replay). */
export async function notificationsAfter(db: DbTx, userId: string, afterSeq: string, limit: number): Promise<NotificationItem[]> {
  const rows = await db.notification.findMany({
    where: { userId, seq: { gt: BigInt(afterSeq) } },
    orderBy: { seq: 'asc' },
    take: limit,
    select: notificationSelect,
  });
  return rows.map(toItem);
}

/** The seq of the user's newest notification ('0' when none). */
export async function latestNotificationSeq(db: DbTx, userId: string): Promise<string> {
  const row = await db.notification.findFirst({ where: { userId }, orderBy: { seq: 'desc' }, select: { seq: true } });
  return row ? row.seq.toString() : '0';
}
