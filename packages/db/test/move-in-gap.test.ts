// Moves in one statement (moveInOneStatement): the rank between the neighbours
// named, written with its Activity row under the column's lock, or nothing at all
// (null) when the locked path has to decide.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { moveInOneStatement, setItemPositionInGap, type MoveRequest } from '../src/ranks.ts';

const db = testDb();

interface Fixture {
  ownerId: string;
  boardId: string;
  columnId: string;
  /** A second column of the same board, and a column of another board. */
  nextColumnId: string;
  foreignColumnId: string;
  /** Action points a, b, c at ranks 'a', 'b', 'c' in the first column. */
  ids: { a: string; b: string; c: string };
}

async function fixture(): Promise<Fixture> {
  const owner = await db.user.create({ data: { clerkId: `user_${randomUUID()}` } });
  const board = await db.board.create({ data: { name: 'Gap board', ownerId: owner.id } });
  const columnId = (await db.column.create({ data: { boardId: board.id, name: 'One', rank: 'h' } })).id;
  const nextColumnId = (await db.column.create({ data: { boardId: board.id, name: 'Two', rank: 'p' } })).id;
  const other = await db.board.create({ data: { name: 'Other board', ownerId: owner.id } });
  const foreignColumnId = (await db.column.create({ data: { boardId: other.id, name: 'Elsewhere', rank: 'h' } })).id;
  const ids = { a: '', b: '', c: '' };
  for (const key of ['a', 'b', 'c'] as const) {
    const ap = await db.actionPoint.create({ data: { title: key, ownerId: owner.id } });
    await db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: board.id, columnId, rank: key } });
    ids[key] = ap.id;
  }
  return { ownerId: owner.id, boardId: board.id, columnId, nextColumnId, foreignColumnId, ids };
}

const order = async (columnId: string) =>
  (
    await db.actionPointBoardAssociation.findMany({
      where: { columnId },
      orderBy: { rank: 'asc' },
      select: { actionPointId: true, rank: true },
    })
  ).map((r) => [r.actionPointId, r.rank]);
const activities = (boardId: string) => db.activity.count({ where: { boardId } });

describe('moveInOneStatement', () => {
  let f: Fixture;
  let move: (m: Partial<MoveRequest>) => ReturnType<typeof moveInOneStatement>;
  beforeEach(async () => {
    f = await fixture();
    move = (m) =>
      moveInOneStatement(db, {
        actionPointId: f.ids.c,
        boardId: f.boardId,
        columnId: f.columnId,
        userId: f.ownerId,
        actorType: 'USER',
        actorRef: null,
        maxRankLength: 32,
        ...m,
      });
  });

  it('moves between named neighbours and records the move with it', async () => {
    const moved = await move({ beforeId: f.ids.b });
    expect(moved?.rank).toBe('ai');
    expect(moved?.event).toMatchObject({
      kind: 'board',
      boardId: f.boardId,
      actionPointId: f.ids.c,
      actorId: f.ownerId,
      type: 'actionPoint.moved',
      entityType: 'actionPoint',
      entityId: f.ids.c,
    });
    expect(moved?.event.changes).toEqual({ columnId: { from: f.columnId, to: f.columnId }, beforeId: f.ids.b, afterId: null });
    // The event is its Activity row (id, time in UTC to the millisecond).
    const row = await db.activity.findUniqueOrThrow({ where: { id: BigInt(moved!.event.id) } });
    expect(moved?.event.at).toBe(row.createdAt.toISOString());
    expect(row.changes).toEqual(moved?.event.changes);
    expect(await order(f.columnId)).toEqual([
      [f.ids.a, 'a'],
      [f.ids.c, 'ai'],
      [f.ids.b, 'b'],
    ]);

    expect((await move({ actionPointId: f.ids.a, afterId: f.ids.c, beforeId: f.ids.b }))?.rank).toBe('ar');
    expect((await move({ actionPointId: f.ids.b, afterId: f.ids.c }))?.rank).toBe('an');
    expect(await activities(f.boardId)).toBe(3);
  });

  it('moves to the end of another column of the board when no neighbour is named', async () => {
    expect((await move({ columnId: f.nextColumnId }))?.rank).toBe('i');
    expect((await move({ actionPointId: f.ids.a, columnId: f.nextColumnId }))?.rank).toBe('i0001');
    expect(await order(f.nextColumnId)).toEqual([
      [f.ids.c, 'i'],
      [f.ids.a, 'i0001'],
    ]);
  });

  it('writes nothing when the locked path must decide', async () => {
    const viewer = await db.user.create({ data: { clerkId: `user_${randomUUID()}` } });
    await db.boardPermission.create({ data: { boardId: f.boardId, userId: viewer.id, level: 'VIEW' } });
    const stranger = await db.user.create({ data: { clerkId: `user_${randomUUID()}` } });
    const before = await order(f.columnId);
    const refused: Partial<MoveRequest>[] = [
      { userId: viewer.id },
      { userId: stranger.id },
      { actionPointId: randomUUID() },
      { columnId: f.foreignColumnId },
      { columnId: f.nextColumnId, beforeId: f.ids.a },
      { beforeId: f.ids.c },
      { afterId: f.ids.a, beforeId: f.ids.c },
      { actionPointId: f.ids.a, afterId: f.ids.b, beforeId: f.ids.b },
      { beforeId: randomUUID() },
      { beforeId: f.ids.b, maxRankLength: 1 },
    ];
    for (const m of refused) expect(await move(m), JSON.stringify(m)).toBeNull();
    expect(await order(f.columnId)).toEqual(before);
    expect(await activities(f.boardId)).toBe(0);

    // An EDIT grant is enough.
    await db.boardPermission.update({ where: { boardId_userId: { boardId: f.boardId, userId: viewer.id } }, data: { level: 'EDIT' } });
    expect((await move({ userId: viewer.id, beforeId: f.ids.a }))?.rank).toBe('9zzzz');
  });

  it('does not write into a gap that changed since it was read, nor outside the gap', async () => {
    const stale = [
      { lo: 'a', loId: f.ids.a, hi: 'an', hiId: f.ids.b },
      { lo: 'a', loId: f.ids.a, hi: null, hiId: null },
    ];
    for (const gap of stale) expect(await setItemPositionInGap(db, f.ids.c, f.boardId, f.columnId, 'ai', gap)).toBe(false);
    // A rank outside the gap is refused too.
    for (const rank of ['a', '9', 'b', 'bi']) {
      expect(await setItemPositionInGap(db, f.ids.c, f.boardId, f.columnId, rank, { lo: 'a', loId: f.ids.a, hi: 'b', hiId: f.ids.b })).toBe(
        false,
      );
    }
    expect(await setItemPositionInGap(db, f.ids.c, f.boardId, f.columnId, 'ai', { lo: 'a', loId: f.ids.a, hi: 'b', hiId: f.ids.b })).toBe(
      true,
    );
  });
});
