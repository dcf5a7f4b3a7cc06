// "Is this suggestion already on the board?": the suggestions' titles and the board's
// action points' titles are embedded in ONE embedder call and compared by cosine
// similarity; the closest action point at or above the threshold (or one with the
// same title, whatever the embedder) is the suggestion's possible duplicate. Kept
// apart so that it can later read stored action-point vectors instead of embedding
// the board's titles on every call.
import type { Embedder } from '../ports/embedder.ts';

export interface DuplicateCandidate {
  id: string;
  title: string;
}

export interface DuplicateMatch {
  id: string;
  score: number;
}

/** Cosine similarity at which a suggestion is flagged as a possible duplicate. */
export const DUPLICATE_THRESHOLD = 0.8;
/** The most recent action points of the board that are compared. */
export const MAX_DUPLICATE_CANDIDATES = 500;

const sameTitle = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * For each title, the candidate it most resembles (at least `threshold`), or null.
 * Embeds nothing when either list is empty.
 */
export async function findPossibleDuplicates(
  embedder: Embedder,
  titles: readonly string[],
  candidates: readonly DuplicateCandidate[],
  opts: { threshold?: number; signal?: AbortSignal } = {},
): Promise<{ matches: (DuplicateMatch | null)[]; promptTokens: number }> {
  if (!titles.length || !candidates.length) return { matches: titles.map(() => null), promptTokens: 0 };
  const threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
  const { vectors, usage } = await embedder.embed(
    [...titles, ...candidates.map((c) => c.title)],
    opts.signal ? { signal: opts.signal } : {},
  );
  const matches = titles.map((title, i) => {
    const v = vectors[i] ?? [];
    let best: DuplicateMatch | null = null;
    candidates.forEach((c, j) => {
      const score = sameTitle(c.title) === sameTitle(title) ? 1 : cosine(v, vectors[titles.length + j] ?? []);
      if (score >= threshold && (!best || score > best.score)) best = { id: c.id, score };
    });
    return best;
  });
  return { matches, promptTokens: usage?.promptTokens ?? 0 };
}
