import { EventEmitter } from 'node:events';

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
      /** Access to a board changed for these users (revoked, downgraded, deleted). */
      kind: 'access';
      id: string;
      boardId: string | null;
      actionPointId: string | null;
      userIds: string[];
      at: string;
    };

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
