import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../src/knowledge/fusion.ts';

const rankedList = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'.split('')), { maxLength: 12 });

describe('reciprocalRankFusion', () => {
  it('scores sum(1 / (60 + rank)) over the lists', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[0]!.ranks).toEqual([2, 1]);
    expect(fused[2]!.ranks).toEqual([null, 2]);
    expect(RRF_K).toBe(60);
  });

  it('holds each id once, with the brute-force score, best first, in a total order', () => {
    fc.assert(
      fc.property(fc.array(rankedList, { maxLength: 4 }), fc.integer({ min: 0, max: 100 }), (lists, k) => {
        const fused = reciprocalRankFusion(lists, { k });
        const ids = new Set(lists.flat());
        expect(new Set(fused.map((f) => f.id))).toEqual(ids);
        expect(fused).toHaveLength(ids.size);
        for (const f of fused) {
          const expected = lists.reduce((s, l) => (l.includes(f.id) ? s + 1 / (k + l.indexOf(f.id) + 1) : s), 0);
          expect(f.score).toBeCloseTo(expected, 12);
        }
        for (let i = 1; i < fused.length; i++) expect(fused[i - 1]!.score).toBeGreaterThanOrEqual(fused[i]!.score);
        // Input order of the lists does not matter.
        expect(reciprocalRankFusion([...lists].reverse(), { k }).map((f) => f.id)).toEqual(fused.map((f) => f.id));
      }),
    );
  });

  it('never ranks an item lower after it moves up in one list', () => {
    fc.assert(
      fc.property(
        fc.array(
          rankedList.filter((l) => l.length > 1),
          { minLength: 1, maxLength: 3 },
        ),
        fc.nat(),
        fc.nat(),
        (lists, li, pick) => {
          const list = lists[li % lists.length]!;
          const i = 1 + (pick % (list.length - 1));
          const id = list[i]!;
          const before = reciprocalRankFusion(lists).findIndex((f) => f.id === id);
          const promoted = [...list];
          [promoted[i - 1], promoted[i]] = [promoted[i]!, promoted[i - 1]!];
          const after = reciprocalRankFusion(lists.map((l) => (l === list ? promoted : l))).findIndex((f) => f.id === id);
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });

  it('puts an item first in every list first, and weights lists', () => {
    fc.assert(
      fc.property(fc.array(rankedList, { minLength: 1, maxLength: 4 }), (lists) => {
        const withTop = lists.map((l) => ['top', ...l]);
        expect(reciprocalRankFusion(withTop)[0]!.id).toBe('top');
      }),
    );
    const weighted = reciprocalRankFusion([['a'], ['b']], { weights: [1, 2] });
    expect(weighted.map((f) => f.id)).toEqual(['b', 'a']);
    expect(reciprocalRankFusion([['a', 'a', 'b']])[0]!.ranks).toEqual([1]);
  });
});
