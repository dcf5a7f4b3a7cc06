// Random sequences of moves (before, after, between two neighbours, to the end;
// within and across two columns), applied with moveActionPoint and to a plain
// list model: after every move the database's order is the model's. Short ranks
// force gaps to run out, so the one-statement path, the locked path and
// rebalancing all take part.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { moveActionPoint } from '../src/action-points/move.ts';
import { LocalEventBus } from '../src/shared/events.ts';

const db = testDb();
const ITEMS = 8;

type Op = { item: number; column: number; kind: 'end' | 'before' | 'after' | 'between'; anchor: number };

const opArb = fc.record({
  item: fc.integer({ min: 0, max: ITEMS - 1 }),
  column: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom('end', 'before', 'after', 'between'),
  anchor: fc.nat(),
}) as fc.Arbitrary<Op>;

async function setUp() {
  const owner = await db.user.create({ data: { clerkId: `user_${randomUUID()}` } });
  const board = await db.board.create({ data: { name: 'Model', ownerId: owner.id } });
  const columns = [
    (await db.column.create({ data: { boardId: board.id, name: 'A', rank: 'h' } })).id,
    (await db.column.create({ data: { boardId: board.id, name: 'B', rank: 'p' } })).id,
  ];
  const ids: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const ap = await db.actionPoint.create({ data: { title: `#${i}`, ownerId: owner.id } });
    // Neighbouring ranks of 32 digits (MAX_RANK_LENGTH): a move between two of them
    // needs a longer one, which only the locked path's rebalance makes room for.
    await db.actionPointBoardAssociation.create({
      data: { actionPointId: ap.id, boardId: board.id, columnId: columns[0]!, rank: `1${'0'.repeat(30)}${i + 1}` },
    });
    ids.push(ap.id);
  }
  return { svc: { db, events: new LocalEventBus(), userId: owner.id, actor: { type: 'user' as const } }, boardId: board.id, columns, ids };
}

describe('moves against a list model', () => {
  it('keep the order the model predicts, whatever path each move takes', async () => {
    let rebalanced = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 25 }), async (ops) => {
        const { svc, boardId, columns, ids } = await setUp();
        const model: string[][] = [[...ids], []];
        for (const op of ops) {
          const id = ids[op.item]!;
          const target = model[op.column]!.filter((x) => x !== id);
          const input = { boardId, actionPointId: id, columnId: columns[op.column]! } as Parameters<typeof moveActionPoint>[1];
          let at = target.length;
          if (op.kind !== 'end' && target.length > 0) {
            const k = op.anchor % target.length;
            if (op.kind === 'before') [input.beforeId, at] = [target[k]!, k];
            else if (op.kind === 'after') [input.afterId, at] = [target[k]!, k + 1];
            else if (k + 1 < target.length) [input.afterId, input.beforeId, at] = [target[k]!, target[k + 1]!, k + 1];
          }
          await moveActionPoint(svc, input);
          for (const col of model) col.splice(0, col.length, ...col.filter((x) => x !== id));
          model[op.column]!.splice(at, 0, id);

          for (const [c, columnId] of columns.entries()) {
            const rows = await db.actionPointBoardAssociation.findMany({
              where: { columnId },
              orderBy: { rank: 'asc' },
              select: { actionPointId: true },
            });
            expect(rows.map((r) => r.actionPointId)).toEqual(model[c]);
          }
        }
        rebalanced += await db.activity.count({ where: { boardId, action: 'column.rebalanced' } });
      }),
      { numRuns: 15, seed: 20261126 },
    );
    // The runs took the locked path too.
    expect(rebalanced).toBeGreaterThan(0);
  }, 120_000);
});
