// Live events over SSE through the typed client (real HTTP, EventSource from the
// `eventsource` package), including two server processes on one database.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from '@ap/client/client';
import { sendClerkWebhook, startHarness, startServerProcess, type Harness, type TestUser } from './harness.ts';

type Client = ReturnType<Harness['client']>;

interface Stream<T> {
  items: { id: string; data: T }[];
  error: unknown;
  completed: boolean;
  started: Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<{ id: string; data: T }[]>;
  waitForEnd(timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Subscribes through the typed client and collects what arrives. */
function collect<T>(
  subscribe: (handlers: { onData(d: { id: string; data: T }): void; onError(e: unknown): void; onComplete(): void; onStarted(): void }) => {
    unsubscribe(): void;
  },
): Stream<T> {
  let markStarted!: () => void;
  const s: Stream<T> = {
    items: [],
    error: null,
    completed: false,
    started: new Promise<void>((r) => (markStarted = r)),
    async waitFor(count, timeoutMs = 5_000) {
      await until(() => s.items.length >= count || s.error !== null, timeoutMs, `${count} events (got ${s.items.length})`);
      if (s.error) throw s.error;
      return s.items;
    },
    async waitForEnd(timeoutMs = 5_000) {
      await until(() => s.error !== null || s.completed, timeoutMs, 'the stream to end');
    },
    unsubscribe: () => sub.unsubscribe(),
  };
  const sub = subscribe({
    onData: (d) => s.items.push(d),
    onError: (e) => {
      s.error = e;
      markStarted();
    },
    onComplete: () => {
      s.completed = true;
    },
    onStarted: () => markStarted(),
  });
  return s;
}

const boardEvents = (client: Client, input: { boardId: string; lastEventId?: string }) =>
  collect<{ type: string; boardId: string; entityId: string; actionPointId: string | null }>((handlers) =>
    client.boards.onEvent.subscribe(input, handlers as never),
  );

const notificationEvents = (client: Client, input?: { lastEventId?: string }) =>
  collect<{ id: string; type: string; actor: { id: string } | null }>((handlers) =>
    client.notifications.onNew.subscribe(input ?? {}, handlers as never),
  );

let h: Harness;
const open: Stream<unknown>[] = [];
const track = <T>(s: Stream<T>) => {
  open.push(s as Stream<unknown>);
  return s;
};

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

beforeAll(async () => {
  h = await startHarness({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET });
});
afterAll(async () => {
  for (const s of open) s.unsubscribe();
  await h?.close();
});

async function boardWithColumn(owner: TestUser) {
  const board = await h.client(owner.token).boards.create.mutate({ name: `Live ${Date.now()}` });
  return { boardId: board.id, columnId: board.columns[0]!.id };
}

const errorCode = (err: unknown) => (err as { data?: { code?: string } })?.data?.code;

describe('boards.onEvent', () => {
  it('delivers a board event to a viewer as it happens', async () => {
    const owner = await h.user();
    const viewer = await h.user();
    const { boardId, columnId } = await boardWithColumn(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: viewer.id, level: 'VIEW' });

    const stream = track(boardEvents(h.client(viewer.token), { boardId }));
    await stream.started;
    const ap = await h.client(owner.token).actionPoints.create.mutate({ title: 'Live one', boardId, columnId });
    const [first] = await stream.waitFor(1);
    expect(first!.data).toMatchObject({ type: 'actionPoint.created', boardId, actionPointId: ap.id });
    expect(first!.id).toMatch(/^\d+$/);

    await h.client(owner.token).actionPoints.update.mutate({ actionPointId: ap.id, title: 'Renamed' });
    const items = await stream.waitFor(2);
    expect(items[1]!.data.type).toBe('actionPoint.updated');
    expect(BigInt(items[1]!.id)).toBeGreaterThan(BigInt(items[0]!.id));
    stream.unsubscribe();
  });

  it('refuses a board the caller cannot see (NOT_FOUND) and a caller without a token (UNAUTHORIZED)', async () => {
    const owner = await h.user();
    const stranger = await h.user();
    const { boardId } = await boardWithColumn(owner);
    const denied = track(boardEvents(h.client(stranger.token), { boardId }));
    await denied.waitForEnd();
    expect(errorCode(denied.error)).toBe('NOT_FOUND');
    const anonymous = track(boardEvents(h.client(null), { boardId }));
    await anonymous.waitForEnd();
    expect(errorCode(anonymous.error)).toBe('UNAUTHORIZED');
  });

  it('replays what happened after the last event id when reconnecting: nothing missed, nothing repeated', async () => {
    const owner = await h.user();
    const { boardId, columnId } = await boardWithColumn(owner);
    const client = h.client(owner.token);
    const first = track(boardEvents(client, { boardId }));
    await first.started;
    await client.actionPoints.create.mutate({ title: 'Seen live', boardId, columnId });
    const [seen] = await first.waitFor(1);
    first.unsubscribe();

    // While disconnected.
    const missedA = await client.actionPoints.create.mutate({ title: 'Missed A', boardId, columnId });
    const missedB = await client.actionPoints.create.mutate({ title: 'Missed B', boardId, columnId });

    const again = track(boardEvents(client, { boardId, lastEventId: seen!.id }));
    const replayed = await again.waitFor(2);
    expect(replayed.map((e) => e.data.actionPointId)).toEqual([missedA.id, missedB.id]);
    // Then live, without repeating anything.
    const live = await client.actionPoints.create.mutate({ title: 'Live again', boardId, columnId });
    const all = await again.waitFor(3);
    expect(all.map((e) => e.data.actionPointId)).toEqual([missedA.id, missedB.id, live.id]);
    await new Promise((r) => setTimeout(r, 200));
    expect(again.items).toHaveLength(3);
    again.unsubscribe();
  });

  it('refuses a malformed lastEventId', async () => {
    const owner = await h.user();
    const { boardId } = await boardWithColumn(owner);
    const bad = track(boardEvents(h.client(owner.token), { boardId, lastEventId: 'abc' }));
    await bad.waitForEnd();
    expect(errorCode(bad.error)).toBe('BAD_REQUEST');
  });

  it('ends the stream when the subscriber loses access', async () => {
    const owner = await h.user();
    const viewer = await h.user();
    const { boardId, columnId } = await boardWithColumn(owner);
    const ownerClient = h.client(owner.token);
    await ownerClient.boardPermissions.grant.mutate({ boardId, userId: viewer.id, level: 'VIEW' });
    const stream = track(boardEvents(h.client(viewer.token), { boardId }));
    await stream.started;
    await ownerClient.actionPoints.create.mutate({ title: 'Before revoke', boardId, columnId });
    await stream.waitFor(1);

    await ownerClient.boardPermissions.revoke.mutate({ boardId, userId: viewer.id });
    await stream.waitForEnd();
    expect(errorCode(stream.error)).toBe('NOT_FOUND');
    const count = stream.items.length;
    await ownerClient.actionPoints.create.mutate({ title: 'After revoke', boardId, columnId });
    await new Promise((r) => setTimeout(r, 300));
    expect(stream.items).toHaveLength(count);
    expect(
      stream.items.some(
        (e) => e.data.type === 'actionPoint.created' && (e.data as { changes?: { title?: string } }).changes?.title === 'After revoke',
      ),
    ).toBe(false);
  });

  it('ends the stream when the board is deleted', async () => {
    const owner = await h.user();
    const viewer = await h.user();
    const { boardId } = await boardWithColumn(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: viewer.id, level: 'VIEW' });
    const stream = track(boardEvents(h.client(viewer.token), { boardId }));
    await stream.started;
    await h.client(owner.token).boards.delete.mutate({ boardId });
    await stream.waitForEnd();
    expect(errorCode(stream.error)).toBe('NOT_FOUND');
  });
});

const clerkWebhook = (type: string, data: Record<string, unknown>) => sendClerkWebhook(h, SECRET, type, data);

describe('a deleted user', () => {
  it('loses their open streams', async () => {
    const owner = await h.user();
    const gone = await h.user();
    const { boardId } = await boardWithColumn(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: gone.id, level: 'EDIT' });
    const own = await boardWithColumn(gone);
    const shared = track(boardEvents(h.client(gone.token), { boardId }));
    const mine = track(boardEvents(h.client(gone.token), { boardId: own.boardId }));
    const inbox = track(notificationEvents(h.client(gone.token)));
    await Promise.all([shared.started, mine.started, inbox.started]);

    const res = await clerkWebhook('user.deleted', { id: gone.clerkId, object: 'user', deleted: true });
    expect(res.status).toBe(200);
    await Promise.all([shared.waitForEnd(), mine.waitForEnd(), inbox.waitForEnd()]);
    expect(errorCode(shared.error)).toMatch(/NOT_FOUND|UNAUTHORIZED/);
    expect(errorCode(mine.error)).toBe('UNAUTHORIZED');
    expect(errorCode(inbox.error)).toBe('UNAUTHORIZED');
  });
});

describe('notifications.onNew', () => {
  it("streams the caller's new notifications and replays from the last id", async () => {
    const owner = await h.user();
    const friend = await h.user();
    const client = h.client(friend.token);
    const stream = track(notificationEvents(client));
    await stream.started;
    const first = await boardWithColumn(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId: first.boardId, userId: friend.id, level: 'VIEW' });
    const [n1] = await stream.waitFor(1);
    expect(n1!.data).toMatchObject({ type: 'BOARD_GRANTED', actor: { id: owner.id } });
    stream.unsubscribe();

    const second = await boardWithColumn(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId: second.boardId, userId: friend.id, level: 'VIEW' });
    const resumed = track(notificationEvents(client, { lastEventId: n1!.id }));
    const [n2] = await resumed.waitFor(1);
    expect(n2!.data.type).toBe('BOARD_GRANTED');
    expect(BigInt(n2!.id)).toBeGreaterThan(BigInt(n1!.id));
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.items).toHaveLength(1);
    resumed.unsubscribe();
  });

  it("never delivers someone else's notifications", async () => {
    const owner = await h.user();
    const friend = await h.user();
    const bystander = await h.user();
    const watching = track(notificationEvents(h.client(bystander.token)));
    await watching.started;
    const { boardId } = await boardWithColumn(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: friend.id, level: 'VIEW' });
    await new Promise((r) => setTimeout(r, 300));
    expect(watching.items).toHaveLength(0);
    watching.unsubscribe();
  });
});

describe('two server processes on one database', () => {
  // The embedded database cannot carry NOTIFY between connections (see core/event-bus.ts).
  const realPostgres = !!inject('adminDatabaseUrl');

  it.skipIf(!realPostgres)(
    'deliver each other’s events (and each event once)',
    async () => {
      // Process 2 is a separate OS process (apps/server/src/main.ts) on the same database.
      const other = await startServerProcess(h.issuer);
      const remote = (token: string) => createClient({ url: other.url, getToken: () => token });
      try {
        const owner = await h.user();
        const viewer = await h.user();
        const { boardId, columnId } = await boardWithColumn(owner);
        await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: viewer.id, level: 'VIEW' });

        // Subscribed on process 2; the change is made through process 1.
        const remoteBoard = boardEvents(remote(viewer.token), { boardId });
        const remoteInbox = notificationEvents(remote(viewer.token));
        await Promise.all([remoteBoard.started, remoteInbox.started]);
        try {
          const t0 = performance.now();
          const ap = await h.client(owner.token).actionPoints.create.mutate({ title: 'Across processes', boardId, columnId });
          const [e] = await remoteBoard.waitFor(1, 10_000);
          console.log(`cross-process board event after ${Math.round(performance.now() - t0)} ms`);
          expect(e!.data).toMatchObject({ type: 'actionPoint.created', actionPointId: ap.id });

          const second = await boardWithColumn(owner);
          await h.client(owner.token).boardPermissions.grant.mutate({ boardId: second.boardId, userId: viewer.id, level: 'COMMENT' });
          const [n] = await remoteInbox.waitFor(1, 10_000);
          expect(n!.data.type).toBe('BOARD_GRANTED');

          // Exactly once on each side: the local subscriber on process 1 sees the event once too.
          const local = track(boardEvents(h.client(owner.token), { boardId }));
          await local.started;
          await h.client(owner.token).actionPoints.create.mutate({ title: 'Once', boardId, columnId });
          await local.waitFor(1, 10_000);
          await remoteBoard.waitFor(2, 10_000);
          await new Promise((r) => setTimeout(r, 300));
          expect(local.items).toHaveLength(1);
          expect(remoteBoard.items).toHaveLength(2);
        } finally {
          remoteBoard.unsubscribe();
          remoteInbox.unsubscribe();
        }
      } finally {
        await other.close();
      }
    },
    90_000,
  );

  it.skipIf(!realPostgres)(
    'a user deleted through one is refused by the other on their next requests',
    async () => {
      const other = await startServerProcess(h.issuer);
      try {
        const gone = await h.user();
        const boards = () => fetch(`${other.url}/api/boards`, { headers: { authorization: `Bearer ${gone.token}` } }).then((r) => r.status);
        // Process 2 has seen them active (and remembers it).
        expect(await boards()).toBe(200);
        expect(await boards()).toBe(200);
        expect((await clerkWebhook('user.deleted', { id: gone.clerkId, object: 'user', deleted: true })).status).toBe(200);
        // The deletion reaches process 2 as an event; until then at most a request in flight passes.
        const until = Date.now() + 10_000;
        let status = await boards();
        while (status !== 401 && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 50));
          status = await boards();
        }
        expect(status).toBe(401);
      } finally {
        await other.close();
      }
    },
    90_000,
  );
});
