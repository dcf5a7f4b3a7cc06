/** Creating, reading, listing, changing and deleting action points. */
import type { DbTx, Prisma } from '@ap/db/client';
import { diff, recordOnBoards } from '../boards/activity.ts';
import { actionPointVisibleTo, boardVisibleTo, requireActionPoint, requireBoard } from '../access/rules.ts';
import type { JobProducer } from '../ports/job-queue.ts';
import type { Acting, ServiceContext } from '../shared/context.ts';
import { badRequest, conflict, notFound } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events.ts';
import { notify } from '../collaboration/notifications.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { placeActionPoint, recordRebalance } from './placement.ts';
import { mutate } from '../shared/tx.ts';
import { queueRuleRuns } from '../workflows/hook.ts';
import { actionPointSelect, loadActionPoint, type ActionPointDetail, type ActionPointRow } from './model.ts';
import { enqueueActionPointEmbedding } from './embeddings.ts';

/** What creating and changing action points needs: the jobs they cause are written with them. */
export type ActionPointServices = ServiceContext & { jobs: JobProducer };

/**
 * An assignee must be an existing user who can see the action point, or one of
 * `boardIds` (the boards it is going onto).
 */
async function assertAssignable(tx: DbTx, actionPointId: string, assigneeId: string, boardIds: string[] = []): Promise<void> {
  const user = await tx.user.findFirst({ where: { id: assigneeId, deletedAt: null }, select: { id: true } });
  const sees =
    user &&
    ((await tx.actionPoint.count({ where: { id: actionPointId, ...actionPointVisibleTo(assigneeId) } })) > 0 ||
      (boardIds.length > 0 && (await tx.board.count({ where: { id: { in: boardIds }, ...boardVisibleTo(assigneeId) } })) > 0));
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

/**
 * A new action point owned by the caller, optionally placed last in a column of a
 * board (EDIT there); its text is queued for embedding in the same transaction.
 */
export async function createActionPoint(svc: ActionPointServices, input: CreateActionPointInput): Promise<ActionPointDetail> {
  assertPlacementPair(input);
  return mutate(svc, (tx, events) => createActionPointIn(tx, events, svc, input));
}

function assertPlacementPair(input: Pick<CreateActionPointInput, 'boardId' | 'columnId'>): void {
  if (!!input.boardId !== !!input.columnId) {
    throw badRequest('boardId and columnId go together', [
      { path: input.boardId ? 'columnId' : 'boardId', message: 'is required with the other' },
    ]);
  }
}

/**
 * `createActionPoint` inside the caller's transaction, for changes that create an
 * action point as one step of a larger one (accepting a bot suggestion): the same
 * checks, activity, notifications and placement; its events go onto `events`, to be
 * published when that transaction commits. `activity` adds details to the
 * `actionPoint.created` activity row.
 */
export async function createActionPointIn(
  tx: DbTx,
  events: DomainEvent[],
  by: Acting & { jobs: JobProducer },
  input: CreateActionPointInput,
  opts: { activity?: Record<string, unknown> } = {},
): Promise<ActionPointDetail> {
  assertPlacementPair(input);
  if (input.boardId) await requireBoard(tx, by.userId, input.boardId, 'EDIT');
  const ap = await tx.actionPoint.create({
    data: {
      title: input.title,
      description: input.description ?? null,
      dueDate: input.dueDate ?? null,
      completedAt: input.completed ? new Date() : null,
      ownerId: by.userId,
      assigneeId: input.assigneeId ?? null,
    },
    select: { id: true, version: true },
  });
  await enqueueActionPointEmbedding(tx, by.jobs, ap);
  if (input.assigneeId) {
    await assertAssignable(tx, ap.id, input.assigneeId, input.boardId ? [input.boardId] : []);
    await notifyAssigned(tx, events, {
      actorId: by.userId,
      assigneeId: input.assigneeId,
      actionPointId: ap.id,
      title: input.title,
      boardId: input.boardId ?? null,
    });
  }
  const entry = {
    actionPointId: ap.id,
    by,
    action: 'actionPoint.created',
    entityType: 'actionPoint',
    entityId: ap.id,
    changes: { title: input.title, ...(input.columnId ? { columnId: input.columnId } : {}), ...opts.activity },
  };
  await recordOnBoards(tx, input.boardId ? [input.boardId] : [], entry, events);
  if (input.boardId && input.columnId) {
    const placed = await placeActionPoint(tx, {
      boardId: input.boardId,
      columnId: input.columnId,
      actionPointId: ap.id,
      mode: 'insert',
    });
    if (placed.rebalanced) events.push(await recordRebalance(tx, by, input.boardId, input.columnId));
  }
  await queueRuleRuns(tx, by, events);
  return (await loadActionPoint(tx, by.userId, ap.id))!;
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
      OR: [{ title: { contains: q, mode: 'insensitive' } }, { description: { contains: q, mode: 'insensitive' } }],
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

/**
 * Changes an action point (EDIT on it); every change bumps `version`. A changed
 * title or description is queued for embedding in the same transaction.
 */
export async function updateActionPoint(svc: ActionPointServices, input: UpdateActionPointInput): Promise<ActionPointDetail> {
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
    if ('title' in changes || 'description' in changes) {
      await enqueueActionPointEmbedding(tx, svc.jobs, { id: input.actionPointId, version: before.version + 1 });
    }

    const boards = await tx.actionPointBoardAssociation.findMany({
      where: { actionPointId: input.actionPointId },
      select: { boardId: true },
    });
    await recordOnBoards(
      tx,
      boards.map((b) => b.boardId),
      {
        actionPointId: input.actionPointId,
        by: svc,
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
    await queueRuleRuns(tx, svc, events);
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
        by: svc,
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
