/** Putting an action point on more boards, and taking it off one. */
import type { DbTx } from '@ap/db/client';
import { recordActivity } from '../boards/activity.ts';
import { atLeast, requireActionPoint, requireBoard, type Level } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../shared/errors.ts';
import { placeActionPoint, recordRebalance } from './placement.ts';
import { mutate } from '../shared/tx.ts';
import { MAX_BOARDS_PER_ACTION_POINT, type Position } from './model.ts';

/**
 * The caller's level on a board the action point is on, from the action point's
 * access (no extra query when it is visible there). NOT_FOUND when the board is
 * invisible or the action point is not on it; FORBIDDEN below EDIT.
 */
async function requireEditOnBoard(tx: DbTx, userId: string, boardId: string, boards: { boardId: string; level: Level }[]): Promise<void> {
  const level = boards.find((b) => b.boardId === boardId)?.level;
  if (!level) {
    await requireBoard(tx, userId, boardId, 'VIEW');
    throw notFound('Action point on this board');
  }
  if (!atLeast(level, 'EDIT')) throw forbidden(`Board: EDIT access required, you have ${level}`);
}

/** Puts an action point on one more board (EDIT on both), at a place in one of its columns. */
export async function addToBoard(
  svc: ServiceContext,
  input: { boardId: string; actionPointId: string; columnId: string; beforeId?: string | null; afterId?: string | null },
): Promise<Position> {
  return mutate(svc, async (tx, events) => {
    await requireBoard(tx, svc.userId, input.boardId, 'EDIT');
    await requireActionPoint(tx, svc.userId, input.actionPointId, 'EDIT');
    const existing = await tx.actionPointBoardAssociation.findMany({
      where: { actionPointId: input.actionPointId },
      select: { boardId: true },
    });
    if (existing.some((a) => a.boardId === input.boardId)) {
      throw conflict('The action point is already on this board');
    }
    if (existing.length >= MAX_BOARDS_PER_ACTION_POINT) {
      throw badRequest(`An action point is on at most ${MAX_BOARDS_PER_ACTION_POINT} boards`);
    }
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        actionPointId: input.actionPointId,
        by: svc,
        action: 'actionPoint.added',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
        changes: { columnId: input.columnId, beforeId: input.beforeId ?? null, afterId: input.afterId ?? null },
      }),
    );
    const placed = await placeActionPoint(tx, { ...input, mode: 'insert' });
    if (placed.rebalanced) events.push(await recordRebalance(tx, svc, input.boardId, input.columnId));
    return { actionPointId: input.actionPointId, boardId: input.boardId, columnId: input.columnId, ...placed };
  });
}

/** Takes an action point off one board (EDIT on both); it stays on the others. */
export async function removeFromBoard(svc: ServiceContext, input: { boardId: string; actionPointId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const access = await requireActionPoint(tx, svc.userId, input.actionPointId, 'EDIT');
    await requireEditOnBoard(tx, svc.userId, input.boardId, access.boards);
    const removed = await tx.actionPointBoardAssociation.deleteMany({
      where: { actionPointId: input.actionPointId, boardId: input.boardId },
    });
    if (removed.count === 0) throw notFound('Action point on this board');
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        actionPointId: input.actionPointId,
        by: svc,
        action: 'actionPoint.removed',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
      }),
    );
  });
}
