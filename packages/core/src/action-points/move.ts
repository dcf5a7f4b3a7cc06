/** Moving an action point within or across the columns of one board. */
import { moveContext, moveInOneStatement } from '@ap/db/ranks';
import { recordActivity } from '../boards/activity.ts';
import { atLeast, moveLevel } from '../access/rules.ts';
import { actedBy, type ServiceContext } from '../shared/context.ts';
import { forbidden, notFound } from '../shared/errors.ts';
import { MAX_RANK_LENGTH } from './lexorank.ts';
import { placeActionPoint, recordRebalance } from './placement.ts';
import { mutate } from '../shared/tx.ts';
import { assertMoveAllowed } from '../workflows/statuses.ts';
import { queueRuleRuns } from '../workflows/hook.ts';
import type { Position } from './model.ts';

type MoveInput = { boardId: string; actionPointId: string; columnId: string; beforeId?: string | null; afterId?: string | null };

/**
 * Moves an action point within or across the columns of one board (its access rule:
 * access/rules.ts's moveLevel and movesInOneStatement). Needs EDIT on
 * the board; since a board's level applies to the action points on it, that is
 * EDIT on the action point too. Other boards keep their positions. The usual move
 * is one statement (moveInOneStatement); anything it does not settle (an error to
 * report, organization roles, a move the board's workflow refuses or whose rules
 * must hear of it, a gap that changed or ran out) takes the locked path.
 */
export async function moveActionPoint(svc: ServiceContext, input: MoveInput): Promise<Position> {
  const bus = svc.events;
  const notify = bus.deliverLocally ? bus.notifyTarget : undefined;
  const { actorId: userId, actorType, actorRef } = actedBy(svc);
  const moved = await moveInOneStatement(svc.db, { ...input, userId, actorType, actorRef, maxRankLength: MAX_RANK_LENGTH, notify });
  if (!moved) return moveUnderLock(svc, input);
  if (notify) bus.deliverLocally!(moved.event);
  else await bus.publish(moved.event);
  return { actionPointId: input.actionPointId, boardId: input.boardId, columnId: input.columnId, rank: moved.rank, rebalanced: false };
}

/**
 * A move in one transaction: access checked with errors that say why, the gap read
 * and written under the column's lock, the column rebalanced when the gap ran out.
 */
async function moveUnderLock(svc: ServiceContext, input: MoveInput): Promise<Position> {
  return mutate(svc, async (tx, events) => {
    // One read gives the current column and what the move rule needs of the board.
    const ctx = await moveContext(tx, input.actionPointId, input.boardId, svc.userId);
    const level = await moveLevel(tx, svc.userId, input.boardId, ctx);
    if (!level) throw notFound(ctx ? 'Board' : 'Action point on this board');
    if (!atLeast(level, 'EDIT')) throw forbidden(`Board: EDIT access required, you have ${level}`);
    if (!ctx) throw notFound('Action point on this board');
    await assertMoveAllowed(tx, { boardId: input.boardId, fromColumnId: ctx.columnId, toColumnId: input.columnId, level });
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        actionPointId: input.actionPointId,
        by: svc,
        action: 'actionPoint.moved',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
        changes: {
          columnId: { from: ctx.columnId, to: input.columnId },
          beforeId: input.beforeId ?? null,
          afterId: input.afterId ?? null,
        },
      }),
    );
    const placed = await placeActionPoint(tx, { ...input, mode: 'move' });
    if (placed.rebalanced) events.push(await recordRebalance(tx, svc, input.boardId, input.columnId));
    await queueRuleRuns(tx, svc, events);
    return { actionPointId: input.actionPointId, boardId: input.boardId, columnId: input.columnId, ...placed };
  });
}
