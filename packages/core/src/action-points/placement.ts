/**
 * Where things go in ranked lists: action points in a column (per board) and columns
 * on a board. Everything runs inside the caller's transaction, and writers of one
 * list take turns on a row lock of its parent (the Column row for action points,
 * the Board row for columns, SELECT … FOR NO KEY UPDATE):
 *
 * 1. read the neighbours named by `beforeId` / `afterId` (neither: the end);
 * 2. take the lock, then write a rank strictly between them only if that gap is
 *    still as read (one statement, checked under the lock with a fresh snapshot);
 * 3. otherwise (the list changed meanwhile, the rank would be longer than
 *    MAX_RANK_LENGTH, or the rank is taken) read again under the lock and write;
 *    when the gap is exhausted, rebalance the whole list in the same transaction.
 *
 * Rank writes never raise a unique violation (they check first, in the same
 * statement), so the transaction always stays usable for the rebalance; the unique
 * indexes (columnId, rank) and (boardId, rank) stay the last guard.
 */
import type { DbTx } from '@ap/db/client';
import {
  boardColumnIds,
  columnAnchor,
  columnItemIds,
  insertItemPosition,
  insertItemPositionInGap,
  itemAnchor,
  lastColumn,
  lastItem,
  lockBoard,
  lockColumn,
  rewriteColumnRanks,
  rewriteItemRanks,
  setColumnRank,
  setItemPosition,
  setItemPositionInGap,
  type Anchor,
  type Gap,
} from '@ap/db/ranks';
import { recordActivity } from '../boards/activity.ts';
import type { Acting } from '../shared/context.ts';
import { AppError, badRequest, conflict } from '../shared/errors.ts';
import { between, spread, tooLong } from './lexorank.ts';

export interface Neighbours {
  beforeId?: string | null;
  afterId?: string | null;
}

export interface ItemPlacement extends Neighbours {
  boardId: string;
  columnId: string;
  actionPointId: string;
  /** 'insert': the action point is not on the board yet; 'move': it is. */
  mode: 'insert' | 'move';
}

export interface Placed {
  rank: string;
  /** True when the column was rebalanced to make room. */
  rebalanced: boolean;
}

type Side = 'before' | 'after';

/** The gap (exclusive bounds and who holds them) named by the caller's anchors. */
async function gapFrom(
  parentId: string,
  selfId: string,
  n: Neighbours,
  anchor: (id: string, side: Side) => Promise<Anchor | null>,
  last: () => Promise<{ id: string; rank: string } | null>,
  what: string,
  /** True when `id` was in the parent once (it moved away meanwhile: a race, not a mistake). */
  wasIn: (id: string) => Promise<boolean> = async () => false,
): Promise<Gap> {
  const { beforeId, afterId } = n;
  if (beforeId === selfId || afterId === selfId) {
    throw badRequest(`Cannot place a${what === 'column' ? '' : 'n'} ${what} next to itself`, [
      { path: beforeId === selfId ? 'beforeId' : 'afterId', message: 'must not be the item being placed' },
    ]);
  }
  const load = async (id: string, side: Side) => {
    const a = await anchor(id, side);
    const field = side === 'before' ? 'beforeId' : 'afterId';
    if (!a)
      throw badRequest(`${field} is not a${what === 'column' ? ' column of this board' : 'n action point on this board'}`, [
        { path: field, message: 'not found here' },
      ]);
    if (a.parentId !== parentId) {
      if (await wasIn(id)) throw conflict(`${field} is no longer in the target column`, { field });
      // Never in the target column: a mistake in the request.
      throw badRequest(`${field} is not in the target column`, [{ path: field, message: 'not in the target column' }]);
    }
    return a;
  };
  if (beforeId && afterId) {
    const b = await load(beforeId, 'before');
    const a = await load(afterId, 'after');
    // Adjacent means: nothing (but the item itself) between them, in this order.
    if (!(a.rank < b.rank) || a.other !== b.rank || b.other !== a.rank) {
      throw conflict('beforeId and afterId are not neighbours (the list changed): reload and retry');
    }
    return { lo: a.rank, loId: afterId, hi: b.rank, hiId: beforeId };
  }
  if (beforeId) {
    const b = await load(beforeId, 'before');
    return { lo: b.other, loId: b.otherId, hi: b.rank, hiId: beforeId };
  }
  if (afterId) {
    const a = await load(afterId, 'after');
    return { lo: a.rank, loId: afterId, hi: a.other, hiId: a.otherId };
  }
  const end = await last();
  return { lo: end?.rank ?? null, loId: end?.id ?? null, hi: null, hiId: null };
}

/**
 * Gives the rank at position `index` among `others` (in rank order, without the
 * item) after spreading them evenly; `index` = how many come before the item.
 */
function rebalancePlan(others: string[], index: number) {
  const ranks = spread(others.length + 1);
  const mine = ranks[index]!;
  ranks.splice(index, 1);
  return { mine, ranks };
}

/** How many of `ranks` (sorted) come before a slot whose lower bound is `lo`. */
function slotIndex(ranks: string[], lo: string | null): number {
  if (lo === null) return 0;
  let i = 0;
  while (i < ranks.length && ranks[i]! <= lo) i++;
  return i;
}

/**
 * Places an action point in a column of a board (insert or move) and returns its
 * rank; the caller has checked access. The neighbours are read first, without the
 * lock; then the column is locked and the write succeeds only if that gap is
 * unchanged (checked in the same statement), so the column stays locked for two
 * short statements and the commit. If the gap changed meanwhile, or has no room
 * left, the neighbours are read again under the lock (rebalancing if needed).
 */
export async function placeActionPoint(tx: DbTx, p: ItemPlacement): Promise<Placed> {
  const read = () =>
    gapFrom(
      p.columnId,
      p.actionPointId,
      p,
      (id, side) => itemAnchor(tx, p.boardId, id, p.actionPointId, side),
      () => lastItem(tx, p.columnId, p.actionPointId),
      'action point',
      // Read only on this error path: did a move take the neighbour out of the target column?
      async (id) =>
        (await tx.activity.count({
          where: {
            boardId: p.boardId,
            entityId: id,
            action: 'actionPoint.moved',
            changes: { path: ['columnId', 'from'], equals: p.columnId },
          },
        })) > 0,
    );
  const lock = async () => {
    if (!(await lockColumn(tx, p.columnId, p.boardId))) {
      throw badRequest('columnId is not a column of this board', [{ path: 'columnId', message: 'not found on this board' }]);
    }
  };
  const writeInGap = (rank: string, gap: Gap) =>
    p.mode === 'insert'
      ? insertItemPositionInGap(tx, p.actionPointId, p.boardId, p.columnId, rank, gap)
      : setItemPositionInGap(tx, p.actionPointId, p.boardId, p.columnId, rank, gap);

  // Optimistic read; any doubt (an anchor elsewhere, no room) is settled under the lock.
  const early = await read().catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  const earlyRank = early ? between(early.lo, early.hi) : null;
  await lock();
  if (early && earlyRank && !tooLong(earlyRank) && (await writeInGap(earlyRank, early))) {
    return { rank: earlyRank, rebalanced: false };
  }

  const { lo, hi } = await read();
  const write = (rank: string) =>
    p.mode === 'insert'
      ? insertItemPosition(tx, p.actionPointId, p.boardId, p.columnId, rank).then((r) => r === 'inserted')
      : setItemPosition(tx, p.actionPointId, p.boardId, p.columnId, rank);
  const rank = between(lo, hi);
  if (!tooLong(rank) && (await write(rank))) return { rank, rebalanced: false };

  // Gap exhausted or rank taken: spread the column evenly, leaving the item's slot.
  const rows = await tx.actionPointBoardAssociation.findMany({
    where: { columnId: p.columnId, NOT: { actionPointId: p.actionPointId } },
    select: { actionPointId: true, rank: true },
    orderBy: { rank: 'asc' },
  });
  const { mine, ranks } = rebalancePlan(
    rows.map((r) => r.rank),
    slotIndex(
      rows.map((r) => r.rank),
      lo,
    ),
  );
  await rewriteItemRanks(
    tx,
    p.columnId,
    rows.map((r) => r.actionPointId),
    ranks,
  );
  if (!(await write(mine))) throw new AppError('CONFLICT', 'Could not place the action point, please retry');
  return { rank: mine, rebalanced: true };
}

/** Rebalances a column explicitly (all its action points evenly spread, same order). */
export async function rebalanceColumn(tx: DbTx, boardId: string, columnId: string): Promise<number> {
  if (!(await lockColumn(tx, columnId, boardId))) throw badRequest('columnId is not a column of this board');
  const ids = await columnItemIds(tx, columnId);
  await rewriteItemRanks(tx, columnId, ids, spread(ids.length));
  return ids.length;
}

export interface ColumnPlacement extends Neighbours {
  boardId: string;
  /** The column being moved, or null for a new column (then `write` inserts it). */
  columnId: string | null;
}

/**
 * A rank for a column among its board's columns (lock on the Board row). For a
 * move, writes it; for a new column returns the rank for the caller's insert,
 * after rebalancing if the gap was exhausted.
 */
export async function placeColumn(tx: DbTx, p: ColumnPlacement): Promise<Placed> {
  if (!(await lockBoard(tx, p.boardId))) throw new AppError('NOT_FOUND', 'Board not found');
  const selfId = p.columnId ?? '00000000-0000-0000-0000-000000000000';
  const { lo, hi } = await gapFrom(
    p.boardId,
    selfId,
    p,
    (id, side) => columnAnchor(tx, p.boardId, id, p.columnId, side),
    () => lastColumn(tx, p.boardId, p.columnId),
    'column',
  );
  const rank = between(lo, hi);
  if (!tooLong(rank)) {
    if (p.columnId === null) return { rank, rebalanced: false };
    if (await setColumnRank(tx, p.columnId, p.boardId, rank)) return { rank, rebalanced: false };
  }
  const rows = await tx.column.findMany({
    where: { boardId: p.boardId, ...(p.columnId ? { NOT: { id: p.columnId } } : {}) },
    select: { id: true, rank: true },
    orderBy: { rank: 'asc' },
  });
  const { mine, ranks } = rebalancePlan(
    rows.map((r) => r.rank),
    slotIndex(
      rows.map((r) => r.rank),
      lo,
    ),
  );
  await rewriteColumnRanks(
    tx,
    p.boardId,
    rows.map((r) => r.id),
    ranks,
  );
  if (p.columnId !== null && !(await setColumnRank(tx, p.columnId, p.boardId, mine))) {
    throw new AppError('CONFLICT', 'Could not place the column, please retry');
  }
  return { rank: mine, rebalanced: true };
}

/** Ranks after `last` for `count` items appended in order. */
export function appendRanks(last: string | null, count: number): string[] {
  const out: string[] = [];
  let prev = last;
  for (let i = 0; i < count; i++) {
    prev = between(prev, null);
    out.push(prev);
  }
  return out;
}

/** Ids of a board's columns in order (used after a rebalance or for views). */
export const orderedColumnIds = boardColumnIds;

/** Tells viewers that every rank of a column changed (a rebalance), so they reload it. */
export function recordRebalance(tx: DbTx, by: Acting, boardId: string, columnId: string) {
  return recordActivity(tx, {
    boardId,
    by,
    action: 'column.rebalanced',
    entityType: 'column',
    entityId: columnId,
  });
}
