import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DIGITS,
  MAX_RANK_LENGTH,
  RankError,
  STEP_DEPTH,
  after,
  before,
  between,
  isValidRank,
  spread,
  tooLong,
} from '../src/action-points/lexorank.ts';

/** A valid rank: base-36 digits not ending in 0. */
const validRank = fc
  .tuple(fc.string({ unit: fc.constantFrom(...DIGITS), maxLength: 12 }), fc.constantFrom(...DIGITS.slice(1)))
  .map(([head, last]) => head + last);

describe('between', () => {
  it('gives a first rank with no neighbours', () => {
    const r = between(null, null);
    expect(isValidRank(r)).toBe(true);
    expect(r).toBe('i');
  });

  it('is strictly between any two different ranks', () => {
    fc.assert(
      fc.property(validRank, validRank, (x, y) => {
        fc.pre(x !== y);
        const [a, b] = x < y ? [x, y] : [y, x];
        const r = between(a, b);
        expect(isValidRank(r)).toBe(true);
        expect(a < r && r < b).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('places before the first and after the last', () => {
    fc.assert(
      fc.property(validRank, (x) => {
        const lo = before(x);
        const hi = after(x);
        expect(isValidRank(lo) && isValidRank(hi)).toBe(true);
        expect(lo < x).toBe(true);
        expect(hi > x).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not grow when appending or prepending repeatedly', () => {
    let last = between(null, null);
    let first = last;
    for (let i = 0; i < 10_000; i++) {
      const next = after(last);
      expect(next > last).toBe(true);
      last = next;
      const prev = before(first);
      expect(prev < first).toBe(true);
      first = prev;
    }
    expect(last.length).toBeLessThanOrEqual(STEP_DEPTH);
    expect(first.length).toBeLessThanOrEqual(STEP_DEPTH);
  });

  it('grows by about one digit per five insertions into the same gap', () => {
    const a = 'i0001';
    let b = 'i0002';
    let n = 0;
    while (!tooLong(b)) {
      b = between(a, b);
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });

  it('refuses malformed or out-of-order input', () => {
    expect(() => between('b', 'a')).toThrow(RankError);
    expect(() => between('a', 'a')).toThrow(RankError);
    expect(() => between('a0', null)).toThrow(RankError); // trailing zero
    expect(() => between('A', null)).toThrow(RankError); // outside the alphabet
    expect(() => between('', null)).toThrow(RankError);
  });

  it('handles ranks close to the ends of the range', () => {
    expect(before('00001') < '00001').toBe(true);
    expect(isValidRank(before('00001'))).toBe(true);
    expect(before('1') < '1').toBe(true);
    expect(after('zzzzz') > 'zzzzz').toBe(true);
    expect(after('zzzzzzzzzz') > 'zzzzzzzzzz').toBe(true);
    expect(between('zzzzy', 'zzzzz')).toMatch(/^zzzzy/);
  });
});

describe('spread', () => {
  it('gives increasing short ranks with room between and around them', () => {
    for (const n of [0, 1, 2, 3, 10, 1000, 20_000]) {
      const ranks = spread(n);
      expect(ranks).toHaveLength(n);
      for (let i = 0; i < n; i++) {
        expect(isValidRank(ranks[i]!)).toBe(true);
        if (i > 0) expect(ranks[i - 1]! < ranks[i]!).toBe(true);
        expect(ranks[i]!.length).toBeLessThan(MAX_RANK_LENGTH / 2);
      }
      if (n > 1) expect(between(ranks[0]!, ranks[1]!).length).toBeLessThanOrEqual(ranks[0]!.length + 2);
    }
  });
});

/**
 * A model of one column: the list order is the truth; ranks must always sort in
 * the same order, stay unique and bounded when the caller rebalances as designed.
 */
type Op = { kind: 'insert'; at: number } | { kind: 'move'; from: number; to: number } | { kind: 'append' } | { kind: 'prepend' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const) }),
  fc.record({ kind: fc.constant('prepend' as const) }),
);

function placeAt(list: string[], index: number): { rank: string; rebalanced: boolean; list: string[] } {
  const lo = index > 0 ? list[index - 1]! : null;
  const hi = index < list.length ? list[index]! : null;
  const rank = between(lo, hi);
  if (!tooLong(rank)) {
    const next = [...list];
    next.splice(index, 0, rank);
    return { rank, rebalanced: false, list: next };
  }
  const fresh = spread(list.length + 1);
  return { rank: fresh[index]!, rebalanced: true, list: fresh };
}

describe('random sequences of inserts and moves', () => {
  it('keep one total order with unique, bounded ranks', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 300 }), (ops) => {
        // ids in display order, and their ranks (parallel arrays)
        const ids: number[] = [];
        let ranks: string[] = [];
        let nextId = 0;
        for (const op of ops) {
          if (op.kind === 'move' && ids.length > 1) {
            const from = op.from % ids.length;
            const id = ids[from]!;
            ids.splice(from, 1);
            ranks.splice(from, 1);
            const to = op.to % (ids.length + 1);
            const placed = placeAt(ranks, to);
            ids.splice(to, 0, id);
            ranks = placed.list;
          } else {
            const to =
              op.kind === 'append' ? ids.length : op.kind === 'prepend' ? 0 : op.kind === 'insert' ? op.at % (ids.length + 1) : ids.length;
            const placed = placeAt(ranks, to);
            ids.splice(to, 0, nextId++);
            ranks = placed.list;
          }
          // Ranks sort exactly like the list, are unique and valid.
          const sorted = [...ranks].sort();
          expect(sorted).toEqual(ranks);
          expect(new Set(ranks).size).toBe(ranks.length);
          for (const r of ranks) {
            expect(isValidRank(r)).toBe(true);
            expect(r.length).toBeLessThanOrEqual(MAX_RANK_LENGTH);
          }
        }
        expect(ids).toHaveLength(ranks.length);
      }),
      { numRuns: 300 },
    );
  });

  it('always inserting at the same spot eventually rebalances and stays ordered', () => {
    let ranks = spread(3);
    let rebalances = 0;
    for (let i = 0; i < 1000; i++) {
      const placed = placeAt(ranks, 1); // always right after the first
      if (placed.rebalanced) rebalances++;
      ranks = placed.list;
      expect([...ranks].sort()).toEqual(ranks);
    }
    expect(rebalances).toBeGreaterThan(0);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
  });
});
