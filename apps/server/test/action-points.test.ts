// Action points on many boards: create, get, list, update (expectedVersion), delete,
// add to / remove from a board, move within and across columns of one board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RANK_LENGTH } from '@ap/core/action-points/lexorank';
import { testDb } from '@ap/testing/db';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function titles(u: TestUser, boardId: string, column = 0): Promise<string[]> {
  const view = await h.caller(u.token).boards.view({ boardId, limitPerColumn: 200 });
  const items = view.columns[column]!.items;
  const ranks = items.map((i) => i.rank);
  expect([...ranks].sort()).toEqual(ranks);
  return items.map((i) => i.title);
}

describe('actionPoints.create / get', () => {
  it('creates an action point off any board, or last in a column', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const loose = await c.actionPoints.create({ title: 'Loose', description: 'no board', dueDate: '2030-01-02T03:04:05.000Z' });
    expect(loose).toMatchObject({ title: 'Loose', description: 'no board', ownerId: u.id, version: 1, level: 'ADMIN', boards: [] });
    expect(loose.dueDate).toBe('2030-01-02T03:04:05.000Z');

    const board = await c.boards.create({ name: 'Create' });
    const col = board.columns[1]!;
    for (const t of ['a', 'b', 'c']) await c.actionPoints.create({ title: t, boardId: board.id, columnId: col.id });
    const rest = await h.rest('POST', '/api/action-points', {
      token: u.token,
      body: { title: 'd', boardId: board.id, columnId: col.id },
    });
    expect(rest.status).toBe(201);
    expect(rest.body.boards).toEqual([
      expect.objectContaining({ boardId: board.id, boardName: 'Create', columnId: col.id, columnName: 'In progress', level: 'ADMIN' }),
    ]);
    expect(await titles(u, board.id, 1)).toEqual(['a', 'b', 'c', 'd']);
    const got = await h.rest('GET', `/api/action-points/${rest.body.id}`, { token: u.token });
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(rest.body.id);
  });

  it('refuses unknown fields, bad lengths, and a column without its board', async () => {
    const u = await h.user();
    const board = await h.caller(u.token).boards.create({ name: 'Strict' });
    for (const body of [
      { title: 'x', ownerId: u.id },
      { title: 'x', id: '00000000-0000-4000-8000-000000000000' },
      { title: 'x', version: 7 },
      { title: '' },
      { title: 't'.repeat(201) },
      { title: 'x', description: 'd'.repeat(10_001) },
      { title: 'x', dueDate: 'tomorrow' },
      { title: 'x', columnId: board.columns[0]!.id },
      { title: 'x', boardId: board.id },
    ]) {
      const res = await h.rest('POST', '/api/action-points', { token: u.token, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const other = await h.caller(u.token).boards.create({ name: 'Other' });
    expect(await codeOf(h.caller(u.token).actionPoints.create({ title: 'x', boardId: board.id, columnId: other.columns[0]!.id }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('needs EDIT on the board to create there; shows only the boards the caller can see', async () => {
    const [owner, viewer, editor] = await Promise.all([h.user(), h.user(), h.user()]);
    const o = h.caller(owner.token);
    const a = await o.boards.create({ name: 'A' });
    const b = await o.boards.create({ name: 'B' });
    await o.boardPermissions.grant({ boardId: a.id, userId: viewer.id, level: 'VIEW' });
    await o.boardPermissions.grant({ boardId: b.id, userId: editor.id, level: 'EDIT' });
    expect(await codeOf(h.caller(viewer.token).actionPoints.create({ title: 'x', boardId: a.id, columnId: a.columns[0]!.id }))).toBe(
      'FORBIDDEN',
    );

    const ap = await o.actionPoints.create({ title: 'On two', boardId: a.id, columnId: a.columns[0]!.id });
    await o.actionPoints.addToBoard({ boardId: b.id, actionPointId: ap.id, columnId: b.columns[2]!.id });
    const asOwner = await o.actionPoints.get({ actionPointId: ap.id });
    expect(asOwner.boards.map((x) => x.boardId).sort()).toEqual([a.id, b.id].sort());
    const asViewer = await h.caller(viewer.token).actionPoints.get({ actionPointId: ap.id });
    expect(asViewer.level).toBe('VIEW');
    expect(asViewer.boards.map((x) => x.boardId)).toEqual([a.id]);
    const asEditor = await h.caller(editor.token).actionPoints.get({ actionPointId: ap.id });
    expect(asEditor.level).toBe('EDIT');
    expect(asEditor.boards).toEqual([expect.objectContaining({ boardId: b.id, columnName: 'Done', level: 'EDIT' })]);
    const stranger = await h.user();
    expect((await h.rest('GET', `/api/action-points/${ap.id}`, { token: stranger.token })).status).toBe(404);
  });
});

describe('actionPoints.list', () => {
  it('filters owned, shared with me, assigned to me and text, keyset-paginated', async () => {
    const [me, friend] = await Promise.all([h.user(), h.user()]);
    const m = h.caller(me.token);
    const f = h.caller(friend.token);
    const tag = `zq${Date.now().toString(36)}`;
    const mine1 = await m.actionPoints.create({ title: `Mine ${tag} one` });
    const mine2 = await m.actionPoints.create({ title: 'Mine two', description: `has ${tag.toUpperCase()} inside` });
    const mine3 = await m.actionPoints.create({ title: 'Mine three', assigneeId: me.id });
    const board = await f.boards.create({ name: 'Friend board' });
    await f.boardPermissions.grant({ boardId: board.id, userId: me.id, level: 'EDIT' });
    const theirs = await f.actionPoints.create({ title: `Theirs ${tag}`, boardId: board.id, columnId: board.columns[0]!.id });
    const assigned = await f.actionPoints.create({
      title: 'Theirs, assigned to me',
      boardId: board.id,
      columnId: board.columns[0]!.id,
      assigneeId: me.id,
    });
    const hidden = await f.actionPoints.create({ title: `Hidden ${tag}` });

    const ids = async (input: Record<string, unknown>) => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await m.actionPoints.list({ ...input, limit: 2, cursor });
        out.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    const all = await ids({});
    expect(all).toEqual([assigned.id, theirs.id, mine3.id, mine2.id, mine1.id]);
    expect(all).not.toContain(hidden.id);
    expect(await ids({ owned: true })).toEqual([mine3.id, mine2.id, mine1.id]);
    expect(await ids({ sharedWithMe: true })).toEqual([assigned.id, theirs.id]);
    expect(await ids({ assignedToMe: true })).toEqual([assigned.id, mine3.id]);
    expect(await ids({ q: tag })).toEqual([theirs.id, mine2.id, mine1.id]);
    expect(await ids({ q: tag, owned: true })).toEqual([mine2.id, mine1.id]);

    const rest = await h.rest('GET', `/api/action-points?sharedWithMe=true&assignedToMe=true`, { token: me.token });
    expect(rest.status).toBe(200);
    expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual([assigned.id]);
    expect(rest.body.items[0].assignee).toMatchObject({ id: me.id });
    const notOwned = await h.rest('GET', `/api/action-points?owned=false&q=${tag}`, { token: me.token });
    expect(notOwned.body.items).toHaveLength(3);
    expect((await h.rest('GET', '/api/action-points?limit=500', { token: me.token })).status).toBe(400);
    expect((await h.rest('GET', `/api/action-points?q=${'x'.repeat(201)}`, { token: me.token })).status).toBe(400);
  });
});

describe('actionPoints.update', () => {
  it('bumps the version; a stale expectedVersion is CONFLICT; concurrent writers cannot both win', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const ap = await c.actionPoints.create({ title: 'v1' });
    const v2 = await c.actionPoints.update({ actionPointId: ap.id, title: 'v2', expectedVersion: 1 });
    expect(v2.version).toBe(2);
    expect(await codeOf(c.actionPoints.update({ actionPointId: ap.id, title: 'stale', expectedVersion: 1 }))).toBe('CONFLICT');
    const rest = await h.rest('PATCH', `/api/action-points/${ap.id}`, {
      token: u.token,
      body: { completed: true, expectedVersion: 1 },
    });
    expect(rest.status).toBe(409);
    const done = await h.rest('PATCH', `/api/action-points/${ap.id}`, {
      token: u.token,
      body: { completed: true, dueDate: null, description: 'desc', expectedVersion: 2 },
    });
    expect(done.status).toBe(200);
    expect(done.body.version).toBe(3);
    expect(done.body.completedAt).toEqual(expect.any(String));
    expect((await h.rest('PATCH', `/api/action-points/${ap.id}`, { token: u.token, body: { ownerId: u.id } })).status).toBe(400);

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        codeOf(h.client(u.token).actionPoints.update.mutate({ actionPointId: ap.id, title: `race ${i}`, expectedVersion: 3 })),
      ),
    );
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(7);
    expect((await c.actionPoints.get({ actionPointId: ap.id })).version).toBe(4);
  });

  it('needs EDIT on the action point; records the change on every board it is on', async () => {
    const [owner, commenter, editor] = await Promise.all([h.user(), h.user(), h.user()]);
    const o = h.caller(owner.token);
    const a = await o.boards.create({ name: 'A' });
    const b = await o.boards.create({ name: 'B' });
    const ap = await o.actionPoints.create({ title: 'Shared', boardId: a.id, columnId: a.columns[0]!.id });
    await o.actionPoints.addToBoard({ boardId: b.id, actionPointId: ap.id, columnId: b.columns[0]!.id });
    await o.actionPointShares.share({ actionPointId: ap.id, userId: commenter.id, level: 'COMMENT' });
    await o.boardPermissions.grant({ boardId: b.id, userId: editor.id, level: 'EDIT' });

    expect(await codeOf(h.caller(commenter.token).actionPoints.update({ actionPointId: ap.id, title: 'no' }))).toBe('FORBIDDEN');
    const updated = await h.caller(editor.token).actionPoints.update({ actionPointId: ap.id, title: 'Edited via B' });
    expect(updated.title).toBe('Edited via B');
    for (const board of [a, b]) {
      const activity = await o.boards.activity({ boardId: board.id, limit: 10 });
      const entry = activity.items.find((x) => x.action === 'actionPoint.updated');
      expect(entry).toMatchObject({ actorId: editor.id, entityId: ap.id, changes: { title: { from: 'Shared', to: 'Edited via B' } } });
    }
  });

  it('assigns only someone who can see it, and notifies them', async () => {
    const [owner, member, outsider] = await Promise.all([h.user(), h.user(), h.user()]);
    const o = h.caller(owner.token);
    const board = await o.boards.create({ name: 'Assign' });
    await o.boardPermissions.grant({ boardId: board.id, userId: member.id, level: 'VIEW' });
    const ap = await o.actionPoints.create({ title: 'Who', boardId: board.id, columnId: board.columns[0]!.id });

    expect(await codeOf(o.actionPoints.update({ actionPointId: ap.id, assigneeId: outsider.id }))).toBe('BAD_REQUEST');
    expect(await codeOf(o.actionPoints.create({ title: 'x', assigneeId: outsider.id }))).toBe('BAD_REQUEST');
    expect(await codeOf(o.actionPoints.update({ actionPointId: ap.id, assigneeId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'BAD_REQUEST',
    );
    expect((await o.actionPoints.get({ actionPointId: ap.id })).version).toBe(1);

    const assigned = await o.actionPoints.update({ actionPointId: ap.id, assigneeId: member.id });
    expect(assigned.assignee).toMatchObject({ id: member.id, email: member.email });
    const onCreate = await o.actionPoints.create({
      title: 'Born assigned',
      boardId: board.id,
      columnId: board.columns[0]!.id,
      assigneeId: member.id,
    });
    const notes = await testDb().notification.findMany({
      where: { userId: member.id, type: 'ASSIGNED' },
      select: { actionPointId: true, actorId: true },
    });
    expect(notes.map((n) => n.actionPointId).sort()).toEqual([ap.id, onCreate.id].sort());
    expect(notes.every((n) => n.actorId === owner.id)).toBe(true);
    // Unassigning and assigning oneself notify nobody.
    await o.actionPoints.update({ actionPointId: ap.id, assigneeId: null });
    await o.actionPoints.update({ actionPointId: ap.id, assigneeId: owner.id });
    expect(await testDb().notification.count({ where: { actionPointId: ap.id, type: 'ASSIGNED' } })).toBe(1);
  });
});

describe('actionPoints.delete', () => {
  it('needs ADMIN on it, and removes it from every board', async () => {
    const [owner, editor] = await Promise.all([h.user(), h.user()]);
    const o = h.caller(owner.token);
    const a = await o.boards.create({ name: 'A' });
    const b = await o.boards.create({ name: 'B' });
    await o.boardPermissions.grant({ boardId: a.id, userId: editor.id, level: 'EDIT' });
    const ap = await o.actionPoints.create({ title: 'Doomed', boardId: a.id, columnId: a.columns[0]!.id });
    await o.actionPoints.addToBoard({ boardId: b.id, actionPointId: ap.id, columnId: b.columns[0]!.id });

    expect(await codeOf(h.caller(editor.token).actionPoints.delete({ actionPointId: ap.id }))).toBe('FORBIDDEN');
    const res = await h.rest('DELETE', `/api/action-points/${ap.id}`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(await titles(owner, a.id)).toEqual([]);
    expect(await titles(owner, b.id)).toEqual([]);
    expect(await codeOf(o.actionPoints.get({ actionPointId: ap.id }))).toBe('NOT_FOUND');
    for (const board of [a, b]) {
      const activity = await o.boards.activity({ boardId: board.id, limit: 5 });
      expect(activity.items[0]).toMatchObject({ action: 'actionPoint.deleted', entityId: ap.id });
    }
  });
});

describe('actionPoints.addToBoard / removeFromBoard', () => {
  it('puts one action point on several boards, each with its own place; removing keeps the others', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const a = await c.boards.create({ name: 'A' });
    const b = await c.boards.create({ name: 'B' });
    const onB = [];
    for (const t of ['b1', 'b2', 'b3']) onB.push(await c.actionPoints.create({ title: t, boardId: b.id, columnId: b.columns[1]!.id }));
    const ap = await c.actionPoints.create({ title: 'traveller', boardId: a.id, columnId: a.columns[0]!.id });

    const pos = await h.rest('POST', `/api/boards/${b.id}/action-points`, {
      token: u.token,
      body: { actionPointId: ap.id, columnId: b.columns[1]!.id, afterId: onB[0]!.id },
    });
    expect(pos.status).toBe(201);
    expect(pos.body).toMatchObject({ id: ap.id, boardId: b.id, columnId: b.columns[1]!.id });
    expect(await titles(u, b.id, 1)).toEqual(['b1', 'traveller', 'b2', 'b3']);
    expect(await titles(u, a.id, 0)).toEqual(['traveller']);
    expect(await codeOf(c.actionPoints.addToBoard({ boardId: b.id, actionPointId: ap.id, columnId: b.columns[0]!.id }))).toBe('CONFLICT');

    const del = await h.rest('DELETE', `/api/boards/${b.id}/action-points/${ap.id}`, { token: u.token });
    expect(del.status).toBe(200);
    expect(await titles(u, b.id, 1)).toEqual(['b1', 'b2', 'b3']);
    expect(await titles(u, a.id, 0)).toEqual(['traveller']);
    expect((await c.actionPoints.get({ actionPointId: ap.id })).boards.map((x) => x.boardId)).toEqual([a.id]);
    expect(await codeOf(c.actionPoints.removeFromBoard({ boardId: b.id, actionPointId: ap.id }))).toBe('NOT_FOUND');
    const activity = await c.boards.activity({ boardId: b.id, limit: 5 });
    expect(activity.items.slice(0, 2).map((x) => x.action)).toEqual(['actionPoint.removed', 'actionPoint.added']);
  });

  it('needs EDIT on the action point and on the board', async () => {
    const [owner, other] = await Promise.all([h.user(), h.user()]);
    const o = h.caller(owner.token);
    const mine = await o.boards.create({ name: 'Mine' });
    const theirs = await h.caller(other.token).boards.create({ name: 'Theirs' });
    await h.caller(other.token).boardPermissions.grant({ boardId: theirs.id, userId: owner.id, level: 'VIEW' });
    const ap = await o.actionPoints.create({ title: 'x', boardId: mine.id, columnId: mine.columns[0]!.id });
    // VIEW on the target board is not enough.
    expect(await codeOf(o.actionPoints.addToBoard({ boardId: theirs.id, actionPointId: ap.id, columnId: theirs.columns[0]!.id }))).toBe(
      'FORBIDDEN',
    );
    // The other user cannot see the action point at all.
    const otherAp = await h.caller(other.token).actionPoints.create({ title: 'y' });
    expect(await codeOf(o.actionPoints.addToBoard({ boardId: mine.id, actionPointId: otherAp.id, columnId: mine.columns[0]!.id }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('actionPoints.move', () => {
  it('moves within a column and across columns with beforeId / afterId; other boards untouched', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Mover', columns: ['L', 'R'] });
    const other = await c.boards.create({ name: 'Other' });
    const [l, r] = board.columns;
    const aps: Record<string, string> = {};
    for (const t of ['a', 'b', 'c', 'd']) aps[t] = (await c.actionPoints.create({ title: t, boardId: board.id, columnId: l!.id })).id;
    await c.actionPoints.addToBoard({ boardId: other.id, actionPointId: aps.a!, columnId: other.columns[0]!.id });
    const otherBefore = (await c.actionPoints.get({ actionPointId: aps.a! })).boards.find((x) => x.boardId === other.id)!;

    await c.actionPoints.move({ boardId: board.id, actionPointId: aps.d!, columnId: l!.id, beforeId: aps.a! });
    expect(await titles(u, board.id, 0)).toEqual(['d', 'a', 'b', 'c']);
    await c.actionPoints.move({ boardId: board.id, actionPointId: aps.d!, columnId: l!.id, afterId: aps.b! });
    expect(await titles(u, board.id, 0)).toEqual(['a', 'b', 'd', 'c']);
    await c.actionPoints.move({ boardId: board.id, actionPointId: aps.a!, columnId: l!.id });
    expect(await titles(u, board.id, 0)).toEqual(['b', 'd', 'c', 'a']);

    const res = await h.rest('POST', `/api/boards/${board.id}/action-points/${aps.b!}/move`, {
      token: u.token,
      body: { columnId: r!.id },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: aps.b, columnId: r!.id, rebalanced: false });
    await c.actionPoints.move({ boardId: board.id, actionPointId: aps.c!, columnId: r!.id, beforeId: aps.b! });
    await c.actionPoints.move({ boardId: board.id, actionPointId: aps.a!, columnId: r!.id, afterId: aps.c!, beforeId: aps.b! });
    expect(await titles(u, board.id, 0)).toEqual(['d']);
    expect(await titles(u, board.id, 1)).toEqual(['c', 'a', 'b']);

    const otherAfter = (await c.actionPoints.get({ actionPointId: aps.a! })).boards.find((x) => x.boardId === other.id)!;
    expect(otherAfter).toEqual(otherBefore);
    expect((await c.actionPoints.get({ actionPointId: aps.a! })).version).toBe(1);
  });

  it('refuses bad targets and neighbours, and needs EDIT', async () => {
    const [u, viewer] = await Promise.all([h.user(), h.user()]);
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Refusals', columns: ['L', 'R'] });
    const other = await c.boards.create({ name: 'Other' });
    await c.boardPermissions.grant({ boardId: board.id, userId: viewer.id, level: 'VIEW' });
    const [l, r] = board.columns;
    const a = await c.actionPoints.create({ title: 'a', boardId: board.id, columnId: l!.id });
    const b = await c.actionPoints.create({ title: 'b', boardId: board.id, columnId: l!.id });
    const x = await c.actionPoints.create({ title: 'x', boardId: board.id, columnId: r!.id });
    const offBoard = await c.actionPoints.create({ title: 'off' });
    const move = (input: Record<string, unknown>) =>
      codeOf(c.actionPoints.move({ boardId: board.id, actionPointId: a.id, columnId: l!.id, ...input } as never));

    expect(await move({ columnId: other.columns[0]!.id })).toBe('BAD_REQUEST');
    expect(await move({ beforeId: a.id })).toBe('BAD_REQUEST');
    expect(await move({ beforeId: offBoard.id })).toBe('BAD_REQUEST');
    // x was never in L: a mistake in the request, named.
    expect(await move({ beforeId: x.id })).toBe('BAD_REQUEST');
    expect(await move({ afterId: b.id, beforeId: x.id })).toBe('BAD_REQUEST');
    const refused = await h.rest('POST', `/api/boards/${board.id}/action-points/${a.id}/move`, {
      token: u.token,
      body: { columnId: l!.id, beforeId: x.id },
    });
    expect(refused.body.data.fields).toEqual([{ path: 'beforeId', message: expect.any(String) }]);
    expect(await move({ rank: 'a' })).toBe('BAD_REQUEST');
    expect(await codeOf(c.actionPoints.move({ boardId: other.id, actionPointId: a.id, columnId: other.columns[0]!.id }))).toBe('NOT_FOUND');
    expect(await codeOf(h.caller(viewer.token).actionPoints.move({ boardId: board.id, actionPointId: a.id, columnId: r!.id }))).toBe(
      'FORBIDDEN',
    );
    expect(await titles(u, board.id, 0)).toEqual(['a', 'b']);
    // b moved away from L after the client read it: the list changed, CONFLICT.
    await c.actionPoints.move({ boardId: board.id, actionPointId: b.id, columnId: r!.id });
    expect(await move({ afterId: b.id })).toBe('CONFLICT');
  });

  it('lets an EDIT grantee and an organization admin move; not a plain member or a viewer', async () => {
    const [owner, editor, orgAdmin, member, viewer] = await Promise.all([h.user(), h.user(), h.user(), h.user(), h.user()]);
    const o = h.caller(owner.token);
    const board = await o.boards.create({ name: 'Org board', columns: ['L', 'R'] });
    const [l, r] = board.columns;
    const a = await o.actionPoints.create({ title: 'a', boardId: board.id, columnId: l!.id });
    const b = await o.actionPoints.create({ title: 'b', boardId: board.id, columnId: l!.id });
    await o.boardPermissions.grant({ boardId: board.id, userId: editor.id, level: 'EDIT' });
    await o.boardPermissions.grant({ boardId: board.id, userId: viewer.id, level: 'VIEW' });
    const db = testDb();
    const suffix = Math.random().toString(36).slice(2, 10);
    const [adminRole, memberRole] = await Promise.all([
      db.role.create({ data: { key: `org:admin-${suffix}`, name: 'Admin', isAdmin: true }, select: { id: true } }),
      db.role.create({ data: { key: `org:member-${suffix}`, name: 'Member' }, select: { id: true } }),
    ]);
    const org = await db.organization.create({
      data: {
        clerkId: `org_${suffix}`,
        name: 'Org',
        members: {
          create: [
            { userId: orgAdmin.id, roleId: adminRole.id },
            { userId: member.id, roleId: memberRole.id },
          ],
        },
      },
      select: { id: true },
    });
    await db.board.update({ where: { id: board.id }, data: { organizationId: org.id } });

    const move = (u: TestUser, id: string, input: Record<string, unknown>) =>
      codeOf(h.caller(u.token).actionPoints.move({ boardId: board.id, actionPointId: id, columnId: l!.id, ...input } as never));
    expect(await move(editor, b.id, { beforeId: a.id })).toBe('OK');
    expect(await titles(owner, board.id)).toEqual(['b', 'a']);
    expect(await move(orgAdmin, b.id, { columnId: r!.id })).toBe('OK');
    expect(await titles(owner, board.id, 1)).toEqual(['b']);
    expect(await move(member, a.id, { columnId: r!.id })).toBe('NOT_FOUND');
    expect(await move(viewer, a.id, { columnId: r!.id })).toBe('FORBIDDEN');
    // Not on this board: NOT_FOUND, even for someone who may edit the board.
    const loose = await o.actionPoints.create({ title: 'loose' });
    expect(await move(editor, loose.id, {})).toBe('NOT_FOUND');
    expect(await move(viewer, loose.id, {})).toBe('FORBIDDEN');
    // The organization admin sees the board as ADMIN in the view.
    expect((await h.caller(orgAdmin.token).boards.view({ boardId: board.id })).board.level).toBe('ADMIN');
    expect((await h.caller(editor.token).boards.view({ boardId: board.id })).board.level).toBe('EDIT');
    expect(await codeOf(h.caller(member.token).boards.view({ boardId: board.id }))).toBe('NOT_FOUND');
  });

  it('rebalances a column when a gap runs out, keeping the order and short ranks', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Squeeze', columns: ['Only'] });
    const col = board.columns[0]!;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await c.actionPoints.create({ title: `t${i}`, boardId: board.id, columnId: col.id })).id);
    // Alternate two items right after t0: every move halves the same gap.
    let rebalanced = 0;
    for (let i = 0; i < 200; i++) {
      const pos = await c.actionPoints.move({
        boardId: board.id,
        actionPointId: i % 2 === 0 ? ids[5]! : ids[4]!,
        columnId: col.id,
        afterId: ids[0]!,
      });
      if (pos.rebalanced) rebalanced++;
    }
    expect(rebalanced).toBeGreaterThan(0);
    expect(await titles(u, board.id)).toEqual(['t0', 't4', 't5', 't1', 't2', 't3']);
    const rows = await testDb().actionPointBoardAssociation.findMany({ where: { columnId: col.id }, select: { rank: true } });
    for (const row of rows) expect(row.rank.length).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    const activity = await c.boards.activity({ boardId: board.id, limit: 200 });
    expect(activity.items.some((x) => x.action === 'column.rebalanced' && x.entityId === col.id)).toBe(true);
  });
});
