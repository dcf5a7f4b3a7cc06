import type { DbTx, Prisma } from '@ap/db/client';
import { recordActivity } from '../boards/activity.ts';
import { assertCanGrant, assertGrantee, grantableUser, lowered, requireBoard, type Level } from './rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { notify } from '../collaboration/notifications.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';

export const boardPermissionSelect = {
  id: true,
  boardId: true,
  userId: true,
  level: true,
  grantedById: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} satisfies Prisma.BoardPermissionSelect;

export type BoardPermissionRow = Prisma.BoardPermissionGetPayload<{ select: typeof boardPermissionSelect }>;

/** Grants on a board (anyone who can see the board sees who else can), by user id. */
export async function listBoardPermissions(
  svc: ServiceContext,
  input: { boardId: string; cursor?: string; limit: number },
): Promise<Page<BoardPermissionRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const after = decodeCursor(input.cursor, ['uuid']);
  const rows = await svc.db.boardPermission.findMany({
    where: { boardId: input.boardId, ...(after ? { userId: { gt: after[0] } } : {}) },
    orderBy: { userId: 'asc' },
    take: input.limit + 1,
    select: boardPermissionSelect,
  });
  return toPage(rows, input.limit, (r) => [r.userId]);
}

async function requireGrantee(tx: DbTx, userId: string) {
  const user = await tx.user.findFirst({ where: grantableUser(userId), select: { id: true } });
  if (!user) throw notFound('User');
  return user;
}

/**
 * Gives a user a level on a board, or changes it (ADMIN only, never above the
 * caller's own level). Re-granting the same level changes nothing.
 */
export async function grantBoardPermission(
  svc: ServiceContext,
  input: { boardId: string; userId: string; level: Level },
): Promise<BoardPermissionRow> {
  return mutate(svc, async (tx, events) => {
    const board = await requireBoard(tx, svc.userId, input.boardId, 'VIEW');
    assertCanGrant(board.level, input.level);
    await requireGrantee(tx, input.userId);
    assertGrantee({ callerId: svc.userId, ownerId: board.ownerId, targetId: input.userId, what: 'board' });

    const key = { boardId_userId: { boardId: input.boardId, userId: input.userId } };
    const before = await tx.boardPermission.findUnique({ where: key, select: { level: true } });
    if (before?.level === input.level) {
      return tx.boardPermission.findUniqueOrThrow({ where: key, select: boardPermissionSelect });
    }
    const row = await tx.boardPermission.upsert({
      where: key,
      create: { boardId: input.boardId, userId: input.userId, level: input.level, grantedById: svc.userId },
      update: { level: input.level, grantedById: svc.userId },
      select: boardPermissionSelect,
    });
    const event = await recordActivity(tx, {
      boardId: input.boardId,
      by: svc,
      action: 'permission.granted',
      entityType: 'permission',
      entityId: row.id,
      changes: { userId: input.userId, level: { from: before?.level ?? null, to: input.level } },
    });
    events.push(event);
    if (before && lowered(before.level as Level, input.level)) {
      events.push({ kind: 'access', id: event.id, boardId: input.boardId, actionPointId: null, userIds: [input.userId], at: event.at });
    }
    await notify(
      tx,
      {
        recipients: [input.userId],
        type: 'BOARD_GRANTED',
        actorId: svc.userId,
        boardId: input.boardId,
        data: { level: input.level, previousLevel: before?.level ?? null },
      },
      events,
    );
    return row;
  });
}

/** Removes a user's grant on a board (ADMIN only); effective on their next request. */
export async function revokeBoardPermission(
  svc: ServiceContext,
  input: { boardId: string; userId: string },
): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const board = await requireBoard(tx, svc.userId, input.boardId, 'VIEW');
    assertCanGrant(board.level, 'VIEW');
    const existing = await tx.boardPermission.findUnique({
      where: { boardId_userId: { boardId: input.boardId, userId: input.userId } },
      select: { id: true, level: true },
    });
    if (!existing) throw notFound('Permission');
    await tx.boardPermission.delete({ where: { id: existing.id } });
    const event = await recordActivity(tx, {
      boardId: input.boardId,
      by: svc,
      action: 'permission.revoked',
      entityType: 'permission',
      entityId: existing.id,
      changes: { userId: input.userId, level: { from: existing.level, to: null } },
    });
    events.push(event, {
      kind: 'access',
      id: event.id,
      boardId: input.boardId,
      actionPointId: null,
      userIds: [input.userId],
      at: event.at,
    });
  });
}

