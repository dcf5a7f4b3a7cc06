import type { DbTx, Prisma } from '@ap/db/client';
import type { BoardEvent } from './activity.ts';

export const activityEventSelect = {
  id: true,
  boardId: true,
  actionPointId: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  changes: true,
  createdAt: true,
} as const satisfies Prisma.ActivitySelect;

type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activityEventSelect }>;

/** The live event of an Activity row (the same shape `recordActivity` returns). */
export function toBoardEvent(row: ActivityRow): BoardEvent {
  return {
    kind: 'board',
    id: row.id.toString(),
    boardId: row.boardId ?? '',
    type: row.action,
    actorId: row.actorId,
    entityType: row.entityType,
    entityId: row.entityId,
    actionPointId: row.actionPointId,
    changes: (row.changes ?? {}) as Record<string, unknown>,
    at: row.createdAt.toISOString(),
  };
}

/** Event ids are decimal strings of bigints. */
export const EVENT_ID_PATTERN = /^\d{1,19}$/;

export async function boardEventById(db: DbTx, id: string): Promise<BoardEvent | null> {
  if (!EVENT_ID_PATTERN.test(id)) return null;
  const row = await db.activity.findUnique({ where: { id: BigInt(id) }, select: activityEventSelect });
  return row?.boardId ? toBoardEvent(row) : null;
}

/** A board's events after `afterId`, oldest first. */
export async function boardEventsAfter(db: DbTx, boardId: string, afterId: string, limit: number): Promise<BoardEvent[]> {
  const rows = await db.activity.findMany({
    where: { boardId, id: { gt: BigInt(afterId) } },
    orderBy: { id: 'asc' },
    take: limit,
    select: activityEventSelect,
  });
  return rows.map(toBoardEvent);
}

/** The id of the board's newest event ('0' when none). */
export async function latestBoardEventId(db: DbTx, boardId: string): Promise<string> {
  const row = await db.activity.findFirst({ where: { boardId }, orderBy: { id: 'desc' }, select: { id: true } });
  return row ? row.id.toString() : '0';
}
