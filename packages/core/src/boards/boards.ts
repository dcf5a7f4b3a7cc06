/**
 * Boards: create (with their first columns), read, list, update, delete, and the
 * whole-board view (columns in order with their first action points) in a fixed
 * number of queries whatever the number of items.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { boardViewRows } from '@ap/db/board-view';
import { diff, recordActivity } from './activity.ts';
import {
  boardAccessSelect,
  boardLevelFor,
  boardLevelOf,
  boardVisibleTo,
  organizationVisibleTo,
  requireBoard,
  type Level,
} from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events.ts';
import { spread } from '../action-points/lexorank.ts';
import { afterCreatedAt, decodeCursor, encodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { columnSelect, MAX_COLUMNS_PER_BOARD, type ColumnRow } from './columns.ts';
import { toBoardItem, type BoardItem } from '../action-points/model.ts';

export { MAX_COLUMNS_PER_BOARD };

export const DEFAULT_COLUMN_NAMES = ['To do', 'In progress', 'Done'] as const;
export const DEFAULT_LIMIT_PER_COLUMN = 50;
export const MAX_LIMIT_PER_COLUMN = 200;

export const boardSelect = {
  id: true,
  name: true,
  description: true,
  ownerId: true,
  organizationId: true,
  isPersonal: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.BoardSelect;

export type BoardRow = Prisma.BoardGetPayload<{ select: typeof boardSelect }>;
export type BoardWithLevel = BoardRow & { level: Level };
export type BoardDetail = BoardWithLevel & { columns: ColumnRow[] };

export interface ViewColumn {
  id: string;
  name: string;
  rank: string;
  items: BoardItem[];
  nextCursor: string | null;
}

export interface BoardView {
  board: BoardWithLevel;
  columns: ViewColumn[];
}

/** A board the caller can see, with the caller's level (null when invisible). */
async function loadBoardRow(db: DbTx, userId: string, boardId: string): Promise<BoardWithLevel | null> {
  const board = await db.board.findFirst({ where: { id: boardId, ...boardVisibleTo(userId) }, select: boardSelect });
  if (!board) return null;
  const level = await boardLevelFor(db, userId, board);
  return level ? { ...board, level } : null;
}

/** A board the caller can see, with its columns in order and the caller's level. */
async function loadBoard(db: DbTx, userId: string, boardId: string): Promise<BoardDetail | null> {
  const board = await loadBoardRow(db, userId, boardId);
  if (!board) return null;
  const columns = await db.column.findMany({ where: { boardId }, select: columnSelect, orderBy: { rank: 'asc' } });
  return { ...board, columns };
}

/** Boards the caller can see, newest first. */
export async function listBoards(svc: ServiceContext, input: { cursor?: string; limit: number }): Promise<Page<BoardWithLevel>> {
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const where: Prisma.BoardWhereInput = boardVisibleTo(svc.userId);
  if (after) where.AND = [afterCreatedAt(after, 'desc')];
  const rows = await svc.db.board.findMany({
    where,
    select: { ...boardSelect, ...boardAccessSelect(svc.userId) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (b) => [b.createdAt.toISOString(), b.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ permissions: _p, organization: _o, ...b }) => ({
      ...b,
      level: boardLevelOf({ ...b, permissions: _p, organization: _o }, svc.userId) ?? 'VIEW',
    })),
  };
}

/** A new board owned by the caller, with its columns (default To do / In progress / Done). */
export async function createBoard(
  svc: ServiceContext,
  input: { name: string; description?: string | null; columns?: string[]; organizationId?: string },
): Promise<BoardDetail> {
  const names = input.columns ?? [...DEFAULT_COLUMN_NAMES];
  if (names.length > MAX_COLUMNS_PER_BOARD) {
    throw new AppError('BAD_REQUEST', `A board has at most ${MAX_COLUMNS_PER_BOARD} columns`);
  }
  const ranks = spread(names.length);
  return mutate(svc, async (tx, events) => {
    if (
      input.organizationId &&
      !(await tx.organization.findFirst({
        where: { id: input.organizationId, ...organizationVisibleTo(svc.userId) },
        select: { id: true },
      }))
    ) {
      throw notFound('Organization');
    }
    const board = await tx.board.create({
      data: {
        name: input.name,
        description: input.description ?? null,
        ownerId: svc.userId,
        organizationId: input.organizationId ?? null,
        columns: { create: names.map((name, i) => ({ name, rank: ranks[i]! })) },
      },
      select: { ...boardSelect, columns: { select: columnSelect, orderBy: { rank: 'asc' } } },
    });
    events.push(
      await recordActivity(tx, {
        boardId: board.id,
        by: svc,
        action: 'board.created',
        entityType: 'board',
        entityId: board.id,
        changes: { name: board.name, columns: names },
      }),
    );
    return { ...board, level: 'ADMIN' as const };
  });
}

export async function getBoard(svc: ServiceContext, input: { boardId: string }): Promise<BoardDetail> {
  const board = await loadBoard(svc.db, svc.userId, input.boardId);
  if (!board) throw notFound('Board');
  return board;
}

/** Renames / describes a board (EDIT); with `expectedVersion`, refuses a stale write. */
export async function updateBoard(
  svc: ServiceContext,
  input: { boardId: string; name?: string; description?: string | null; expectedVersion?: number },
): Promise<BoardDetail> {
  return mutate(svc, async (tx, events) => {
    await requireBoard(tx, svc.userId, input.boardId, 'EDIT');
    const before = await tx.board.findUniqueOrThrow({ where: { id: input.boardId }, select: boardSelect });
    if (input.expectedVersion !== undefined && before.version !== input.expectedVersion) {
      throw conflict('The board was changed by someone else: reload and retry', { currentVersion: before.version });
    }
    const data: { name?: string; description?: string | null } = {};
    if (input.name !== undefined) data.name = input.name;
    if (input.description !== undefined) data.description = input.description;
    const changes = diff(before, data);
    if (Object.keys(changes).length > 0) {
      // Conditional on the version read: a concurrent write in between is a conflict, not a lost update.
      const updated = await tx.board.updateMany({
        where: { id: input.boardId, version: before.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw conflict('The board was changed by someone else: reload and retry');
      events.push(
        await recordActivity(tx, {
          boardId: input.boardId,
          by: svc,
          action: 'board.updated',
          entityType: 'board',
          entityId: input.boardId,
          changes,
        }),
      );
    }
    return (await loadBoard(tx, svc.userId, input.boardId))!;
  });
}

/** Deletes a board with its columns and positions (its owner only). Action points stay. */
export async function deleteBoard(svc: ServiceContext, input: { boardId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const caller = await requireBoard(tx, svc.userId, input.boardId, 'ADMIN');
    if (!caller.isOwner) throw forbidden('Only the owner of a board can delete it');
    const board = await tx.board.findUniqueOrThrow({
      where: { id: input.boardId },
      select: { name: true, ownerId: true, permissions: { select: { userId: true } } },
    });
    const activity = await recordActivity(tx, {
      boardId: input.boardId,
      by: svc,
      action: 'board.deleted',
      entityType: 'board',
      entityId: input.boardId,
      changes: { name: board.name },
    });
    // Positions first: their column reference is RESTRICT, so they must not outlive the columns.
    await tx.actionPointBoardAssociation.deleteMany({ where: { boardId: input.boardId } });
    await tx.board.delete({ where: { id: input.boardId }, select: { id: true } });
    events.push(activity);
    const access: DomainEvent = {
      kind: 'access',
      id: activity.id,
      boardId: input.boardId,
      actionPointId: null,
      userIds: [...new Set([board.ownerId, ...board.permissions.map((p) => p.userId)])],
      at: activity.at,
    };
    events.push(access);
  });
}

/**
 * The whole board in one call: columns in order, each with its first
 * `limitPerColumn` action points in rank order (with tags and assignee) and a
 * cursor for the rest (columns.items). A fixed number of queries whatever the size: the board
 * with the caller's level, then one for all columns and their items.
 */
export async function viewBoard(svc: ServiceContext, input: { boardId: string; limitPerColumn?: number }): Promise<BoardView> {
  const limit = Math.min(Math.max(1, input.limitPerColumn ?? DEFAULT_LIMIT_PER_COLUMN), MAX_LIMIT_PER_COLUMN);
  const board = await loadBoardRow(svc.db, svc.userId, input.boardId);
  if (!board) throw notFound('Board');
  const rows = await boardViewRows(svc.db, input.boardId, limit + 1);
  const columns: ViewColumn[] = [];
  let current: ViewColumn | undefined;
  for (const row of rows) {
    if (!current || current.id !== row.columnId) {
      current = { id: row.columnId, name: row.columnName, rank: row.columnRank, items: [], nextCursor: null };
      columns.push(current);
    }
    if (row.id === null) continue;
    if (current.items.length === limit) {
      current.nextCursor = encodeCursor([current.items[limit - 1]!.rank]);
      continue;
    }
    current.items.push(toBoardItem(row));
  }
  return { board, columns };
}
