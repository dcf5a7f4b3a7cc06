import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { recordActivity } from '../src/boards/activity.ts';
import type { ResyncingEventBus } from '../src/shared/event-bus.ts';
import { LocalEventBus, type DomainEvent } from '../src/shared/events.ts';
import { openBoardEventStream, openNotificationStream, type LiveItem } from '../src/collaboration/live.ts';
import { notify } from '../src/collaboration/notifications.ts';

/** An in-process bus that can also signal a resync (like PgEventBus after a reconnect). */
class TestBus extends LocalEventBus implements ResyncingEventBus {
  private resyncers = new Set<() => void>();
  onResync(listener: () => void) {
    this.resyncers.add(listener);
    return () => this.resyncers.delete(listener);
  }
  resync() {
    for (const r of this.resyncers) r();
  }
  /** The stream has subscribed (it registers for resyncs when it listens). */
  get subscribed() {
    return this.resyncers.size > 0;
  }
}

const db = () => testDb();
const newUser = () => db().user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });

async function setup() {
  const owner = await newUser();
  const viewer = await newUser();
  const board = await db().board.create({ data: { name: 'B', ownerId: owner.id }, select: { id: true } });
  await db().boardPermission.create({ data: { boardId: board.id, userId: viewer.id, level: 'VIEW' } });
  return { owner, viewer, boardId: board.id };
}

const activity = (boardId: string, actorId: string, title: string) =>
  recordActivity(db(), {
    boardId,
    by: { userId: actorId, actor: { type: 'user' as const } },
    action: 'actionPoint.created',
    entityType: 'actionPoint',
    entityId: randomUUID(),
    changes: { title },
  });

/** Pulls items from a stream in the background. */
function drain<T>(opening: Promise<AsyncGenerator<LiveItem<T>>>) {
  const items: LiveItem<T>[] = [];
  let error: unknown = null;
  let done = false;
  const run = (async () => {
    try {
      for await (const item of await opening) items.push(item);
    } catch (err) {
      error = err;
    } finally {
      done = true;
    }
  })();
  return {
    items,
    get error() {
      return error;
    },
    get done() {
      return done;
    },
    run,
  };
}

async function until(check: () => boolean, ms = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('boardEventStream', () => {
  it('replays after the last id, then streams live events without repeating replayed ones', async () => {
    const { owner, viewer, boardId } = await setup();
    const bus = new TestBus();
    const a = await activity(boardId, owner.id, 'a');
    const b = await activity(boardId, owner.id, 'b');
    const c = await activity(boardId, owner.id, 'c');
    const ac = new AbortController();
    const s = drain(
      openBoardEventStream(
        { db: db(), events: bus, userId: viewer.id, actor: { type: 'user' as const } },
        { boardId, lastEventId: a.id },
        ac.signal,
      ),
    );
    await until(() => s.items.length === 2);
    // c published late (after the replay read it) is not delivered twice.
    bus.publish(c);
    const d = await activity(boardId, owner.id, 'd');
    bus.publish(d);
    await until(() => s.items.length === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.items.map((i) => i.id)).toEqual([b.id, c.id, d.id]);
    ac.abort();
    await s.run;
    expect(s.error).toBeNull();
  });

  it('catches up from the activity log on resync (events lost while the bus was disconnected)', async () => {
    const { owner, viewer, boardId } = await setup();
    const bus = new TestBus();
    const ac = new AbortController();
    const s = drain(
      openBoardEventStream({ db: db(), events: bus, userId: viewer.id, actor: { type: 'user' as const } }, { boardId }, ac.signal),
    );
    await until(() => bus.subscribed);
    const live = await activity(boardId, owner.id, 'live');
    bus.publish(live);
    await until(() => s.items.length === 1);
    const lost1 = await activity(boardId, owner.id, 'lost 1');
    const lost2 = await activity(boardId, owner.id, 'lost 2');
    bus.resync();
    await until(() => s.items.length === 3);
    expect(s.items.map((i) => i.id)).toEqual([live.id, lost1.id, lost2.id]);
    ac.abort();
    await s.run;
  });

  it('ignores other boards and ends with NOT_FOUND once access is revoked', async () => {
    const { owner, viewer, boardId } = await setup();
    const other = await setup();
    const bus = new TestBus();
    const s = drain(openBoardEventStream({ db: db(), events: bus, userId: viewer.id, actor: { type: 'user' as const } }, { boardId }));
    await until(() => bus.subscribed);
    bus.publish(await activity(other.boardId, other.owner.id, 'elsewhere'));
    await db().boardPermission.deleteMany({ where: { boardId, userId: viewer.id } });
    const access: DomainEvent = {
      kind: 'access',
      id: 'x',
      boardId,
      actionPointId: null,
      userIds: [viewer.id],
      at: new Date().toISOString(),
    };
    bus.publish(access);
    await s.run;
    expect(s.items).toHaveLength(0);
    expect(s.error).toMatchObject({ code: 'NOT_FOUND' });
    void owner;
  });

  it('refuses a board the caller cannot see', async () => {
    const { boardId } = await setup();
    const stranger = await newUser();
    const s = drain(
      openBoardEventStream({ db: db(), events: new TestBus(), userId: stranger.id, actor: { type: 'user' as const } }, { boardId }),
    );
    await s.run;
    expect(s.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('notificationStream', () => {
  it('starts after the newest stored notification, streams new ones and catches up on resync', async () => {
    const { owner, viewer } = await setup();
    const bus = new TestBus();
    const send = async () => {
      const events: DomainEvent[] = [];
      await notify(db(), { recipients: [viewer.id], type: 'MENTIONED', actorId: owner.id }, events);
      return events[0]!;
    };
    await send(); // before subscribing: not delivered
    const ac = new AbortController();
    const s = drain(openNotificationStream({ db: db(), events: bus, userId: viewer.id, actor: { type: 'user' as const } }, {}, ac.signal));
    await new Promise((r) => setTimeout(r, 100));
    const e1 = await send();
    bus.publish(e1);
    await until(() => s.items.length === 1);
    expect(s.items[0]!.id).toBe(e1.id);
    expect(s.items[0]!.data).toMatchObject({ type: 'MENTIONED', actor: { id: owner.id }, readAt: null });
    const lost = await send(); // never published
    bus.resync();
    await until(() => s.items.length === 2);
    expect(s.items[1]!.id).toBe(lost.id);
    // A notification for someone else is not delivered.
    const events: DomainEvent[] = [];
    await notify(db(), { recipients: [owner.id], type: 'MENTIONED', actorId: viewer.id }, events);
    bus.publish(events[0]!);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.items).toHaveLength(2);
    ac.abort();
    await s.run;
  });
});
