// ap_rank_between (SQL, used by one-statement moves) must give exactly the rank
// lexorank.ts's between gives, for every pair of neighbours, ends included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { DIGITS, between } from '../src/action-points/lexorank.ts';

const db = testDb();

/** A valid rank, biased towards the shapes that exercise carries and long common prefixes. */
const validRank = fc
  .tuple(fc.string({ unit: fc.constantFrom(...DIGITS, '0', '0', 'z', 'z'), maxLength: 14 }), fc.constantFrom(...DIGITS.slice(1), '1', 'z'))
  .map(([head, last]) => head + last);

/** Neighbour pairs as placements see them: both ends, one end open, or none. */
const gap = fc.oneof(
  fc
    .tuple(validRank, validRank)
    .filter(([x, y]) => x !== y)
    .map(([x, y]) => (x < y ? [x, y] : [y, x]) as [string | null, string | null]),
  validRank.map((x) => [x, null] as [string | null, string | null]),
  validRank.map((x) => [null, x] as [string | null, string | null]),
  fc.constant([null, null] as [string | null, string | null]),
);

async function sqlBetween(pairs: [string | null, string | null][]): Promise<(string | null)[]> {
  const rows = await db.$queryRaw<{ r: string | null }[]>`
    SELECT ap_rank_between(a, b) AS r
      FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) WITH ORDINALITY AS v(a, b, i)
     ORDER BY i`;
  return rows.map((row) => row.r);
}

describe('ap_rank_between (SQL) = between (lexorank.ts)', () => {
  it('agrees on random neighbours, ends and open ends', async () => {
    const pairs = fc.sample(gap, { numRuns: 5000, seed: 20261126 });
    const sql = await sqlBetween(pairs);
    const mismatches = pairs.map((p, i) => ({ pair: p, ts: between(p[0], p[1]), sql: sql[i] })).filter((m) => m.ts !== m.sql);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('agrees where stepping carries or runs out, and at the extremes', async () => {
    const pairs: [string | null, string | null][] = [
      [null, null],
      ['zzzzz', null],
      ['zzzzzz1', null],
      ['0000z', null],
      [null, '00001'],
      [null, '1'],
      [null, '000000001'],
      ['1', '11'],
      ['1', '2'],
      ['a', 'a01'],
      ['az', 'b'],
      ['zy', 'zz'],
      ['i', 'i1'],
    ];
    expect(await sqlBetween(pairs)).toEqual(pairs.map(([a, b]) => between(a, b)));
  });

  it('gives NULL (no rank) when the bounds are not in order', async () => {
    expect(
      await sqlBetween([
        ['b', 'a'],
        ['a', 'a'],
      ]),
    ).toEqual([null, null]);
  });
});
