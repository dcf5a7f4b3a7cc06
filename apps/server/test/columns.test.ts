// Columns: create at a place, rename, reorder, delete (refused while holding action
// points unless they move in the same call), and their items page by page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RANK_LENGTH } from '@ap/core/action-points/lexorank';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function columnNames(u: TestUser, boardId: string): Promise<string[]> {
  const board = await h.caller(u.token).boards.get({ boardId });
  const ranks = board.columns.map((c) => c.rank);
  expect([...ranks].sort()).toEqual(ranks);
  return board.columns.map((c) => c.name);
}

describe('columns.create / update / move', () => {
  it('adds a column last, before or after another', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Cols', columns: ['A', 'B'] });
    const [a, b] = board.columns;
    await c.columns.create({ boardId: board.id, name: 'Last' });
    await c.columns.create({ boardId: board.id, name: 'First', beforeId: a!.id });
    await c.columns.create({ boardId: board.id, name: 'AfterA', afterId: a!.id });
    const rest = await h.rest('POST', `/api/boards/${board.id}/columns`, {
      token: u.token,
      body: { name: 'BeforeB', beforeId: b!.id },
    });
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ name: 'BeforeB', boardId: board.id });
    expect(await columnNames(u, board.id)).toEqual(['First', 'A', 'AfterA', 'BeforeB', 'B', 'Last']);
  });

  it('validates names, neighbours and access', async () => {
    const [u, viewer, stranger] = await Promise.all([h.user(), h.user(), h.user()]);
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Checks', columns: ['A', 'B', 'C'] });
    const other = await c.boards.create({ name: 'Other' });
    await c.boardPermissions.grant({ boardId: board.id, userId: viewer.id, level: 'VIEW' });
    const [a, b, cc] = board.columns;

    expect(await codeOf(c.columns.create({ boardId: board.id, name: '' }))).toBe('BAD_REQUEST');
    expect(await codeOf(c.columns.create({ boardId: board.id, name: 'x'.repeat(101) }))).toBe('BAD_REQUEST');
    expect(await codeOf(c.columns.create({ boardId: board.id, name: 'x', rank: 'a' } as never))).toBe('BAD_REQUEST');
    // A neighbour from another board is not a column of this board.
    expect(await codeOf(c.columns.create({ boardId: board.id, name: 'x', beforeId: other.columns[0]!.id }))).toBe('BAD_REQUEST');
    // beforeId and afterId that are not adjacent: the caller's picture is stale.
    expect(await codeOf(c.columns.create({ boardId: board.id, name: 'x', afterId: a!.id, beforeId: cc!.id }))).toBe('CONFLICT');
    expect((await c.columns.create({ boardId: board.id, name: 'AB', afterId: a!.id, beforeId: b!.id })).name).toBe('AB');
    expect(await codeOf(c.columns.move({ columnId: a!.id, beforeId: a!.id }))).toBe('BAD_REQUEST');

    expect(await codeOf(h.caller(viewer.token).columns.create({ boardId: board.id, name: 'v' }))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(viewer.token).columns.update({ columnId: a!.id, name: 'v' }))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(stranger.token).columns.update({ columnId: a!.id, name: 's' }))).toBe('NOT_FOUND');
    expect((await h.rest('POST', `/api/columns/${a!.id}/move`, { token: viewer.token, body: {} })).status).toBe(403);
    expect((await h.rest('DELETE', `/api/columns/${a!.id}`, { token: stranger.token })).status).toBe(404);
    expect(await columnNames(u, board.id)).toEqual(['A', 'AB', 'B', 'C']);
  });

  it('renames and reorders over tRPC and REST', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Moves', columns: ['A', 'B', 'C', 'D'] });
    const [a, b, cc, d] = board.columns;
    const renamed = await h.rest('PATCH', `/api/columns/${b!.id}`, { token: u.token, body: { name: 'Bee' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Bee');

    await c.columns.move({ columnId: d!.id, beforeId: a!.id });
    expect(await columnNames(u, board.id)).toEqual(['D', 'A', 'Bee', 'C']);
    await c.columns.move({ columnId: d!.id, afterId: b!.id });
    expect(await columnNames(u, board.id)).toEqual(['A', 'Bee', 'D', 'C']);
    const res = await h.rest('POST', `/api/columns/${a!.id}/move`, { token: u.token, body: {} });
    expect(res.status).toBe(200);
    expect(await columnNames(u, board.id)).toEqual(['Bee', 'D', 'C', 'A']);
    await h.rest('POST', `/api/columns/${a!.id}/move`, { token: u.token, body: { afterId: b!.id, beforeId: d!.id } });
    expect(await columnNames(u, board.id)).toEqual(['Bee', 'A', 'D', 'C']);
    expect(cc).toBeDefined();
  });

  it('keeps ranks bounded by rebalancing when the same gap is used again and again', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Squeeze', columns: ['L', 'X', 'Y', 'R'] });
    const [l, x, y] = board.columns;
    // Alternate X and Y right after L: every move halves the same gap.
    for (let i = 0; i < 200; i++) {
      await c.columns.move({ columnId: i % 2 === 0 ? y!.id : x!.id, afterId: l!.id });
    }
    const got = await c.boards.get({ boardId: board.id });
    expect(got.columns.map((col) => col.name)).toEqual(['L', 'X', 'Y', 'R']);
    for (const col of got.columns) expect(col.rank.length).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    const activity = await c.boards.activity({ boardId: board.id, limit: 200 });
    expect(activity.items.some((a) => a.action === 'column.moved' && (a.changes as { rebalanced?: boolean }).rebalanced)).toBe(true);
  });

  it('caps the number of columns of a board', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Many', columns: Array.from({ length: 50 }, (_, i) => `c${i}`) });
    expect(await codeOf(c.columns.create({ boardId: board.id, name: 'one too many' }))).toBe('BAD_REQUEST');
  });
});

describe('columns.delete', () => {
  it('deletes an empty column; refuses one with action points unless they move in the same call', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Deletes', columns: ['Keep', 'Full', 'Empty'] });
    const [keep, full, empty] = board.columns;
    const kept = await c.actionPoints.create({ title: 'k0', boardId: board.id, columnId: keep!.id });
    const titles = [];
    for (let i = 0; i < 4; i++) {
      titles.push((await c.actionPoints.create({ title: `f${i}`, boardId: board.id, columnId: full!.id })).title);
    }
    expect(await c.columns.delete({ columnId: empty!.id })).toEqual({ ok: true, moved: 0 });

    const refused = await h.rest('DELETE', `/api/columns/${full!.id}`, { token: u.token });
    expect(refused.status).toBe(409);
    expect((await c.columns.items({ columnId: full!.id, limit: 50 })).items).toHaveLength(4);

    const other = await c.boards.create({ name: 'Elsewhere' });
    expect(await codeOf(c.columns.delete({ columnId: full!.id, moveToColumnId: other.columns[0]!.id }))).toBe('BAD_REQUEST');
    expect(await codeOf(c.columns.delete({ columnId: full!.id, moveToColumnId: full!.id }))).toBe('BAD_REQUEST');

    const moved = await h.rest('DELETE', `/api/columns/${full!.id}?moveToColumnId=${keep!.id}`, { token: u.token });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ ok: true, moved: 4 });
    const view = await c.boards.view({ boardId: board.id });
    expect(view.columns.map((col) => col.name)).toEqual(['Keep']);
    expect(view.columns[0]!.items.map((i) => i.title)).toEqual([kept.title, ...titles]);
    expect(await codeOf(c.columns.items({ columnId: full!.id, limit: 10 }))).toBe('NOT_FOUND');
  });
});

describe('columns.items', () => {
  it('pages through a column in rank order', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Paged', columns: ['Only'] });
    const col = board.columns[0]!;
    const expected = [];
    for (let i = 0; i < 7; i++) {
      expected.push((await c.actionPoints.create({ title: `t${i}`, boardId: board.id, columnId: col.id })).title);
    }
    // Move the last one to the top: rank order, not creation order.
    const top = (await c.columns.items({ columnId: col.id, limit: 50 })).items;
    await c.actionPoints.move({ boardId: board.id, actionPointId: top[6]!.id, columnId: col.id, beforeId: top[0]!.id });
    expected.unshift(expected.pop()!);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await h.rest('GET', `/api/columns/${col.id}/action-points?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        token: u.token,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((i: { title: string }) => i.title));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect((await h.rest('GET', `/api/columns/${col.id}/action-points?limit=201`, { token: u.token })).status).toBe(400);
  });
});
