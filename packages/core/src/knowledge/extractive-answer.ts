// An answer made of the retrieved passages' own sentences, for when no chat model
// is configured. Every sentence of every chunk is scored against the question:
// - lexical: the share of the question's term weight (idf over the retrieved
//   sentences) that the sentence contains, plus a little for density;
// - semantic, when vectors are given: cosine similarity of the sentence's vector
//   with the question's, blended in.
// The best few (at most `maxSentences`, each at least `minScore` and at least
// `relativeCutoff` of the best) are kept once each (overlapping chunks repeat
// sentences, or cut one short: of overlapping spans the better one stays), grouped by document in order of relevance and by position within
// a document, and each is followed by its marker.
import { EXTRACTIVE_MODEL, NOTHING_FOUND, type Answer, type Citation, type RetrievedChunk } from './answer-types.ts';
import { citationOf, displayText, sentenceKey, sentencesOf, withMarkers, type ChunkSentence } from './citations.ts';
import type { LinkPolicy } from './markdown-safety.ts';
import { terms } from './terms.ts';

export interface ExtractiveOptions extends LinkPolicy {
  /** Most sentences in the answer. Default 3. */
  maxSentences?: number;
  /** Least score (0–1) a sentence needs to be relevant. Default 0.2. */
  minScore?: number;
  /** A kept sentence scores at least this share of the best one. Default 0.5. */
  relativeCutoff?: number;
  /**
   * Vectors from one embedder: the question's, and sentences' by `sentenceKey`.
   * A sentence without a vector is scored on its terms alone.
   */
  vectors?: { question: number[]; sentences: ReadonlyMap<string, number[]> };
  /** Weight of the semantic score when vectors are given. Default 0.3. */
  semanticWeight?: number;
}

export interface ScoredSentence extends ChunkSentence {
  score: number;
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const headingText = (s: string) =>
  s
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A heading restates the section, it answers nothing: a Markdown heading line, or one of the chunk's headings. */
function isHeading(s: ChunkSentence): boolean {
  if (/^#{1,6}\s/.test(s.text)) return true;
  const text = headingText(s.text);
  return s.chunk.headings.some((h) => headingText(h) === text);
}

/** Every sentence of the chunks but headings, once per place in its document, in retrieval order. */
export function candidateSentences(chunks: readonly RetrievedChunk[]): ChunkSentence[] {
  const seen = new Set<string>();
  const out: ChunkSentence[] = [];
  chunks.forEach((chunk, i) => {
    for (const s of sentencesOf(chunk, i)) {
      const key = sentenceKey(s);
      if (seen.has(key) || isHeading(s)) continue;
      seen.add(key);
      out.push(s);
    }
  });
  return out;
}

/** Scores sentences against a question (0 to 1), best first; ties keep retrieval order. */
export function scoreSentences(question: string, sentences: readonly ChunkSentence[], opts: ExtractiveOptions = {}): ScoredSentence[] {
  const q = [...new Set(terms(question))];
  const bags = sentences.map((s) => new Set(terms(s.text)));
  const n = sentences.length;
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag) if (q.includes(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log(1 + n / Math.max(1, df.get(t) ?? 0));
  const total = q.reduce((sum, t) => sum + weight(t), 0);
  const semantic = opts.vectors ? Math.min(1, Math.max(0, opts.semanticWeight ?? 0.3)) : 0;
  const scored = sentences.map((s, i) => {
    const bag = bags[i]!;
    let covered = 0;
    let matched = 0;
    for (const t of q) {
      if (bag.has(t)) {
        covered += weight(t);
        matched++;
      }
    }
    const lexical = total > 0 ? 0.9 * (covered / total) + 0.1 * (bag.size ? matched / bag.size : 0) : 0;
    let score = lexical;
    const v = opts.vectors?.sentences.get(sentenceKey(s));
    if (semantic && v) score = (1 - semantic) * lexical + semantic * Math.max(0, cosine(opts.vectors!.question, v));
    return { ...s, score, order: i };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ order: _order, ...s }) => s);
}

const normalized = (text: string) => terms(text).join(' ');

/** The best sentences for the question, deduplicated, in reading order. */
export function pickSentences(question: string, chunks: readonly RetrievedChunk[], opts: ExtractiveOptions = {}): ScoredSentence[] {
  const max = Math.max(1, opts.maxSentences ?? 3);
  const minScore = opts.minScore ?? 0.2;
  const ranked = scoreSentences(question, candidateSentences(chunks), opts);
  const best = ranked[0]?.score ?? 0;
  if (best < minScore) return [];
  const floor = Math.max(minScore, best * (opts.relativeCutoff ?? 0.5));
  const picked: ScoredSentence[] = [];
  const texts = new Set<string>();
  for (const s of ranked) {
    if (picked.length >= max || s.score < floor) break;
    // The same words elsewhere (a repeated paragraph, a copy of the document) add nothing.
    const key = normalized(s.text) || s.text;
    if (texts.has(key)) continue;
    // A sentence cut by a chunk boundary overlaps the whole one of the next chunk.
    if (picked.some((p) => p.chunk.documentId === s.chunk.documentId && p.start < s.end && s.start < p.end)) continue;
    texts.add(key);
    picked.push(s);
  }
  // Reading order: documents by their best sentence, sentences by position.
  const docRank = new Map<string, number>();
  picked.forEach((s, i) => {
    if (!docRank.has(s.chunk.documentId)) docRank.set(s.chunk.documentId, i);
  });
  return picked.sort((a, b) => docRank.get(a.chunk.documentId)! - docRank.get(b.chunk.documentId)! || a.start - b.start);
}

/** The extractive answer: the picked sentences, each followed by the marker of its citation. */
export function extractiveAnswer(question: string, chunks: readonly RetrievedChunk[], opts: ExtractiveOptions = {}): Answer {
  const picked = pickSentences(question, chunks, opts).filter((s) => displayText(s.text, opts) !== '');
  if (!picked.length) return { answer: NOTHING_FOUND, citations: [], mode: 'extractive', model: EXTRACTIVE_MODEL };
  const citations: Citation[] = [];
  const parts = picked.map((s) => {
    citations.push(citationOf(s.chunk, s));
    return withMarkers(displayText(s.text, opts), [citations.length]);
  });
  return { answer: parts.join(' '), citations, mode: 'extractive', model: EXTRACTIVE_MODEL };
}
