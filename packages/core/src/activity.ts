import type { DbTx, Prisma } from '@ap/db/client';
import { activityEventSelect, toBoardEvent } from './board-events.ts';
import type { DomainEvent } from './events.ts';

export interface ActivityEntry {
  boardId: string | null;
  actionPointId?: string | null;
  actorId: string | null;
  /** e.g. "actionPoint.moved", "column.created", "permission.granted". */
  action: string;
  entityType: string;
  entityId: string;
  /** What changed: `{ field: { from, to } }` or details of the action. */
  changes?: Record<string, unknown>;
}

export type BoardEvent = Extract<DomainEvent, { kind: 'board' }>;

/**
 * Records one activity row inside the caller's transaction and returns the board
 * event to publish once it commits (push it onto `mutate`'s events).
 */
export async function recordActivity(tx: DbTx, entry: ActivityEntry): Promise<BoardEvent> {
  const row = await tx.activity.create({
    data: {
      boardId: entry.boardId,
      actionPointId: entry.actionPointId ?? null,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: (entry.changes ?? {}) as Prisma.InputJsonValue,
    },
    select: activityEventSelect,
  });
  return toBoardEvent(row);
}

/** Records the same change once per board (an action point on several boards). */
export async function recordOnBoards(
  tx: DbTx,
  boardIds: string[],
  entry: Omit<ActivityEntry, 'boardId'>,
  events: DomainEvent[],
): Promise<void> {
  if (boardIds.length === 0) {
    await recordActivity(tx, { ...entry, boardId: null });
    return;
  }
  for (const boardId of boardIds) events.push(await recordActivity(tx, { ...entry, boardId }));
}

/** Shows what changed between two records for the given fields. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);
    if (to !== undefined && norm(from) !== norm(to)) out[key] = { from: norm(from), to: norm(to) };
  }
  return out;
}
