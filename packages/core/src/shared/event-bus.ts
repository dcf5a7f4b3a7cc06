import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Db } from '@ap/db/client';
import { createPgListener, crossConnectionNotifyWorks, MAX_NOTIFY_BYTES, pgNotify, type PgListener } from '@ap/db/pubsub';
import { boardEventById, LocalEventBus, type DomainEvent, type EventBus, type EventListener } from './events.ts';

export const EVENTS_CHANNEL = 'ap_events';

type Log = { warn(obj: unknown, msg?: string): void };

/** An event bus that can lose events (a dropped connection) and says when to catch up. */
export interface ResyncingEventBus extends EventBus {
  /** Called when events may have been missed: listeners re-read what they need. */
  onResync(listener: () => void): () => void;
}

/** Subscribes to a bus's resync signal when it has one. */
export function onResync(bus: EventBus, listener: () => void): () => void {
  const r = bus as Partial<ResyncingEventBus>;
  return typeof r.onResync === 'function' ? r.onResync.call(bus, listener) : () => {};
}

/** Wire format: the event itself, or the id of a board event too large to inline. */
type Wire = { o: string; e: DomainEvent } | { o: string; r: string };

/**
 * Delivers every event to the listeners of every server process on one database.
 * A publish is delivered to this process's listeners at once and sent to the others
 * with NOTIFY; each process skips the echo of its own notifications (tagged with its
 * origin id), so each listener sees each event exactly once. One dedicated connection
 * LISTENs and reconnects when it drops; after a reconnection `onResync` listeners
 * catch up from the database (board and notification events are stored rows).
 */
export class PgEventBus implements ResyncingEventBus {
  readonly origin = randomUUID();
  private readonly emitter = new EventEmitter();
  private readonly listener: PgListener;
  /** Incoming notifications are handled in order, even those that need a read. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly opts: { url: string; db: Db; log?: Log; channel?: string }) {
    this.emitter.setMaxListeners(0);
    this.listener = createPgListener({
      url: opts.url,
      channel: this.channel,
      onMessage: (payload) => {
        this.chain = this.chain
          .then(() => this.receive(payload))
          .catch((err) => this.opts.log?.warn({ err }, 'event bus: bad notification'));
      },
      onListening: (reconnected) => {
        if (reconnected) {
          this.opts.log?.warn({}, 'event bus: listening again, resynchronizing subscribers');
          this.emitter.emit('resync');
        }
      },
      onError: (err) => this.opts.log?.warn({ err }, 'event bus: listen connection lost'),
    });
  }

  get channel(): string {
    return this.opts.channel ?? EVENTS_CHANNEL;
  }

  get notifyTarget(): { channel: string; origin: string } {
    return { channel: this.channel, origin: this.origin };
  }

  /** Resolves once listening (the first time). */
  get ready(): Promise<void> {
    return this.listener.ready;
  }

  async publish(event: DomainEvent): Promise<void> {
    this.deliverLocally(event);
    for (const payload of encode(this.origin, event)) {
      try {
        await pgNotify(this.opts.db, this.channel, payload);
      } catch (err) {
        // The change is committed; other processes catch up when they resync.
        this.opts.log?.warn({ err, eventId: event.id }, 'event bus: NOTIFY failed');
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  onResync(listener: () => void): () => void {
    this.emitter.on('resync', listener);
    return () => this.emitter.off('resync', listener);
  }

  /** Test hook: drop the listening connection (it reconnects by itself). */
  dropConnection(): Promise<void> {
    return this.listener.dropConnection();
  }

  async close(): Promise<void> {
    await this.listener.close();
    this.emitter.removeAllListeners();
  }

  private async receive(raw: string): Promise<void> {
    const msg = JSON.parse(raw) as Wire;
    if (!msg || typeof msg !== 'object' || msg.o === this.origin) return;
    if ('e' in msg) this.deliverLocally(msg.e);
    else if ('r' in msg) {
      const event = await boardEventById(this.opts.db, msg.r);
      if (event) this.deliverLocally(event);
    }
  }

  /** Delivers to this process's listeners only (for events other processes were sent already). */
  deliverLocally(event: DomainEvent): void {
    for (const listener of this.emitter.listeners('event') as EventListener[]) {
      try {
        listener(event);
      } catch (err) {
        this.opts.log?.warn({ err }, 'event bus: listener failed');
      }
    }
  }
}

/** Payloads for one event, each below the NOTIFY limit. */
export function encode(origin: string, event: DomainEvent): string[] {
  const whole = JSON.stringify({ o: origin, e: event } satisfies Wire);
  if (Buffer.byteLength(whole) <= MAX_NOTIFY_BYTES) return [whole];
  if (event.kind === 'board') return [JSON.stringify({ o: origin, r: event.id } satisfies Wire)];
  if (event.kind === 'access' && event.userIds.length > 1) {
    const half = Math.ceil(event.userIds.length / 2);
    return [
      ...encode(origin, { ...event, userIds: event.userIds.slice(0, half) }),
      ...encode(origin, { ...event, userIds: event.userIds.slice(half) }),
    ];
  }
  // Notification events are a few ids: never this large.
  throw new Error(`event ${event.kind}:${event.id} is too large to publish`);
}

/**
 * The event bus of a server process: PostgreSQL LISTEN/NOTIFY so that several
 * processes on one database deliver each other's events.
 *
 * The embedded database (PGlite served over a socket) runs one backend for all its
 * connections: a NOTIFY only comes back to the connection that sent it and never
 * reaches a listener on another connection. That is detected with a probe at start
 * (it also catches poolers that break LISTEN) and the bus falls back to delivering
 * within this process only — which is all the embedded mode needs, since only the
 * process that owns the embedded database can use it.
 */
export async function createEventBus(opts: { url: string; db: Db; log?: Log; channel?: string }): Promise<EventBus> {
  let works = false;
  try {
    works = await crossConnectionNotifyWorks(opts.url);
  } catch (err) {
    opts.log?.warn({ err }, 'event bus: LISTEN/NOTIFY probe failed');
  }
  if (!works) {
    opts.log?.warn({}, 'event bus: LISTEN/NOTIFY does not reach other connections (embedded database?): events stay in this process');
    return new LocalEventBus();
  }
  const bus = new PgEventBus(opts);
  await bus.ready;
  return bus;
}
