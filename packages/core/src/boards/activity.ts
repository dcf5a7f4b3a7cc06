/** The activity log of boards: every change recorded in its transaction, read newest first. */
import type { DbTx, Prisma } from '@ap/db/client';
import { requireBoard } from '../access/rules.ts';
import { actedBy, type Acting, type ServiceContext } from '../shared/context.ts';
import { activityEventSelect, toBoardEvent, type BoardEvent, type DomainEvent } from '../shared/events.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';

export interface ActivityEntry {
  boardId: string | null;
  actionPointId?: string | null;
  /** Who acted, and for whom. */
  by: Acting;
  /** e.g. "actionPoint.moved", "column.created", "permission.granted". */
  action: string;
  entityType: string;
  entityId: string;
  /** What changed: `{ field: { from, to } }` or details of the action. */
  changes?: Record<string, unknown>;
}

/**
 * Records one activity row inside the caller's transaction and returns the board
 * event to publish once it commits (push it onto `mutate`'s events).
 */
export async function recordActivity(tx: DbTx, entry: ActivityEntry): Promise<BoardEvent> {
  const row = await tx.activity.create({
    data: {
      boardId: entry.boardId,
      actionPointId: entry.actionPointId ?? null,
      ...actedBy(entry.by),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: (entry.changes ?? {}) as Prisma.InputJsonValue,
    },
    select: activityEventSelect,
  });
  return toBoardEvent(row);
}

/**
 * Records the same change once per board (an action point on several boards), or
 * once without a board when there is none; returns the id and time of the last row.
 */
export async function recordOnBoards(
  tx: DbTx,
  boardIds: string[],
  entry: Omit<ActivityEntry, 'boardId'>,
  events: DomainEvent[],
): Promise<{ id: string; at: string }> {
  if (boardIds.length === 0) return recordActivity(tx, { ...entry, boardId: null });
  let last!: BoardEvent;
  for (const boardId of boardIds) {
    last = await recordActivity(tx, { ...entry, boardId });
    events.push(last);
  }
  return last;
}

/** Records a change of an action point on every board it is on (see recordOnBoards). */
export async function recordOnActionPointBoards(
  tx: DbTx,
  entry: Omit<ActivityEntry, 'boardId'> & { actionPointId: string },
  events: DomainEvent[],
): Promise<{ id: string; at: string }> {
  const rows = await tx.actionPointBoardAssociation.findMany({
    where: { actionPointId: entry.actionPointId },
    select: { boardId: true },
    orderBy: { boardId: 'asc' },
  });
  return recordOnBoards(
    tx,
    rows.map((r) => r.boardId),
    entry,
    events,
  );
}

/** Shows what changed between two records for the given fields. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
    if (to !== undefined && norm(from) !== norm(to)) out[key] = { from: norm(from), to: norm(to) };
  }
  return out;
}

export const activitySelect = {
  ...activityEventSelect,
  actorType: true,
  actorRef: true,
  actor: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} satisfies Prisma.ActivitySelect;

export type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

/** Who changed what on a board, newest first (VIEW on the board). */
export async function listBoardActivity(
  svc: ServiceContext,
  input: { boardId: string; cursor?: string; limit: number },
): Promise<Page<ActivityRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const before = decodeCursor(input.cursor, ['seq'])?.[0] ?? null;
  const rows = await svc.db.activity.findMany({
    where: { boardId: input.boardId, ...(before !== null ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: activitySelect,
  });
  return toPage(rows, input.limit, (r) => [r.id.toString()]);
}
