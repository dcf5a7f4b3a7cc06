// Sentences ranked by centrality (TextRank over term vectors), for extractive
// summaries when no chat model is configured:
// - each sentence is a tf-idf vector of its terms (terms.ts: stemmed, function
//   words dropped; sublinear tf, idf over the sentences);
// - sentences are nodes of a graph weighted by the cosine similarity of their
//   vectors; PageRank (damping 0.85) over it scores how much of the text each
//   sentence shares with the rest — the sentences most like many others state
//   what the text is about;
// - the best are kept, skipping near-repeats of one already kept, and returned
//   in reading order.
import { terms } from '../knowledge/terms.ts';

export interface RankedSentence<T> {
  item: T;
  score: number;
}

export interface CentralityOptions {
  /** Sentences kept. */
  count: number;
  /** A sentence this similar (cosine) to one already kept is skipped. Default 0.6. */
  maxSimilarity?: number;
  /** Sentences with fewer terms are kept only when nothing else is left. Default 4. */
  minTerms?: number;
  /** Sentences ranked at most (the first ones of the text). Default 1500. */
  maxCandidates?: number;
}

const DAMPING = 0.85;
const ITERATIONS = 50;
const TOLERANCE = 1e-6;

type Vector = Map<string, number>;

function vectors(texts: readonly string[]): { vectors: Vector[]; termCounts: number[] } {
  const bags = texts.map((t) => {
    const counts = new Map<string, number>();
    for (const term of terms(t)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  const out = bags.map((bag) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [term, count] of bag) {
      const w = (1 + Math.log(count)) * Math.log(1 + n / df.get(term)!);
      v.set(term, w);
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [term, w] of v) v.set(term, w * scale);
    return v;
  });
  return { vectors: out, termCounts: bags.map((b) => [...b.values()].reduce((s, c) => s + c, 0)) };
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

/** PageRank scores of a weighted undirected graph given as a dense similarity matrix. */
export function pageRank(weights: Float64Array[], damping = DAMPING): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const outSum = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    // A sentence sharing nothing with the rest gives its rank to everyone alike.
    let dangling = 0;
    for (let j = 0; j < n; j++) if (outSum[j] === 0) dangling += rank[j]!;
    const next = new Array<number>(n).fill((1 - damping) / n + (damping * dangling) / n);
    for (let j = 0; j < n; j++) {
      if (outSum[j] === 0) continue;
      const share = (damping * rank[j]!) / outSum[j]!;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) if (row[i]) next[i]! += share * row[i]!;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - rank[i]!);
    rank = next;
    if (delta < TOLERANCE) break;
  }
  return rank;
}

/** The `count` most central of `items` (by their text), in their original order, each with its score. */
export function centralSentences<T>(items: readonly T[], textOf: (item: T) => string, opts: CentralityOptions): RankedSentence<T>[] {
  const candidates = items.slice(0, opts.maxCandidates ?? 1500);
  const n = candidates.length;
  if (n === 0 || opts.count <= 0) return [];
  const { vectors: vs, termCounts } = vectors(candidates.map(textOf));
  const weights = vs.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = cosine(vs[i]!, vs[j]!);
      if (w > 0) {
        weights[i]![j] = w;
        weights[j]![i] = w;
      }
    }
  }
  const scores = pageRank(weights);
  const order = scores.map((score, index) => ({ index, score })).sort((a, b) => b.score - a.score || a.index - b.index);
  const minTerms = opts.minTerms ?? 4;
  const maxSimilarity = opts.maxSimilarity ?? 0.6;
  const kept: number[] = [];
  const pick = (allowShort: boolean) => {
    for (const { index } of order) {
      if (kept.length >= opts.count) return;
      if (kept.includes(index) || termCounts[index] === 0) continue;
      if (!allowShort && termCounts[index]! < minTerms) continue;
      if (kept.some((k) => cosine(vs[k]!, vs[index]!) > maxSimilarity)) continue;
      kept.push(index);
    }
  };
  pick(false);
  if (kept.length < opts.count) pick(true);
  return kept.sort((a, b) => a - b).map((index) => ({ item: candidates[index]!, score: scores[index]! }));
}
