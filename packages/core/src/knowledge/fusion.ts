// Reciprocal-rank fusion (Cormack et al. 2009): an item's score is the sum over the
// ranked lists it appears in of weight / (k + rank), rank 1-based. The hybrid SQL
// search computes the same `sum(1 / (60 + r))`; ties go to the better best rank,
// then to the smaller id, so the order is total and repeatable.

export const RRF_K = 60;

export interface FusedItem<Id extends string | number = string> {
  id: Id;
  score: number;
  /** The item's 1-based rank in each input list, null where it is absent. */
  ranks: (number | null)[];
}

export interface FusionOptions {
  /** Default 60. */
  k?: number;
  /** One weight per list; default 1 each. */
  weights?: number[];
}

/**
 * Fuses ranked lists of ids (best first). An id repeated within one list counts
 * at its first (best) position only.
 */
export function reciprocalRankFusion<Id extends string | number>(
  lists: readonly (readonly Id[])[],
  options: FusionOptions = {},
): FusedItem<Id>[] {
  const k = options.k ?? RRF_K;
  if (!(k >= 0)) throw new RangeError('k must be ≥ 0');
  const byId = new Map<Id, FusedItem<Id>>();
  lists.forEach((list, li) => {
    const weight = options.weights?.[li] ?? 1;
    list.forEach((id, i) => {
      let item = byId.get(id);
      if (!item) {
        item = { id, score: 0, ranks: lists.map(() => null) };
        byId.set(id, item);
      }
      if (item.ranks[li] !== null) return;
      item.ranks[li] = i + 1;
      item.score += weight / (k + i + 1);
    });
  });
  const best = (item: FusedItem<Id>) => Math.min(...item.ranks.map((r) => r ?? Infinity));
  return [...byId.values()].sort((a, b) => b.score - a.score || best(a) - best(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
