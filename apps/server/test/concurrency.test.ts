// Concurrent writers of one ranked list, over HTTP: every move succeeds or gets
// CONFLICT (never a 500), and the column ends in one total order with unique ranks,
// no lost move and nothing duplicated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGITS, between, spread } from '@ap/core/action-points/lexorank';
import { testDb } from '@ap/testing/db';
import { startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CONCURRENCY = 32;

/** Ids of a column's action points in rank order, straight from the database. */
async function columnOrder(columnId: string): Promise<{ ids: string[]; ranks: string[] }> {
  const rows = await testDb().actionPointBoardAssociation.findMany({
    where: { columnId },
    select: { actionPointId: true, rank: true },
    orderBy: { rank: 'asc' },
  });
  return { ids: rows.map((r) => r.actionPointId), ranks: rows.map((r) => r.rank) };
}

/** A board with one column of `n` action points created directly (fast), in order. */
async function seedColumn(u: TestUser, n: number, columns = ['Main', 'Side']) {
  const board = await h.caller(u.token).boards.create({ name: 'Concurrent', columns });
  const col = board.columns[0]!;
  const db = testDb();
  const ranks = spread(n);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const ap = await db.actionPoint.create({ data: { title: `item ${i}`, ownerId: u.id }, select: { id: true } });
    await db.actionPointBoardAssociation.create({
      data: { actionPointId: ap.id, boardId: board.id, columnId: col.id, rank: ranks[i]! },
    });
    ids.push(ap.id);
  }
  return { board, col, ids };
}

function moveOverRest(u: TestUser, boardId: string, actionPointId: string, body: Record<string, unknown>) {
  return h.rest('POST', `/api/boards/${boardId}/action-points/${actionPointId}/move`, { token: u.token, body });
}

function expectUniqueSorted(ranks: string[]) {
  expect(new Set(ranks).size).toBe(ranks.length);
  expect([...ranks].sort()).toEqual(ranks);
}

describe('concurrent moves on one column', () => {
  it(`${CONCURRENCY} moves to the end of the column: all applied, in one total order`, async () => {
    const u = await h.user();
    const { board, col, ids } = await seedColumn(u, 40);
    const movers = ids.slice(0, CONCURRENCY);
    const results = await Promise.all(movers.map((id) => moveOverRest(u, board.id, id, { columnId: col.id })));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    const applied = movers.filter((_, i) => statuses[i] === 200);
    expect(applied.length).toBeGreaterThan(0);

    const after = await columnOrder(col.id);
    expectUniqueSorted(after.ranks);
    expect([...after.ids].sort()).toEqual([...ids].sort());
    // The untouched ones first, in their order; every applied move sits after them.
    const untouched = ids.filter((id) => !applied.includes(id));
    expect(after.ids.slice(0, untouched.length)).toEqual(untouched);
    expect([...after.ids.slice(untouched.length)].sort()).toEqual([...applied].sort());
    // Each reported rank is the one stored (nothing moved it afterwards).
    for (const r of results.filter((x) => x.status === 200)) {
      const at = after.ids.indexOf(r.body.id);
      expect(after.ranks[at]).toBe(r.body.rank);
    }
  });

  it(`${CONCURRENCY} moves into the same gap (before one anchor): all land there, nothing lost`, async () => {
    const u = await h.user();
    const { board, col, ids } = await seedColumn(u, 40);
    const anchor = ids[20]!;
    const movers = ids.filter((id) => id !== anchor).slice(0, CONCURRENCY);
    const results = await Promise.all(movers.map((id) => moveOverRest(u, board.id, id, { columnId: col.id, beforeId: anchor })));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200),
      JSON.stringify(results.filter((r) => r.status !== 200).map((r) => r.body)),
    ).toBe(true);

    const after = await columnOrder(col.id);
    expectUniqueSorted(after.ranks);
    expect(after.ids).toHaveLength(40);
    const k = after.ids.indexOf(anchor);
    const others = ids.filter((id) => id !== anchor && !movers.includes(id));
    // Every mover directly before the anchor; the rest keep their relative order around them.
    expect([...after.ids.slice(k - movers.length, k)].sort()).toEqual([...movers].sort());
    expect(after.ids.filter((id) => others.includes(id))).toEqual(others);
  });

  it(`${CONCURRENCY} random moves within and across columns with neighbours: 200 or 409, never 500`, async () => {
    const u = await h.user();
    const { board, col, ids } = await seedColumn(u, 40);
    const side = board.columns[1]!;
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const client = h.client(u.token);
    const calls = Array.from({ length: CONCURRENCY }, (_, i) => {
      const id = ids[rand(ids.length)]!;
      let neighbour = ids[rand(ids.length)]!;
      if (neighbour === id) neighbour = ids[(ids.indexOf(id) + 1) % ids.length]!;
      const input =
        i % 3 === 0
          ? { boardId: board.id, actionPointId: id, columnId: side.id }
          : { boardId: board.id, actionPointId: id, columnId: col.id, [i % 2 ? 'beforeId' : 'afterId']: neighbour };
      return client.actionPoints.move.mutate(input).then(
        () => 'OK',
        (err: { data?: { code?: string; httpStatus?: number } }) => err.data?.code ?? 'UNKNOWN',
      );
    });
    const codes = await Promise.all(calls);
    expect(
      codes.every((c) => c === 'OK' || c === 'CONFLICT'),
      codes.join(','),
    ).toBe(true);

    const main = await columnOrder(col.id);
    const other = await columnOrder(side.id);
    expectUniqueSorted(main.ranks);
    expectUniqueSorted(other.ranks);
    expect([...main.ids, ...other.ids].sort()).toEqual([...ids].sort());
  });

  it(`${CONCURRENCY} concurrent creates placed last in one column all get distinct places`, async () => {
    const u = await h.user();
    const board = await h.caller(u.token).boards.create({ name: 'Creates' });
    const col = board.columns[0]!;
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        h.rest('POST', '/api/action-points', { token: u.token, body: { title: `c${i}`, boardId: board.id, columnId: col.id } }),
      ),
    );
    expect(
      results.map((r) => r.status).every((s) => s === 201),
      JSON.stringify(results.map((r) => r.status)),
    ).toBe(true);
    const after = await columnOrder(col.id);
    expectUniqueSorted(after.ranks);
    expect([...after.ids].sort()).toEqual(results.map((r) => r.body.id as string).sort());
  });

  it('moves the same action point on two boards independently', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const one = await c.boards.create({ name: 'One', columns: ['A', 'B'] });
    const two = await c.boards.create({ name: 'Two', columns: ['P', 'Q'] });
    const shared = await c.actionPoints.create({ title: 'shared', boardId: one.id, columnId: one.columns[0]!.id });
    await c.actionPoints.addToBoard({ boardId: two.id, actionPointId: shared.id, columnId: two.columns[0]!.id });
    const pItems: string[] = [];
    for (let i = 0; i < 4; i++)
      pItems.push((await c.actionPoints.create({ title: `p${i}`, boardId: two.id, columnId: two.columns[0]!.id })).id);
    const qItems: string[] = [];
    for (let i = 0; i < 4; i++)
      qItems.push((await c.actionPoints.create({ title: `q${i}`, boardId: two.id, columnId: two.columns[1]!.id })).id);

    const client = h.client(u.token);
    const onOne = Array.from({ length: 16 }, (_, i) =>
      client.actionPoints.move.mutate({ boardId: one.id, actionPointId: shared.id, columnId: one.columns[i % 2]!.id }),
    );
    const onTwo = Array.from({ length: 16 }, () =>
      client.actionPoints.move.mutate({ boardId: two.id, actionPointId: shared.id, columnId: two.columns[1]!.id, afterId: qItems[3]! }),
    );
    const settled = await Promise.allSettled([...onOne, ...onTwo]);
    expect(settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason?.message)).toEqual([]);

    // Board two: the shared item is last in Q, P is untouched.
    const p = await columnOrder(two.columns[0]!.id);
    const q = await columnOrder(two.columns[1]!.id);
    expect(p.ids).toEqual(pItems);
    expect(q.ids).toEqual([...qItems, shared.id]);
    // Board one: the shared item is in exactly one of its columns, once.
    const a = await columnOrder(one.columns[0]!.id);
    const b = await columnOrder(one.columns[1]!.id);
    expect([...a.ids, ...b.ids]).toEqual([shared.id]);
    const detail = await c.actionPoints.get({ actionPointId: shared.id });
    expect(detail.boards.map((x) => x.boardId).sort()).toEqual([one.id, two.id].sort());
  });
});

describe('ranks in the database', () => {
  it('sort in PostgreSQL exactly as lexorank compares them', async () => {
    const samples = new Set<string>([...DIGITS.slice(1)]);
    let lo: string | null = null;
    for (let i = 0; i < 50; i++) samples.add((lo = between(lo, null)));
    let a = 'i';
    let b = 'i0001';
    for (let i = 0; i < 50; i++) samples.add((b = between(a, b)));
    for (const r of spread(100)) samples.add(r);
    a = 'zzzz';
    for (let i = 0; i < 20; i++) samples.add((a = between(a, null)));
    const list = [...samples];
    const rows = await testDb().$queryRaw<{ r: string }[]>`SELECT r FROM unnest(${list}::text[]) AS r ORDER BY r`;
    expect(rows.map((x) => x.r)).toEqual([...list].sort());
  });
});
