import type { Prisma } from '@ap/db/client';
import { recordOnActionPointBoards } from '../boards/activity.ts';
import {
  assertCanGrant,
  assertGrantee,
  grantableUser,
  lowered,
  requireActionPoint,
  type Level,
} from './rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { notify } from '../collaboration/notifications.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';

export const actionPointShareSelect = {
  id: true,
  actionPointId: true,
  userId: true,
  level: true,
  sharedById: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} satisfies Prisma.ActionPointShareSelect;

export type ActionPointShareRow = Prisma.ActionPointShareGetPayload<{ select: typeof actionPointShareSelect }>;

/** Direct shares of an action point, by user id. */
export async function listActionPointShares(
  svc: ServiceContext,
  input: { actionPointId: string; cursor?: string; limit: number },
): Promise<Page<ActionPointShareRow>> {
  await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'VIEW');
  const after = decodeCursor(input.cursor, ['uuid']);
  const rows = await svc.db.actionPointShare.findMany({
    where: { actionPointId: input.actionPointId, ...(after ? { userId: { gt: after[0] } } : {}) },
    orderBy: { userId: 'asc' },
    take: input.limit + 1,
    select: actionPointShareSelect,
  });
  return toPage(rows, input.limit, (r) => [r.userId]);
}

/**
 * Shares one action point with a user, or changes the level (ADMIN on the action
 * point required, never above the caller's own level).
 */
export async function shareActionPoint(
  svc: ServiceContext,
  input: { actionPointId: string; userId: string; level: Level },
): Promise<ActionPointShareRow> {
  return mutate(svc, async (tx, events) => {
    const ap = await requireActionPoint(tx, svc.userId, input.actionPointId, 'VIEW');
    assertCanGrant(ap.level, input.level);
    const user = await tx.user.findFirst({ where: grantableUser(input.userId), select: { id: true } });
    if (!user) throw notFound('User');
    assertGrantee({ callerId: svc.userId, ownerId: ap.ownerId, targetId: input.userId, what: 'action point' });

    const key = { actionPointId_userId: { actionPointId: input.actionPointId, userId: input.userId } };
    const before = await tx.actionPointShare.findUnique({ where: key, select: { level: true } });
    if (before?.level === input.level) {
      return tx.actionPointShare.findUniqueOrThrow({ where: key, select: actionPointShareSelect });
    }
    const row = await tx.actionPointShare.upsert({
      where: key,
      create: { actionPointId: input.actionPointId, userId: input.userId, level: input.level, sharedById: svc.userId },
      update: { level: input.level, sharedById: svc.userId },
      select: actionPointShareSelect,
    });
    const recorded = await recordOnActionPointBoards(
      tx,
      {
        actionPointId: input.actionPointId,
        by: svc,
        action: 'share.granted',
        entityType: 'share',
        entityId: row.id,
        changes: { userId: input.userId, level: { from: before?.level ?? null, to: input.level } },
      },
      events,
    );
    if (before && lowered(before.level as Level, input.level)) {
      events.push({
        kind: 'access',
        id: recorded.id,
        boardId: null,
        actionPointId: input.actionPointId,
        userIds: [input.userId],
        at: recorded.at,
      });
    }
    await notify(
      tx,
      {
        recipients: [input.userId],
        type: 'ACTION_POINT_SHARED',
        actorId: svc.userId,
        actionPointId: input.actionPointId,
        data: { level: input.level, previousLevel: before?.level ?? null },
      },
      events,
    );
    return row;
  });
}

/** Removes a direct share (ADMIN on the action point); effective on the next request. */
export async function unshareActionPoint(
  svc: ServiceContext,
  input: { actionPointId: string; userId: string },
): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const ap = await requireActionPoint(tx, svc.userId, input.actionPointId, 'VIEW');
    assertCanGrant(ap.level, 'VIEW');
    const existing = await tx.actionPointShare.findUnique({
      where: { actionPointId_userId: { actionPointId: input.actionPointId, userId: input.userId } },
      select: { id: true, level: true },
    });
    if (!existing) throw notFound('Share');
    await tx.actionPointShare.delete({ where: { id: existing.id } });
    const recorded = await recordOnActionPointBoards(
      tx,
      {
        actionPointId: input.actionPointId,
        by: svc,
        action: 'share.revoked',
        entityType: 'share',
        entityId: existing.id,
        changes: { userId: input.userId, level: { from: existing.level, to: null } },
      },
      events,
    );
    events.push({
      kind: 'access',
      id: recorded.id,
      boardId: null,
      actionPointId: input.actionPointId,
      userIds: [input.userId],
      at: recorded.at,
    });
  });
}
