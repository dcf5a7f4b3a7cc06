// Boards: create / get / list / update / delete, the whole-board view, activity and
// domain events, over tRPC (in-process and HTTP) and REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@ap/core/shared/events';
import { viewBoard } from '@ap/core/boards/boards';
import type { Db } from '@ap/db/client';
import { testDb } from '@ap/testing/db';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('boards.create / get', () => {
  it('creates a board with the default columns in order, owned by the caller', async () => {
    const u = await h.user();
    const board = await h.caller(u.token).boards.create({ name: '  Roadmap  ' });
    expect(board.name).toBe('Roadmap');
    expect(board.ownerId).toBe(u.id);
    expect(board.level).toBe('ADMIN');
    expect(board.version).toBe(1);
    expect(board.columns.map((c) => c.name)).toEqual(['To do', 'In progress', 'Done']);
    const ranks = board.columns.map((c) => c.rank);
    expect([...ranks].sort()).toEqual(ranks);

    const got = await h.client(u.token).boards.get.query({ boardId: board.id });
    expect(got.id).toBe(board.id);
    expect(got.columns.map((c) => c.id)).toEqual(board.columns.map((c) => c.id));
    expect(got.level).toBe('ADMIN');
  });

  it('creates the columns given, in that order, over REST', async () => {
    const u = await h.user();
    const res = await h.rest('POST', '/api/boards', {
      token: u.token,
      body: { name: 'Sprint', description: 'Two weeks', columns: ['Backlog', 'Doing', 'Review', 'Shipped'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('Two weeks');
    expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(['Backlog', 'Doing', 'Review', 'Shipped']);
    const get = await h.rest('GET', `/api/boards/${res.body.id}`, { token: u.token });
    expect(get.status).toBe(200);
    expect(get.body.columns.map((c: { name: string }) => c.name)).toEqual(['Backlog', 'Doing', 'Review', 'Shipped']);
  });

  it('refuses unknown fields, empty or oversized names and too many columns', async () => {
    const u = await h.user();
    const other = await h.user();
    for (const body of [
      { name: 'x', ownerId: other.id },
      { name: 'x', id: '00000000-0000-4000-8000-000000000000' },
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(201) },
      { name: 'x', columns: [] },
      { name: 'x', columns: Array.from({ length: 51 }, (_, i) => `c${i}`) },
      { name: 'x', columns: ['y'.repeat(101)] },
      { name: 'x', description: 'd'.repeat(5001) },
    ]) {
      const res = await h.rest('POST', '/api/boards', { token: u.token, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    }
    expect(await codeOf(h.caller(u.token).boards.create({ name: 'x', ownerId: other.id } as never))).toBe('BAD_REQUEST');
    // Nothing was created on the other user's behalf.
    const list = await h.caller(other.token).boards.list({ limit: 200 });
    expect(list.items.filter((b) => b.name === 'x')).toHaveLength(0);
  });

  it('hides a board from a stranger (NOT_FOUND) and requires a session', async () => {
    const [owner, stranger] = await Promise.all([h.user(), h.user()]);
    const board = await h.caller(owner.token).boards.create({ name: 'Private' });
    expect(await codeOf(h.caller(stranger.token).boards.get({ boardId: board.id }))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/boards/${board.id}`, { token: stranger.token })).status).toBe(404);
    expect((await h.rest('GET', `/api/boards/${board.id}/view`, { token: stranger.token })).status).toBe(404);
    expect((await h.rest('GET', `/api/boards/${board.id}`)).status).toBe(401);
    expect((await h.rest('GET', '/api/boards/not-a-uuid', { token: owner.token })).status).toBe(400);
  });
});

describe('boards.list', () => {
  it('lists the boards the caller can see, keyset-paginated, with their level', async () => {
    const [u, friend] = await Promise.all([h.user(), h.user()]);
    const own: { id: string }[] = [];
    for (let i = 0; i < 5; i++) own.push(await h.caller(u.token).boards.create({ name: `Mine ${i}` }));
    const shared = await h.caller(friend.token).boards.create({ name: 'Shared with u' });
    await h.caller(friend.token).boardPermissions.grant({ boardId: shared.id, userId: u.id, level: 'COMMENT' });
    await h.caller(friend.token).boards.create({ name: 'Not shared' });

    const seen: { id: string; level: string; name: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await h.caller(u.token).boards.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    const ids = seen.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The personal workspace board may exist too; ours and the shared one are there, the other is not.
    for (const b of own) expect(ids).toContain(b.id);
    expect(ids).toContain(shared.id);
    expect(seen.find((b) => b.id === shared.id)!.level).toBe('COMMENT');
    expect(seen.find((b) => b.id === own[0]!.id)!.level).toBe('ADMIN');
    expect(seen.some((b) => b.name === 'Not shared')).toBe(false);
    // Newest first.
    expect(ids.indexOf(own[4]!.id)).toBeLessThan(ids.indexOf(own[0]!.id));
  });

  it('caps the page size and refuses a forged cursor', async () => {
    const u = await h.user();
    expect((await h.rest('GET', '/api/boards?limit=201', { token: u.token })).status).toBe(400);
    expect((await h.rest('GET', '/api/boards?limit=0', { token: u.token })).status).toBe(400);
    expect((await h.rest('GET', '/api/boards?cursor=garbage', { token: u.token })).status).toBe(400);
    const ok = await h.rest('GET', '/api/boards?limit=200', { token: u.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveProperty('nextCursor');
  });
});

describe('boards.update / delete', () => {
  it('updates with an optional expectedVersion: stale is CONFLICT', async () => {
    const u = await h.user();
    const board = await h.caller(u.token).boards.create({ name: 'Before' });
    const v2 = await h.caller(u.token).boards.update({ boardId: board.id, name: 'After', expectedVersion: 1 });
    expect(v2.name).toBe('After');
    expect(v2.version).toBe(2);
    expect(await codeOf(h.caller(u.token).boards.update({ boardId: board.id, name: 'Stale', expectedVersion: 1 }))).toBe('CONFLICT');
    const rest = await h.rest('PATCH', `/api/boards/${board.id}`, {
      token: u.token,
      body: { description: 'x', expectedVersion: 1 },
    });
    expect(rest.status).toBe(409);
    const ok = await h.rest('PATCH', `/api/boards/${board.id}`, { token: u.token, body: { description: 'Now described' } });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(3);
    expect((await h.caller(u.token).boards.get({ boardId: board.id })).name).toBe('After');
    expect((await h.rest('PATCH', `/api/boards/${board.id}`, { token: u.token, body: { ownerId: u.id } })).status).toBe(400);
  });

  it('lets EDIT rename, VIEW not; only the owner deletes (an ADMIN grantee gets FORBIDDEN)', async () => {
    const [owner, viewer, editor, admin] = await Promise.all([h.user(), h.user(), h.user(), h.user()]);
    const o = h.caller(owner.token);
    const board = await o.boards.create({ name: 'Team' });
    await o.boardPermissions.grant({ boardId: board.id, userId: viewer.id, level: 'VIEW' });
    await o.boardPermissions.grant({ boardId: board.id, userId: editor.id, level: 'EDIT' });
    await o.boardPermissions.grant({ boardId: board.id, userId: admin.id, level: 'ADMIN' });

    expect(await codeOf(h.caller(viewer.token).boards.update({ boardId: board.id, name: 'v' }))).toBe('FORBIDDEN');
    expect((await h.caller(editor.token).boards.update({ boardId: board.id, name: 'Edited' })).name).toBe('Edited');
    expect(await codeOf(h.caller(editor.token).boards.delete({ boardId: board.id }))).toBe('FORBIDDEN');
    expect((await h.rest('DELETE', `/api/boards/${board.id}`, { token: viewer.token })).status).toBe(403);

    expect(await codeOf(h.caller(admin.token).boards.delete({ boardId: board.id }))).toBe('FORBIDDEN');
    expect((await h.rest('DELETE', `/api/boards/${board.id}`, { token: admin.token })).status).toBe(403);
    expect((await o.boards.get({ boardId: board.id })).id).toBe(board.id);

    const del = await h.rest('DELETE', `/api/boards/${board.id}`, { token: owner.token });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ ok: true });
    expect(await codeOf(o.boards.get({ boardId: board.id }))).toBe('NOT_FOUND');
  });

  it('deletes a board with its columns and positions; the action points stay', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const a = await c.boards.create({ name: 'A' });
    const b = await c.boards.create({ name: 'B' });
    const ap = await c.actionPoints.create({ title: 'Survivor', boardId: a.id, columnId: a.columns[1]!.id });
    await c.actionPoints.addToBoard({ boardId: b.id, actionPointId: ap.id, columnId: b.columns[0]!.id });
    const onlyA = await c.actionPoints.create({ title: 'Only on A', boardId: a.id, columnId: a.columns[0]!.id });

    await c.boards.delete({ boardId: a.id });
    const after = await c.actionPoints.get({ actionPointId: ap.id });
    expect(after.boards.map((x) => x.boardId)).toEqual([b.id]);
    expect((await c.actionPoints.get({ actionPointId: onlyA.id })).boards).toEqual([]);
    const db = testDb();
    expect(await db.column.count({ where: { boardId: a.id } })).toBe(0);
    expect(await db.actionPointBoardAssociation.count({ where: { boardId: a.id } })).toBe(0);
  });
});

describe('boards.view', () => {
  async function seed(u: TestUser) {
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'View me', columns: ['One', 'Two', 'Three'] });
    const [one, two] = board.columns;
    const tagA = await c.tags.create({ boardId: board.id, name: 'alpha', color: '#ff0000' });
    const tagB = await c.tags.create({ boardId: board.id, name: 'beta', color: '#00ff00' });
    const titles: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ap = await c.actionPoints.create({
        title: `one-${i}`,
        boardId: board.id,
        columnId: one!.id,
        ...(i === 0 ? { assigneeId: u.id } : {}),
      });
      titles.push(ap.title);
      if (i === 0) {
        await c.tags.attach({ actionPointId: ap.id, tagId: tagB.id });
        await c.tags.attach({ actionPointId: ap.id, tagId: tagA.id });
      }
    }
    await c.actionPoints.create({ title: 'two-0', boardId: board.id, columnId: two!.id });
    return { board, titles, tagA, tagB };
  }

  it('returns columns in order with their first items in rank order, tags, assignee and cursors', async () => {
    const u = await h.user();
    const { board, tagA, tagB } = await seed(u);
    const view = await h.client(u.token).boards.view.query({ boardId: board.id, limitPerColumn: 3 });
    expect(view.board.id).toBe(board.id);
    expect(view.board.level).toBe('ADMIN');
    expect(view.columns.map((c) => c.name)).toEqual(['One', 'Two', 'Three']);
    const [one, two, three] = view.columns;
    expect(one!.items.map((i) => i.title)).toEqual(['one-0', 'one-1', 'one-2']);
    expect(one!.nextCursor).toEqual(expect.any(String));
    expect(two!.items.map((i) => i.title)).toEqual(['two-0']);
    expect(two!.nextCursor).toBeNull();
    expect(three!.items).toEqual([]);
    expect(three!.nextCursor).toBeNull();

    const first = one!.items[0]!;
    expect(first.tags).toEqual([
      { id: tagA.id, name: 'alpha', color: '#ff0000' },
      { id: tagB.id, name: 'beta', color: '#00ff00' },
    ]);
    expect(first.assignee).toMatchObject({ id: u.id, email: u.email });
    expect(first.assigneeId).toBe(u.id);
    expect(first.columnId).toBe(one!.id);
    expect(one!.items[1]!.assignee).toBeNull();
    expect(one!.items[1]!.tags).toEqual([]);
    const ranks = one!.items.map((i) => i.rank);
    expect([...ranks].sort()).toEqual(ranks);

    // The cursor continues the column with columns.items.
    const rest = await h.caller(u.token).columns.items({ columnId: one!.id, cursor: one!.nextCursor!, limit: 50 });
    expect(rest.items.map((i) => i.title)).toEqual(['one-3', 'one-4']);
    expect(rest.nextCursor).toBeNull();
  });

  it('is the same over REST, defaults to 50 per column and caps limitPerColumn at 200', async () => {
    const u = await h.user();
    const { board } = await seed(u);
    const res = await h.rest('GET', `/api/boards/${board.id}/view`, { token: u.token });
    expect(res.status).toBe(200);
    expect(res.body.columns[0].items).toHaveLength(5);
    expect(res.body.columns[0].nextCursor).toBeNull();
    expect(res.body.columns[0].items[0].tags.map((t: { name: string }) => t.name)).toEqual(['alpha', 'beta']);
    expect(typeof res.body.columns[0].items[0].createdAt).toBe('string');
    const two = await h.rest('GET', `/api/boards/${board.id}/view?limitPerColumn=2`, { token: u.token });
    expect(two.body.columns[0].items).toHaveLength(2);
    expect((await h.rest('GET', `/api/boards/${board.id}/view?limitPerColumn=200`, { token: u.token })).status).toBe(200);
    expect((await h.rest('GET', `/api/boards/${board.id}/view?limitPerColumn=201`, { token: u.token })).status).toBe(400);
    expect((await h.rest('GET', `/api/boards/${board.id}/view?limitPerColumn=0`, { token: u.token })).status).toBe(400);
  });

  it("shows a viewer the board, and only this board's tags on a shared action point", async () => {
    const [u, viewer] = await Promise.all([h.user(), h.user()]);
    const { board } = await seed(u);
    const c = h.caller(u.token);
    const other = await c.boards.create({ name: 'Other' });
    const otherTag = await c.tags.create({ boardId: other.id, name: 'elsewhere', color: '#0000ff' });
    const view0 = await c.boards.view({ boardId: board.id });
    const first = view0.columns[0]!.items[0]!;
    await c.actionPoints.addToBoard({ boardId: other.id, actionPointId: first.id, columnId: other.columns[0]!.id });
    await c.tags.attach({ actionPointId: first.id, tagId: otherTag.id });
    await c.boardPermissions.grant({ boardId: board.id, userId: viewer.id, level: 'VIEW' });

    const view = await h.caller(viewer.token).boards.view({ boardId: board.id });
    expect(view.board.level).toBe('VIEW');
    expect(view.columns[0]!.items[0]!.tags.map((t) => t.name)).toEqual(['alpha', 'beta']);
    const otherView = await c.boards.view({ boardId: other.id });
    expect(otherView.columns[0]!.items[0]!.tags.map((t) => t.name)).toEqual(['elsewhere']);
  });

  it('reads a fixed number of queries whatever the number of items', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const small = await c.boards.create({ name: 'Small', columns: ['a', 'b'] });
    const big = await c.boards.create({ name: 'Big', columns: ['a', 'b', 'c', 'd', 'e'] });
    await c.actionPoints.create({ title: 's', boardId: small.id, columnId: small.columns[0]!.id });
    const db = testDb();
    const tag = await c.tags.create({ boardId: big.id, name: 't', color: '#123456' });
    for (const col of big.columns) {
      for (let i = 0; i < 12; i++) {
        const ap = await db.actionPoint.create({
          data: { title: `${col.name}${i}`, ownerId: u.id, assigneeId: u.id },
          select: { id: true },
        });
        await db.actionPointBoardAssociation.create({
          data: { actionPointId: ap.id, boardId: big.id, columnId: col.id, rank: `i${String(i + 1).padStart(3, '0')}1` },
        });
        await db.actionPointTag.create({ data: { actionPointId: ap.id, boardId: big.id, tagId: tag.id } });
      }
    }
    const count = async (boardId: string) => {
      let calls = 0;
      const counting = countingDb(db, () => calls++);
      const view = await viewBoard(
        { db: counting, events: h.server.deps.events, userId: u.id, actor: { type: 'user' as const } },
        { boardId, limitPerColumn: 10 },
      );
      return { calls, items: view.columns.reduce((n, col) => n + col.items.length, 0), view };
    };
    const a = await count(small.id);
    const b = await count(big.id);
    expect(a.items).toBe(1);
    expect(b.items).toBe(50);
    expect(b.calls).toBe(a.calls);
    expect(b.calls).toBeLessThanOrEqual(3);
    expect(b.view.columns.every((col) => col.items.every((i) => i.tags.length === 1 && i.assignee?.id === u.id))).toBe(true);
  });
});

/** A Db whose model operations and raw queries call `onCall` (counts database round trips made by core). */
function countingDb(db: Db, onCall: () => void): Db {
  const wrapModel = (model: object) =>
    new Proxy(model, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function'
          ? (...args: unknown[]) => {
              onCall();
              return (v as (...a: unknown[]) => unknown).apply(target, args);
            }
          : v;
      },
    });
  return new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (prop === '$queryRaw' || prop === '$executeRaw') {
        return (...args: unknown[]) => {
          onCall();
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (typeof prop === 'string' && !prop.startsWith('$') && v && typeof v === 'object') return wrapModel(v);
      return v;
    },
  });
}

describe('activity and domain events', () => {
  it('records every change on the board with actor and what changed, and publishes it after commit', async () => {
    const u = await h.user();
    const received: DomainEvent[] = [];
    const off = h.server.deps.events.subscribe((e) => received.push(e));
    try {
      const c = h.caller(u.token);
      const board = await c.boards.create({ name: 'Logged' });
      await c.boards.update({ boardId: board.id, name: 'Logged again' });
      const col = await c.columns.create({ boardId: board.id, name: 'Extra' });
      await c.columns.move({ columnId: col.id, beforeId: board.columns[0]!.id });
      await c.columns.update({ columnId: col.id, name: 'Renamed' });
      const ap = await c.actionPoints.create({ title: 'Task', boardId: board.id, columnId: col.id });
      await c.actionPoints.update({ actionPointId: ap.id, title: 'Task 2' });
      await c.actionPoints.move({ boardId: board.id, actionPointId: ap.id, columnId: board.columns[1]!.id });
      await c.columns.delete({ columnId: col.id });
      // A failed change leaves no trace.
      await codeOf(c.boards.update({ boardId: board.id, name: 'nope', expectedVersion: 1 }));

      const activity = await c.boards.activity({ boardId: board.id, limit: 50 });
      const actions = activity.items.map((a) => a.action).reverse();
      expect(actions).toEqual([
        'board.created',
        'board.updated',
        'column.created',
        'column.moved',
        'column.updated',
        'actionPoint.created',
        'actionPoint.updated',
        'actionPoint.moved',
        'column.deleted',
      ]);
      for (const a of activity.items) expect(a.actorId).toBe(u.id);
      const renamed = activity.items.find((a) => a.action === 'board.updated')!;
      expect(renamed.changes).toEqual({ name: { from: 'Logged', to: 'Logged again' } });
      const moved = activity.items.find((a) => a.action === 'actionPoint.moved')!;
      expect(moved.entityId).toBe(ap.id);
      expect(moved.changes).toMatchObject({ columnId: { from: col.id, to: board.columns[1]!.id } });

      await new Promise((r) => setTimeout(r, 200));
      const mine = received.filter((e): e is Extract<DomainEvent, { kind: 'board' }> => e.kind === 'board' && e.boardId === board.id);
      expect(mine.map((e) => e.type)).toEqual(actions);
      expect(mine.map((e) => e.id)).toEqual(activity.items.map((a) => a.id).reverse());
    } finally {
      off();
    }
  });
});

describe('boards in an organization', () => {
  it('a member creates one; the organization’s admins get ADMIN on it; a non-member cannot use the organization', async () => {
    const db = h.server.deps.db;
    const [member, admin, outsider] = await Promise.all([h.user(), h.user(), h.user()]);
    const suffix = crypto.randomUUID().slice(0, 8);
    const [memberRole, adminRole] = await Promise.all([
      db.role.create({ data: { key: `org:member-${suffix}`, name: 'Member' } }),
      db.role.create({ data: { key: `org:admin-${suffix}`, name: 'Admin', isAdmin: true } }),
    ]);
    const org = await db.organization.create({
      data: {
        clerkId: `org_${suffix}`,
        name: 'Acme',
        members: {
          create: [
            { userId: member.id, roleId: memberRole.id },
            { userId: admin.id, roleId: adminRole.id },
          ],
        },
      },
    });
    const created = await h.rest('POST', '/api/boards', { token: member.token, body: { name: 'Team board', organizationId: org.id } });
    expect(created.status).toBe(201);
    expect(created.body.organizationId).toBe(org.id);
    const asAdmin = await h.caller(admin.token).boards.get({ boardId: created.body.id });
    expect(asAdmin.level).toBe('ADMIN');
    const refused = await h.rest('POST', '/api/boards', { token: outsider.token, body: { name: 'Sneaky', organizationId: org.id } });
    expect(refused.status).toBe(404);
    expect(await db.board.count({ where: { name: 'Sneaky', ownerId: outsider.id } })).toBe(0);
  });
});
