import type { DbTx, NotificationType, Prisma } from '@ap/db/client';
import type { DomainEvent } from '../shared/events.ts';

export interface NotifyInput {
  recipients: (string | null | undefined)[];
  type: NotificationType;
  actorId: string;
  boardId?: string | null;
  actionPointId?: string | null;
  commentId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Creates one notification per recipient inside the caller's transaction (never
 * for the actor's own action, never twice for one recipient) and pushes the events
 * to publish after commit.
 */
export async function notify(tx: DbTx, input: NotifyInput, events: DomainEvent[]): Promise<void> {
  const recipients = [...new Set(input.recipients.filter((r): r is string => !!r && r !== input.actorId))];
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
