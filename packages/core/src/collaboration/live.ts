/**
 * Live streams for subscriptions: a board's events and a user's new notifications.
 * Opening a stream checks access and starts listening at once (before the caller
 * tells the client it is connected); reading it first replays what was stored after
 * the client's last event id, then delivers live events, so a reconnecting client
 * misses nothing. Access is checked again whenever an event may have changed it;
 * the stream ends (NOT_FOUND) once access is gone.
 */
import { requireBoard } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { onResync } from '../shared/event-bus.ts';
import { boardEventsAfter, EVENT_ID_PATTERN, latestBoardEventId, type BoardEvent, type DomainEvent } from '../shared/events.ts';
import { latestNotificationSeq, notificationsAfter, type NotificationItem } from './notifications.ts';

const REPLAY_BATCH = 200;
/** Replayed ids remembered to drop their live duplicates (only recent ones can recur). */
const MAX_SEEN = 5_000;

export interface LiveItem<T> {
  /** The event id a client resumes from. */
  id: string;
  data: T;
}

export type Signal = 'resync';

/** Buffers bus events until the stream reads them; reading waits for the next or an abort. */
export class Inbox {
  private items: (DomainEvent | Signal)[] = [];
  private wake: (() => void) | null = null;

  push(item: DomainEvent | Signal): void {
    this.items.push(item);
    this.wake?.();
  }

  async next(signal?: AbortSignal): Promise<DomainEvent | Signal | null> {
    while (this.items.length === 0) {
      if (signal?.aborted) return null;
      await new Promise<void>((resolve) => {
        const done = () => {
          this.wake = null;
          signal?.removeEventListener('abort', done);
          resolve();
        };
        this.wake = done;
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    if (signal?.aborted) return null;
    return this.items.shift()!;
  }
}

/** Listens on the bus until stopped, or until `signal` aborts (even if never read). */
export function listen(svc: ServiceContext, accept: (e: DomainEvent) => boolean, signal?: AbortSignal): { inbox: Inbox; stop: () => void } {
  const inbox = new Inbox();
  const off = svc.events.subscribe((e) => {
    if (accept(e)) inbox.push(e);
  });
  const offResync = onResync(svc.events, () => inbox.push('resync'));
  const stop = () => {
    off();
    offResync();
    signal?.removeEventListener('abort', stop);
  };
  signal?.addEventListener('abort', stop, { once: true });
  return { inbox, stop };
}

function parseLastEventId(lastEventId: string | null | undefined): string | null {
  if (lastEventId == null || lastEventId === '') return null;
  if (!EVENT_ID_PATTERN.test(lastEventId)) {
    throw new AppError('BAD_REQUEST', 'Invalid lastEventId', { fields: [{ path: 'lastEventId', message: 'is not an event id' }] });
  }
  return lastEventId;
}

/** Ends a stream whose user was deleted meanwhile. */
async function accountActive(svc: ServiceContext): Promise<void> {
  const user = await svc.db.user.findUnique({ where: { id: svc.userId }, select: { deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError('UNAUTHORIZED', 'This account has been deleted');
}

const maxId = (a: string, b: string): string => (BigInt(b) > BigInt(a) ? b : a);

/** Board events that may change who can see the board. */
function mayChangeAccess(e: BoardEvent): boolean {
  return /^(permission|board|organization)\b/.test(e.type) || e.entityType === 'board' || e.entityType === 'permission';
}

export type LiveStream<T> = AsyncGenerator<LiveItem<T>, void, undefined>;

/**
 * Opens a board's event stream for a viewer (NOT_FOUND if they cannot see it).
 * Reading it replays the events after `lastEventId` from the activity log (or, without
 * one, anything recorded since it was opened), then streams live ones, until `signal`
 * aborts or access is gone.
 */
export async function openBoardEventStream(
  svc: ServiceContext,
  input: { boardId: string; lastEventId?: string | null },
  signal?: AbortSignal,
): Promise<LiveStream<BoardEvent>> {
  const after = parseLastEventId(input.lastEventId);
  const { boardId } = input;
  await requireBoard(svc.db, svc.userId, boardId, 'VIEW');
  // Read before listening and caught up right after, so nothing slips in between.
  const start = after ?? (await latestBoardEventId(svc.db, boardId));
  const { inbox, stop } = listen(
    svc,
    (e) =>
      (e.kind === 'board' && e.boardId === boardId) || (e.kind === 'access' && (e.boardId === boardId || e.userIds.includes(svc.userId))),
    signal,
  );
  return (async function* () {
    try {
      let last = start;
      /** Ids delivered by a catch-up, so live events buffered meanwhile are not repeated. */
      const seen = new Set<string>();
      const catchUp = async function* () {
        for (;;) {
          const batch = await boardEventsAfter(svc.db, boardId, last, REPLAY_BATCH);
          for (const e of batch) {
            if (signal?.aborted) return;
            seen.add(e.id);
            if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value!);
            last = maxId(last, e.id);
            yield { id: e.id, data: e };
          }
          if (batch.length < REPLAY_BATCH) return;
        }
      };
      const stillAllowed = async () => {
        try {
          await requireBoard(svc.db, svc.userId, boardId, 'VIEW');
        } catch (err) {
          if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) {
            throw new AppError('NOT_FOUND', 'Board not found: access to it has ended');
          }
          throw err;
        }
      };

      yield* catchUp();
      for (;;) {
        const item = await inbox.next(signal);
        if (item === null) return;
        if (item === 'resync') {
          await stillAllowed();
          yield* catchUp();
          continue;
        }
        if (item.kind === 'access') {
          if (item.userIds.includes(svc.userId)) await accountActive(svc);
          await stillAllowed();
          continue;
        }
        if (item.kind !== 'board') continue;
        if (mayChangeAccess(item)) await stillAllowed();
        if (seen.delete(item.id)) continue;
        last = maxId(last, item.id);
        yield { id: item.id, data: item };
      }
    } finally {
      stop();
    }
  })();
}

/**
 * Opens the caller's notification stream: reading it replays those after
 * `lastEventId` (a seq; without one, those created since it was opened), then the
 * new ones as they come, in seq order.
 */
export async function openNotificationStream(
  svc: ServiceContext,
  input: { lastEventId?: string | null },
  signal?: AbortSignal,
): Promise<LiveStream<NotificationItem>> {
  const after = parseLastEventId(input.lastEventId);
  const start = after ?? (await latestNotificationSeq(svc.db, svc.userId));
  const { inbox, stop } = listen(
    svc,
    (e) =>
      (e.kind === 'notification' && e.userId === svc.userId) ||
      (e.kind === 'access' && e.boardId === null && e.actionPointId === null && e.userIds.includes(svc.userId)),
    signal,
  );
  return (async function* () {
    try {
      let last = start;
      const catchUp = async function* () {
        for (;;) {
          const batch = await notificationsAfter(svc.db, svc.userId, last, REPLAY_BATCH);
          for (const n of batch) {
            if (signal?.aborted) return;
            last = maxId(last, n.seq);
            yield { id: n.seq, data: n };
          }
          if (batch.length < REPLAY_BATCH) return;
        }
      };
      yield* catchUp();
      for (;;) {
        const item = await inbox.next(signal);
        if (item === null) return;
        if (item === 'resync' || item.kind === 'notification') {
          if (item !== 'resync' && BigInt(item.id) <= BigInt(last)) continue;
          // Read from the table: keeps seq order and fills any gap left by a lost event.
          yield* catchUp();
          continue;
        }
        if (item.kind === 'access') await accountActive(svc);
      }
    } finally {
      stop();
    }
  })();
}
