// The one-statement move (moveInGapRecorded → ap_place_in_gap): it writes the rank
// and the Activity row together, and nothing at all when the gap it was given is
// no longer as read.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { moveInGapRecorded, movePlan } from '../src/ranks.ts';

const db = testDb();

interface Fixture {
  userId: string;
  boardId: string;
  columnId: string;
  otherColumnId: string;
  /** Action points a, b, c at ranks 'a', 'b', 'c' in the first column. */
  ids: { a: string; b: string; c: string };
}

async function fixture(): Promise<Fixture> {
  const user = await db.user.create({ data: { clerkId: `user_${randomUUID()}` } });
  const board = await db.board.create({ data: { name: 'Gap board', ownerId: user.id } });
  const columnId = (await db.column.create({ data: { boardId: board.id, name: 'One', rank: 'h' } })).id;
  const otherBoard = await db.board.create({ data: { name: 'Other board', ownerId: user.id } });
  const otherColumnId = (await db.column.create({ data: { boardId: otherBoard.id, name: 'Elsewhere', rank: 'h' } })).id;
  const ids = { a: '', b: '', c: '' };
  for (const key of ['a', 'b', 'c'] as const) {
    const ap = await db.actionPoint.create({ data: { title: key, ownerId: user.id } });
    await db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: board.id, columnId, rank: key } });
    ids[key] = ap.id;
  }
  return { userId: user.id, boardId: board.id, columnId, otherColumnId, ids };
}

const ranks = async (columnId: string) =>
  (await db.actionPointBoardAssociation.findMany({ where: { columnId }, orderBy: { rank: 'asc' }, select: { actionPointId: true, rank: true } })).map(
    (r) => [r.actionPointId, r.rank],
  );
const activities = (boardId: string) => db.activity.count({ where: { boardId } });

describe('moveInGapRecorded', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
  });

  it('reads the gap with the access inputs in one statement', async () => {
    const plan = await movePlan(db, { actionPointId: f.ids.c, boardId: f.boardId, userId: f.userId }, { columnId: f.columnId, beforeId: f.ids.b });
    expect(plan).toMatchObject({ columnId: f.columnId, ownerId: f.userId, organizationId: null, grant: null, after: null, last: null });
    expect(plan!.before).toEqual({ parentId: f.columnId, rank: 'b', other: 'a', otherId: f.ids.a });
    const end = await movePlan(db, { actionPointId: f.ids.a, boardId: f.boardId, userId: f.userId }, { columnId: f.columnId });
    expect(end!.last).toEqual({ id: f.ids.c, rank: 'c' });
    expect(await movePlan(db, { actionPointId: randomUUID(), boardId: f.boardId, userId: f.userId })).toBeNull();
  });

  it('moves into an unchanged gap and records the activity with it', async () => {
    const row = await moveInGapRecorded(db, {
      actionPointId: f.ids.c,
      boardId: f.boardId,
      columnId: f.columnId,
      rank: 'an',
      gap: { lo: 'a', loId: f.ids.a, hi: 'b', hiId: f.ids.b },
      actorId: f.userId,
      changes: { columnId: { from: f.columnId, to: f.columnId } },
    });
    expect(row).toMatchObject({ boardId: f.boardId, actionPointId: f.ids.c, actorId: f.userId, action: 'actionPoint.moved', entityId: f.ids.c });
    expect(row!.changes).toEqual({ columnId: { from: f.columnId, to: f.columnId } });
    expect(typeof row!.id).toBe('bigint');
    expect(await ranks(f.columnId)).toEqual([
      [f.ids.a, 'a'],
      [f.ids.c, 'an'],
      [f.ids.b, 'b'],
    ]);
    expect(await activities(f.boardId)).toBe(1);
  });

  it('writes nothing when the gap changed, a column or the action point is elsewhere', async () => {
    const before = await ranks(f.columnId);
    const base = { actionPointId: f.ids.c, boardId: f.boardId, columnId: f.columnId, rank: 'ai', actorId: f.userId, changes: {} };
    // A neighbour holds another rank than the one read.
    expect(await moveInGapRecorded(db, { ...base, gap: { lo: 'a', loId: f.ids.a, hi: 'an', hiId: f.ids.b } })).toBeNull();
    // Something now lies inside the gap read as empty.
    expect(await moveInGapRecorded(db, { ...base, gap: { lo: 'a', loId: f.ids.a, hi: null, hiId: null } })).toBeNull();
    // The target column is on another board.
    expect(await moveInGapRecorded(db, { ...base, columnId: f.otherColumnId, gap: { lo: null, loId: null, hi: null, hiId: null } })).toBeNull();
    // The action point is not on this board.
    expect(await moveInGapRecorded(db, { ...base, actionPointId: randomUUID(), gap: { lo: 'a', loId: f.ids.a, hi: 'b', hiId: f.ids.b } })).toBeNull();
    expect(await ranks(f.columnId)).toEqual(before);
    expect(await activities(f.boardId)).toBe(0);
  });
});
