import { EventEmitter } from 'node:events';
import type { DbTx, Prisma } from '@ap/db/client';

/**
 * A change in the domain, published by core after its transaction committed.
 * Board events carry the Activity row id (`id`), which is also the id clients use
 * to resume a live stream; notification events carry the notification's seq.
 */
export type DomainEvent =
  | {
      kind: 'board';
      /** Activity id (string of a bigint), monotonic per database. */
      id: string;
      boardId: string;
      type: string;
      actorId: string | null;
      entityType: string;
      entityId: string;
      actionPointId: string | null;
      changes: Record<string, unknown>;
      at: string;
    }
  | {
      kind: 'notification';
      /** Notification seq (string of a bigint). */
      id: string;
      notificationId: string;
      userId: string;
      type: string;
      at: string;
    }
  | {
      /** A document's status or progress changed (or it was deleted). */
      kind: 'document';
      /** `<version>.<updatedAt ms>`: unique per change of one document. */
      id: string;
      documentId: string;
      status: string;
      progress: number;
      error: string | null;
      version: number;
      chunkCount: number;
      pageCount: number | null;
      deleted: boolean;
      at: string;
    }
  | {
      /** Access to a board changed for these users (revoked, downgraded, deleted). */
      kind: 'access';
      id: string;
      boardId: string | null;
      actionPointId: string | null;
      userIds: string[];
      at: string;
    };

export type BoardEvent = Extract<DomainEvent, { kind: 'board' }>;
export type DocumentEvent = Extract<DomainEvent, { kind: 'document' }>;

export type EventListener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void | Promise<void>;
  subscribe(listener: EventListener): () => void;
  close?(): Promise<void>;
  /**
   * Set by buses that carry events between processes with PostgreSQL NOTIFY: a
   * statement that writes a board event may send it itself, in its own transaction
   * (no round trip of its own), to `channel` as `{"o": origin, "e": event}`; the
   * writer then hands the event to `deliverLocally` instead of `publish`.
   */
  readonly notifyTarget?: { channel: string; origin: string };
  deliverLocally?(event: DomainEvent): void;
}

/** Delivers events to listeners of this process only. */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish(event: DomainEvent): void {
    this.emitter.emit('event', event);
  }
  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}

// Stored board events: a board event is an Activity row, replayed from the table.

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
