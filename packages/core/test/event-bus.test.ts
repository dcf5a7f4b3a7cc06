import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { createDb } from '@ap/db/client';
import { startEmbeddedPostgres } from '@ap/db/embedded';
import { testDatabaseUrl, testDb } from '@ap/testing/db';
import { moveActionPoint } from '../src/action-points/move.ts';
import { recordActivity } from '../src/boards/activity.ts';
import { boardEventById } from '../src/shared/events.ts';
import { createEventBus, encode, PgEventBus } from '../src/shared/event-bus.ts';
import { LocalEventBus, type DomainEvent } from '../src/shared/events.ts';

const realPostgres = !!inject('adminDatabaseUrl');
const buses: PgEventBus[] = [];
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
});

/** Two buses on one database, like two server processes (a private channel per test). */
async function pair() {
  const channel = `ap_test_${randomUUID().slice(0, 8)}`;
  const a = new PgEventBus({ url: testDatabaseUrl(), db: testDb(), channel });
  const b = new PgEventBus({ url: testDatabaseUrl(), db: testDb(), channel });
  buses.push(a, b);
  await Promise.all([a.ready, b.ready]);
  return { a, b };
}

function received(bus: PgEventBus) {
  const events: DomainEvent[] = [];
  bus.subscribe((e) => events.push(e));
  return events;
}

async function until(check: () => boolean, ms = 2_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const notification = (id: string): DomainEvent => ({
  kind: 'notification',
  id,
  notificationId: randomUUID(),
  userId: randomUUID(),
  type: 'MENTIONED',
  at: new Date().toISOString(),
});

describe.skipIf(!realPostgres)('PgEventBus (PostgreSQL LISTEN/NOTIFY)', () => {
  it('delivers each event exactly once to the listeners of both processes', async () => {
    const { a, b } = await pair();
    const onA = received(a);
    const onB = received(b);
    for (let i = 1; i <= 5; i++) await a.publish(notification(String(i)));
    await b.publish(notification('6'));
    await until(() => onA.length >= 6 && onB.length >= 6);
    await new Promise((r) => setTimeout(r, 200));
    // Exactly once each; one publisher's events keep their order (across publishers no order is promised).
    for (const seen of [onA, onB]) {
      const ids = seen.map((e) => e.id);
      expect([...ids].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(ids.filter((id) => id !== '6')).toEqual(['1', '2', '3', '4', '5']);
    }
  });

  it('sends a board event too large for NOTIFY by reference and re-reads it', async () => {
    const { a, b } = await pair();
    const onB = received(b);
    const board = await testDb().board.create({
      data: { name: 'Big', owner: { create: { clerkId: `user_${randomUUID()}` } } },
      select: { id: true, ownerId: true },
    });
    const event = await recordActivity(testDb(), {
      boardId: board.id,
      by: { userId: board.ownerId, actor: { type: 'user' } },
      action: 'actionPoint.updated',
      entityType: 'actionPoint',
      entityId: randomUUID(),
      changes: { description: { from: null, to: 'x'.repeat(20_000) } },
    });
    expect(encode(a.origin, event)).toHaveLength(1);
    expect(encode(a.origin, event)[0]!.length).toBeLessThan(200);
    await a.publish(event);
    await until(() => onB.length === 1);
    expect(onB[0]).toEqual(event);
  });

  it('carries a move announced by its own statement, the same event on both sides, once', async () => {
    const { a, b } = await pair();
    const onA = received(a);
    const onB = received(b);
    const db = testDb();
    const owner = await db.user.create({ data: { clerkId: `user_${randomUUID()}` } });
    const board = await db.board.create({ data: { name: 'Moves', ownerId: owner.id } });
    const column = await db.column.create({ data: { boardId: board.id, name: 'One', rank: 'i' } });
    const ap = await db.actionPoint.create({ data: { title: 'Moved', ownerId: owner.id } });
    await db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: board.id, columnId: column.id, rank: 'a' } });
    const other = await db.actionPoint.create({ data: { title: 'Other', ownerId: owner.id } });
    await db.actionPointBoardAssociation.create({ data: { actionPointId: other.id, boardId: board.id, columnId: column.id, rank: 'b' } });

    const publish = vi.spyOn(a, 'publish');
    await moveActionPoint(
      { db, events: a, userId: owner.id, actor: { type: 'user' as const } },
      { boardId: board.id, actionPointId: ap.id, columnId: column.id },
    );
    // The move's statement sent it: no NOTIFY of its own.
    expect(publish).not.toHaveBeenCalled();
    await until(() => onB.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(onA).toHaveLength(1);
    expect(onB).toHaveLength(1);
    const stored = await boardEventById(db, onA[0]!.id);
    expect(onA[0]).toEqual(stored);
    expect(onB[0]).toEqual(stored);
    expect(stored).toMatchObject({ type: 'actionPoint.moved', actionPointId: ap.id, actorId: owner.id, boardId: board.id });
  });

  it('splits a large access event', async () => {
    const { a, b } = await pair();
    const onB = received(b);
    const userIds = Array.from({ length: 400 }, () => randomUUID());
    const event: DomainEvent = {
      kind: 'access',
      id: 'x',
      boardId: randomUUID(),
      actionPointId: null,
      userIds,
      at: new Date().toISOString(),
    };
    expect(encode(a.origin, event).length).toBeGreaterThan(1);
    await a.publish(event);
    await until(() => onB.flatMap((e) => (e.kind === 'access' ? e.userIds : [])).length === 400);
    expect(new Set(onB.flatMap((e) => (e.kind === 'access' ? e.userIds : [])))).toEqual(new Set(userIds));
  });

  it('reconnects a dropped listening connection and asks subscribers to resynchronize', async () => {
    const { a, b } = await pair();
    const onB = received(b);
    let resyncs = 0;
    b.onResync(() => resyncs++);
    await b.dropConnection();
    await until(() => resyncs === 1, 5_000);
    await a.publish(notification('after-reconnect'));
    await until(() => onB.some((e) => e.id === 'after-reconnect'));
  });

  it('still delivers locally when NOTIFY fails', async () => {
    const warnings: unknown[] = [];
    const bus = new PgEventBus({
      url: testDatabaseUrl(),
      db: { $executeRaw: () => Promise.reject(new Error('down')) } as never,
      channel: 'ap_test_down',
      log: { warn: (o) => warnings.push(o) },
    });
    buses.push(bus);
    await bus.ready;
    const got = received(bus);
    await bus.publish(notification('local'));
    expect(got.map((e) => e.id)).toEqual(['local']);
    expect(warnings).toHaveLength(1);
  });

  it('createEventBus picks LISTEN/NOTIFY on PostgreSQL', async () => {
    const bus = await createEventBus({ url: testDatabaseUrl(), db: testDb(), channel: `ap_test_${randomUUID().slice(0, 8)}` });
    buses.push(bus as PgEventBus);
    expect(bus).toBeInstanceOf(PgEventBus);
  });
});

describe('createEventBus on the embedded database', () => {
  it('falls back to in-process delivery: NOTIFY does not reach other connections there', async () => {
    const embedded = await startEmbeddedPostgres({});
    const db = createDb(embedded.url, { max: 2 });
    try {
      const warnings: unknown[] = [];
      const bus = await createEventBus({ url: embedded.url, db, log: { warn: (o, m) => warnings.push(m ?? o) } });
      expect(bus).toBeInstanceOf(LocalEventBus);
      expect(warnings.join(' ')).toMatch(/LISTEN\/NOTIFY/);
      const got: DomainEvent[] = [];
      bus.subscribe((e) => got.push(e));
      await bus.publish(notification('1'));
      expect(got).toHaveLength(1);
    } finally {
      await db.$disconnect();
      await embedded.close();
    }
  });
});
