/**
 * Action points on many boards: one action point, any number of boards, each
 * board with its own column and lexorank position (ActionPointBoardAssociation).
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { moveContext, moveInOneStatement, type RankedItemRow } from '@ap/db/ranks';
import { diff, recordActivity, recordOnBoards } from '../boards/activity.ts';
import {
  actionPointAccess,
  actionPointVisibleTo,
  atLeast,
  boardAccessSelect,
  boardLevelOf,
  boardVisibleTo,
  requireActionPoint,
  requireBoard,
  type Level,
} from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events.ts';
import { MAX_RANK_LENGTH } from './lexorank.ts';
import { notify } from '../collaboration/notifications.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { placeActionPoint } from './placement.ts';
import { mutate } from '../shared/tx.ts';

export const MAX_BOARDS_PER_ACTION_POINT = 100;

const publicUserSelect = { id: true, email: true, displayName: true, imageUrl: true } as const;

export const actionPointSelect = {
  id: true,
  title: true,
  description: true,
  dueDate: true,
  completedAt: true,
  ownerId: true,
  assigneeId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  assignee: { select: publicUserSelect },
} satisfies Prisma.ActionPointSelect;

export type ActionPointRow = Prisma.ActionPointGetPayload<{ select: typeof actionPointSelect }>;

export interface PublicUserRow {
  id: string;
  email: string | null;
  displayName: string | null;
  imageUrl: string | null;
}

export interface TagRef {
  id: string;
  name: string;
  color: string;
}

/** An action point as a board shows it: its position there and that board's tags. */
export interface BoardItem extends Omit<ActionPointRow, 'assignee'> {
  assignee: PublicUserRow | null;
  columnId: string;
  rank: string;
  tags: TagRef[];
}

export interface ActionPointPlacementRow {
  boardId: string;
  boardName: string;
  columnId: string;
  columnName: string;
  rank: string;
  /** The caller's level on that board. */
  level: Level;
}

/** An action point with the caller's level, the boards the caller can see it on and its tags there. */
export interface ActionPointDetail extends ActionPointRow {
  level: Level;
  boards: ActionPointPlacementRow[];
  tags: (TagRef & { boardId: string })[];
}

export interface Position {
  actionPointId: string;
  boardId: string;
  columnId: string;
  rank: string;
  /** True when the column's ranks were rewritten to make room (reload it). */
  rebalanced: boolean;
}

/**
 * The caller's level on a board they can see, by authorization.ts's rule: the
 * owner's is decided from the board row alone (no further query on the hot paths
 * of moves and views); anyone else's from their grants and organization.
 */
export async function boardLevelFor(db: DbTx, userId: string, board: { id: string; ownerId: string }): Promise<Level | null> {
  if (board.ownerId === userId) return boardLevelOf({ ownerId: board.ownerId, permissions: [], organization: null }, userId);
  const access = await db.board.findUnique({ where: { id: board.id }, select: boardAccessSelect(userId) });
  return access ? boardLevelOf(access, userId) : null;
}

/** Like requireBoard: NOT_FOUND when invisible, FORBIDDEN below `min`; cheaper for the owner. */
export async function requireBoardLevel(db: DbTx, userId: string, boardId: string, min: Level): Promise<Level> {
  const board = await db.board.findFirst({
    where: { id: boardId, ...boardVisibleTo(userId) },
    select: { id: true, ownerId: true },
  });
  const level = board ? await boardLevelFor(db, userId, board) : null;
  if (!level) throw notFound('Board');
  if (!atLeast(level, min)) throw forbidden(`Board: ${min} access required, you have ${level}`);
  return level;
}

export function toBoardItem(row: RankedItemRow): BoardItem {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    dueDate: row.dueDate,
    completedAt: row.completedAt,
    ownerId: row.ownerId,
    assigneeId: row.assigneeId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    assignee: row.assigneeId
      ? {
          id: row.assigneeId,
          email: row.assigneeEmail,
          displayName: row.assigneeDisplayName,
          imageUrl: row.assigneeImageUrl,
        }
      : null,
    columnId: row.columnId,
    rank: row.rank,
    tags: typeof row.tags === 'string' ? (JSON.parse(row.tags) as TagRef[]) : (row.tags ?? []),
  };
}

/** Everything the caller may see of one action point, or null when it is invisible to them. */
export async function loadActionPoint(db: DbTx, userId: string, actionPointId: string): Promise<ActionPointDetail | null> {
  const access = await actionPointAccess(db, userId, actionPointId);
  if (!access) return null;
  const boardIds = access.boards.map((b) => b.boardId);
  // One after the other: inside a transaction they share one connection.
  const ap = await db.actionPoint.findUnique({ where: { id: actionPointId }, select: actionPointSelect });
  if (!ap) return null;
  const placements = boardIds.length
    ? await db.actionPointBoardAssociation.findMany({
        where: { actionPointId, boardId: { in: boardIds } },
        select: {
          boardId: true,
          columnId: true,
          rank: true,
          board: { select: { name: true } },
          column: { select: { name: true } },
        },
        orderBy: { createdAt: 'asc' },
      })
    : [];
  const tags = boardIds.length
    ? await db.actionPointTag.findMany({
        where: { actionPointId, boardId: { in: boardIds } },
        select: { boardId: true, boardTag: { select: { tag: { select: { id: true, name: true, color: true } } } } },
      })
    : [];
  const levelOf = new Map(access.boards.map((b) => [b.boardId, b.level]));
  return {
    ...ap,
    level: access.level,
    boards: placements.map((p) => ({
      boardId: p.boardId,
      boardName: p.board.name,
      columnId: p.columnId,
      columnName: p.column.name,
      rank: p.rank,
      level: levelOf.get(p.boardId)!,
    })),
    tags: tags
      .map((t) => ({ ...t.boardTag.tag, boardId: t.boardId }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.boardId.localeCompare(b.boardId)),
  };
}

/**
 * An assignee must be an existing user who can see the action point, or one of
 * `boardIds` (the boards it is going onto).
 */
async function assertAssignable(tx: DbTx, actionPointId: string, assigneeId: string, boardIds: string[] = []): Promise<void> {
  const user = await tx.user.findFirst({ where: { id: assigneeId, deletedAt: null }, select: { id: true } });
  const sees =
    user &&
    ((await tx.actionPoint.count({ where: { id: actionPointId, ...actionPointVisibleTo(assigneeId) } })) > 0 ||
      (boardIds.length > 0 &&
        (await tx.board.count({ where: { id: { in: boardIds }, ...boardVisibleTo(assigneeId) } })) > 0));
  if (!sees) {
    throw badRequest('The assignee must be a user who can see this action point', [
      { path: 'assigneeId', message: 'cannot see this action point' },
    ]);
  }
}

async function notifyAssigned(
  tx: DbTx,
  events: DomainEvent[],
  input: { actorId: string; assigneeId: string; actionPointId: string; title: string; boardId?: string | null },
): Promise<void> {
  await notify(
    tx,
    {
      recipients: [input.assigneeId],
      type: 'ASSIGNED',
      actorId: input.actorId,
      actionPointId: input.actionPointId,
      boardId: input.boardId ?? null,
      data: { title: input.title },
    },
    events,
  );
}

export interface CreateActionPointInput {
  title: string;
  description?: string | null;
  dueDate?: Date | null;
  assigneeId?: string | null;
  completed?: boolean;
  /** With `columnId`: placed last in that column of that board. */
  boardId?: string;
  columnId?: string;
}

/** A new action point owned by the caller, optionally placed last in a column of a board (EDIT there). */
export async function createActionPoint(svc: ServiceContext, input: CreateActionPointInput): Promise<ActionPointDetail> {
  if (!!input.boardId !== !!input.columnId) {
    throw badRequest('boardId and columnId go together', [
      { path: input.boardId ? 'columnId' : 'boardId', message: 'is required with the other' },
    ]);
  }
  return mutate(svc, async (tx, events) => {
    if (input.boardId) await requireBoard(tx, svc.userId, input.boardId, 'EDIT');
    const ap = await tx.actionPoint.create({
      data: {
        title: input.title,
        description: input.description ?? null,
        dueDate: input.dueDate ?? null,
        completedAt: input.completed ? new Date() : null,
        ownerId: svc.userId,
        assigneeId: input.assigneeId ?? null,
      },
      select: { id: true },
    });
    if (input.assigneeId) {
      await assertAssignable(tx, ap.id, input.assigneeId, input.boardId ? [input.boardId] : []);
      await notifyAssigned(tx, events, {
        actorId: svc.userId,
        assigneeId: input.assigneeId,
        actionPointId: ap.id,
        title: input.title,
        boardId: input.boardId ?? null,
      });
    }
    const entry = {
      actionPointId: ap.id,
      actorId: svc.userId,
      action: 'actionPoint.created',
      entityType: 'actionPoint',
      entityId: ap.id,
      changes: { title: input.title, ...(input.columnId ? { columnId: input.columnId } : {}) },
    };
    await recordOnBoards(tx, input.boardId ? [input.boardId] : [], entry, events);
    if (input.boardId && input.columnId) {
      const placed = await placeActionPoint(tx, {
        boardId: input.boardId,
        columnId: input.columnId,
        actionPointId: ap.id,
        mode: 'insert',
      });
      if (placed.rebalanced) events.push(await recordRebalance(tx, svc.userId, input.boardId, input.columnId));
    }
    return (await loadActionPoint(tx, svc.userId, ap.id))!;
  });
}

export async function getActionPoint(svc: ServiceContext, input: { actionPointId: string }): Promise<ActionPointDetail> {
  const detail = await loadActionPoint(svc.db, svc.userId, input.actionPointId);
  if (!detail) throw notFound('Action point');
  return detail;
}

export interface ListActionPointsInput {
  /** Only those the caller owns. */
  owned?: boolean;
  /** Only those someone else owns and the caller can see (a share or a board). */
  sharedWithMe?: boolean;
  /** Only those assigned to the caller. */
  assignedToMe?: boolean;
  /** Text in the title or description (case-insensitive). */
  q?: string;
  cursor?: string;
  limit: number;
}

/** Action points the caller can see, newest first, filtered (all filters combine). */
export async function listActionPoints(svc: ServiceContext, input: ListActionPointsInput): Promise<Page<ActionPointRow>> {
  const me = svc.userId;
  const and: Prisma.ActionPointWhereInput[] = [actionPointVisibleTo(me)];
  if (input.owned) and.push({ ownerId: me });
  if (input.sharedWithMe) and.push({ ownerId: { not: me } });
  if (input.assignedToMe) and.push({ assigneeId: me });
  const q = input.q?.trim();
  if (q) {
    and.push({
      OR: [
        { title: { contains: q, mode: 'insensitive' } },
        { description: { contains: q, mode: 'insensitive' } },
      ],
    });
  }
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  if (after) and.push(afterCreatedAt(after, 'desc'));
  const rows = await svc.db.actionPoint.findMany({
    where: { AND: and },
    select: actionPointSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  return toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

export interface UpdateActionPointInput {
  actionPointId: string;
  title?: string;
  description?: string | null;
  dueDate?: Date | null;
  assigneeId?: string | null;
  completed?: boolean;
  /** When given and not the current version: CONFLICT. */
  expectedVersion?: number;
}

/** Changes an action point (EDIT on it); every change bumps `version`. */
export async function updateActionPoint(svc: ServiceContext, input: UpdateActionPointInput): Promise<ActionPointDetail> {
  return mutate(svc, async (tx, events) => {
    await requireActionPoint(tx, svc.userId, input.actionPointId, 'EDIT');
    const { assignee: _a, ...before } = await tx.actionPoint.findUniqueOrThrow({
      where: { id: input.actionPointId },
      select: actionPointSelect,
    });
    if (input.expectedVersion !== undefined && before.version !== input.expectedVersion) {
      throw conflict('The action point was changed by someone else: reload and retry', {
        currentVersion: before.version,
      });
    }
    const data: Prisma.ActionPointUpdateManyMutationInput & { assigneeId?: string | null } = {};
    if (input.title !== undefined) data.title = input.title;
    if (input.description !== undefined) data.description = input.description;
    if (input.dueDate !== undefined) data.dueDate = input.dueDate;
    if (input.assigneeId !== undefined) data.assigneeId = input.assigneeId;
    if (input.completed !== undefined) data.completedAt = input.completed ? (before.completedAt ?? new Date()) : null;
    const changes = diff(before as Record<string, unknown>, data as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return (await loadActionPoint(tx, svc.userId, input.actionPointId))!;

    const assigneeChanged = 'assigneeId' in changes && input.assigneeId;
    if (assigneeChanged) await assertAssignable(tx, input.actionPointId, input.assigneeId!);
    // Conditional on the version read: a concurrent write in between is a conflict, not a lost update.
    const updated = await tx.actionPoint.updateMany({
      where: { id: input.actionPointId, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw conflict('The action point was changed by someone else: reload and retry');

    const boards = await tx.actionPointBoardAssociation.findMany({
      where: { actionPointId: input.actionPointId },
      select: { boardId: true },
    });
    await recordOnBoards(
      tx,
      boards.map((b) => b.boardId),
      {
        actionPointId: input.actionPointId,
        actorId: svc.userId,
        action: 'actionPoint.updated',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
        changes,
      },
      events,
    );
    if (assigneeChanged) {
      await notifyAssigned(tx, events, {
        actorId: svc.userId,
        assigneeId: input.assigneeId!,
        actionPointId: input.actionPointId,
        title: input.title ?? before.title,
      });
    }
    return (await loadActionPoint(tx, svc.userId, input.actionPointId))!;
  });
}

/** Deletes an action point everywhere (ADMIN on it: its owner, or an ADMIN share or board). */
export async function deleteActionPoint(svc: ServiceContext, input: { actionPointId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    await requireActionPoint(tx, svc.userId, input.actionPointId, 'ADMIN');
    const ap = await tx.actionPoint.findUniqueOrThrow({
      where: { id: input.actionPointId },
      select: { title: true, associations: { select: { boardId: true } } },
    });
    await recordOnBoards(
      tx,
      ap.associations.map((a) => a.boardId),
      {
        actionPointId: input.actionPointId,
        actorId: svc.userId,
        action: 'actionPoint.deleted',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
        changes: { title: ap.title },
      },
      events,
    );
    await tx.actionPoint.delete({ where: { id: input.actionPointId }, select: { id: true } });
  });
}

/** Tells viewers that every rank of a column changed (a rebalance), so they reload it. */
function recordRebalance(tx: DbTx, actorId: string, boardId: string, columnId: string) {
  return recordActivity(tx, {
    boardId,
    actorId,
    action: 'column.rebalanced',
    entityType: 'column',
    entityId: columnId,
  });
}

/**
 * The caller's level on a board the action point is on, from the action point's
 * access (no extra query when it is visible there). NOT_FOUND when the board is
 * invisible or the action point is not on it; FORBIDDEN below EDIT.
 */
async function requireEditOnBoard(
  tx: DbTx,
  userId: string,
  boardId: string,
  boards: { boardId: string; level: Level }[],
): Promise<void> {
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
        actorId: svc.userId,
        action: 'actionPoint.added',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
        changes: { columnId: input.columnId, beforeId: input.beforeId ?? null, afterId: input.afterId ?? null },
      }),
    );
    const placed = await placeActionPoint(tx, { ...input, mode: 'insert' });
    if (placed.rebalanced) events.push(await recordRebalance(tx, svc.userId, input.boardId, input.columnId));
    return { actionPointId: input.actionPointId, boardId: input.boardId, columnId: input.columnId, ...placed };
  });
}

/** Takes an action point off one board (EDIT on both); it stays on the others. */
export async function removeFromBoard(
  svc: ServiceContext,
  input: { boardId: string; actionPointId: string },
): Promise<void> {
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
        actorId: svc.userId,
        action: 'actionPoint.removed',
        entityType: 'actionPoint',
        entityId: input.actionPointId,
      }),
    );
  });
}

type MoveInput = { boardId: string; actionPointId: string; columnId: string; beforeId?: string | null; afterId?: string | null };

/**
 * Moves an action point within or across the columns of one board. Needs EDIT on
 * the board; since a board's level applies to the action points on it, that is
 * EDIT on the action point too. Other boards keep their positions. The usual move
 * is one statement (moveInOneStatement); anything it does not settle (an error to
 * report, organization roles, a gap that changed or ran out) takes the locked path.
 */
export async function moveActionPoint(svc: ServiceContext, input: MoveInput): Promise<Position> {
  const bus = svc.events;
  const notify = bus.deliverLocally ? bus.notifyTarget : undefined;
  const moved = await moveInOneStatement(svc.db, { ...input, userId: svc.userId, maxRankLength: MAX_RANK_LENGTH, notify });
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
    // One read gives the current column and the inputs of boardLevelOf; an
    // organization board (admins' rights) or an absent association takes the full path.
    const ctx = await moveContext(tx, input.actionPointId, input.boardId, svc.userId);
    const level =
      ctx && (ctx.organizationId === null || ctx.ownerId === svc.userId)
        ? boardLevelOf(
            { ownerId: ctx.ownerId, permissions: ctx.grant ? [{ level: ctx.grant as Level }] : [], organization: null },
            svc.userId,
          )
        : await requireBoardLevel(tx, svc.userId, input.boardId, 'VIEW').catch((err: unknown) => {
            if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
            throw err;
          });
    if (!level) throw notFound(ctx ? 'Board' : 'Action point on this board');
    if (!atLeast(level, 'EDIT')) throw forbidden(`Board: EDIT access required, you have ${level}`);
    if (!ctx) throw notFound('Action point on this board');
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        actionPointId: input.actionPointId,
        actorId: svc.userId,
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
    if (placed.rebalanced) events.push(await recordRebalance(tx, svc.userId, input.boardId, input.columnId));
    return { actionPointId: input.actionPointId, boardId: input.boardId, columnId: input.columnId, ...placed };
  });
}
