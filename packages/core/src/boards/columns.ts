/**
 * Columns of a board: create at a place, rename, reorder, delete (refused while it
 * holds action points unless they move to another column in the same call), and
 * the action points of one column page by page in rank order.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { columnItemsAfter } from '@ap/db/board-view';
import { columnItemIds, lastItemRank, lockColumn, moveAllItems } from '@ap/db/ranks';
import { diff, recordActivity } from './activity.ts';
import { boardVisibleTo, requireBoard } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { badRequest, conflict, notFound } from '../shared/errors.ts';
import { tooLong } from '../action-points/lexorank.ts';
import { encodeCursor, decodeCursor, type Page } from '../shared/pagination.ts';
import { appendRanks, placeColumn, rebalanceColumn } from '../action-points/placement.ts';
import { mutate } from '../shared/tx.ts';
import { toBoardItem, type BoardItem } from '../action-points/model.ts';

export const MAX_COLUMNS_PER_BOARD = 50;

export const columnSelect = {
  id: true,
  boardId: true,
  name: true,
  rank: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ColumnSelect;

export type ColumnRow = Prisma.ColumnGetPayload<{ select: typeof columnSelect }>;

/** A column on a board the caller can see (NOT_FOUND otherwise). */
async function findColumn(db: DbTx, userId: string, columnId: string): Promise<ColumnRow> {
  const column = await db.column.findFirst({
    where: { id: columnId, board: boardVisibleTo(userId) },
    select: columnSelect,
  });
  if (!column) throw notFound('Column');
  return column;
}

/** A new column (EDIT), last or before / after another column of the board. */
export async function createColumn(
  svc: ServiceContext,
  input: { boardId: string; name: string; beforeId?: string | null; afterId?: string | null },
): Promise<ColumnRow> {
  return mutate(svc, async (tx, events) => {
    await requireBoard(tx, svc.userId, input.boardId, 'EDIT');
    const { rank } = await placeColumn(tx, {
      boardId: input.boardId,
      columnId: null,
      beforeId: input.beforeId,
      afterId: input.afterId,
    });
    // Counted under the board lock taken by placeColumn: concurrent creates cannot overshoot.
    if ((await tx.column.count({ where: { boardId: input.boardId } })) >= MAX_COLUMNS_PER_BOARD) {
      throw badRequest(`A board has at most ${MAX_COLUMNS_PER_BOARD} columns`);
    }
    const column = await tx.column.create({
      data: { boardId: input.boardId, name: input.name, rank },
      select: columnSelect,
    });
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        by: svc,
        action: 'column.created',
        entityType: 'column',
        entityId: column.id,
        changes: { name: column.name, beforeId: input.beforeId ?? null, afterId: input.afterId ?? null },
      }),
    );
    return column;
  });
}

/** Renames a column (EDIT on its board). */
export async function updateColumn(svc: ServiceContext, input: { columnId: string; name?: string }): Promise<ColumnRow> {
  return mutate(svc, async (tx, events) => {
    const before = await findColumn(tx, svc.userId, input.columnId);
    await requireBoard(tx, svc.userId, before.boardId, 'EDIT');
    const changes = diff(before, { name: input.name });
    if (Object.keys(changes).length === 0) return before;
    const column = await tx.column.update({
      where: { id: input.columnId },
      data: { name: input.name },
      select: columnSelect,
    });
    events.push(
      await recordActivity(tx, {
        boardId: column.boardId,
        by: svc,
        action: 'column.updated',
        entityType: 'column',
        entityId: column.id,
        changes,
      }),
    );
    return column;
  });
}

/** Reorders a column (EDIT): before / after another column, or last. */
export async function moveColumn(
  svc: ServiceContext,
  input: { columnId: string; beforeId?: string | null; afterId?: string | null },
): Promise<ColumnRow> {
  return mutate(svc, async (tx, events) => {
    const column = await findColumn(tx, svc.userId, input.columnId);
    await requireBoard(tx, svc.userId, column.boardId, 'EDIT');
    const placed = await placeColumn(tx, {
      boardId: column.boardId,
      columnId: column.id,
      beforeId: input.beforeId,
      afterId: input.afterId,
    });
    events.push(
      await recordActivity(tx, {
        boardId: column.boardId,
        by: svc,
        action: 'column.moved',
        entityType: 'column',
        entityId: column.id,
        changes: {
          rank: { from: column.rank, to: placed.rank },
          beforeId: input.beforeId ?? null,
          afterId: input.afterId ?? null,
          ...(placed.rebalanced ? { rebalanced: true } : {}),
        },
      }),
    );
    return tx.column.findUniqueOrThrow({ where: { id: column.id }, select: columnSelect });
  });
}

/**
 * Deletes a column (EDIT). While it holds action points it is refused (CONFLICT)
 * unless `moveToColumnId` names another column of the same board: they are then
 * appended there, in their order, in the same transaction.
 */
export async function deleteColumn(
  svc: ServiceContext,
  input: { columnId: string; moveToColumnId?: string | null },
): Promise<{ moved: number }> {
  return mutate(svc, async (tx, events) => {
    const column = await findColumn(tx, svc.userId, input.columnId);
    await requireBoard(tx, svc.userId, column.boardId, 'EDIT');
    const target = input.moveToColumnId ?? null;
    if (target === column.id) {
      throw badRequest('moveToColumnId must be another column', [{ path: 'moveToColumnId', message: 'is the column being deleted' }]);
    }
    // Lock both columns in a fixed order: no new action point can enter either meanwhile.
    for (const id of [column.id, target].filter((x): x is string => !!x).sort()) {
      if (!(await lockColumn(tx, id, column.boardId))) {
        if (id === column.id) throw notFound('Column');
        throw badRequest('moveToColumnId is not a column of this board', [{ path: 'moveToColumnId', message: 'not found on this board' }]);
      }
    }
    const ids = await columnItemIds(tx, column.id);
    if (ids.length > 0 && !target) {
      throw conflict(
        `The column holds ${ids.length} action point(s): move them first, or pass moveToColumnId to move them in the same call`,
        { count: ids.length },
      );
    }
    if (target && ids.length > 0) {
      const ranks = appendRanks(await lastItemRank(tx, target, '00000000-0000-0000-0000-000000000000'), ids.length);
      await moveAllItems(tx, column.id, target, ids, ranks);
      if (ranks.some(tooLong)) await rebalanceColumn(tx, column.boardId, target);
    }
    events.push(
      await recordActivity(tx, {
        boardId: column.boardId,
        by: svc,
        action: 'column.deleted',
        entityType: 'column',
        entityId: column.id,
        changes: { name: column.name, moveToColumnId: target, moved: ids.length },
      }),
    );
    await tx.column.delete({ where: { id: column.id }, select: { id: true } });
    return { moved: ids.length };
  });
}

/** The action points of a column in rank order (VIEW), keyset-paginated by rank. */
export async function listColumnItems(
  svc: ServiceContext,
  input: { columnId: string; cursor?: string; limit: number },
): Promise<Page<BoardItem>> {
  const column = await findColumn(svc.db, svc.userId, input.columnId);
  const afterRank = decodeCursor(input.cursor, ['text'])?.[0] ?? null;
  const rows = await columnItemsAfter(svc.db, column.boardId, column.id, afterRank, input.limit + 1);
  const items = rows.slice(0, input.limit).map(toBoardItem);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.rank]) : null };
}
