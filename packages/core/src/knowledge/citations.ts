// Shared by extractive and model answers: sentences of retrieved chunks with
// their exact document offsets, how a quote is cut from a chunk, and how markers
// are written into answer text.
import type { Citation, RetrievedChunk } from './answer-types.ts';
import { stripUnsafeMarkdown, type LinkPolicy } from './markdown-safety.ts';
import { splitSentences } from './sentences.ts';
import { terms } from './terms.ts';

/** A sentence of a retrieved chunk; `start`/`end` are offsets into the document's text. */
export interface ChunkSentence {
  chunk: RetrievedChunk;
  /** Position of the chunk in the retrieved list (its rank). */
  chunkIndex: number;
  text: string;
  start: number;
  end: number;
}

/** Identifies a sentence by its place in its document (overlapping chunks share sentences). */
export const sentenceKey = (s: { chunk: { documentId: string }; start: number; end: number }) =>
  `${s.chunk.documentId}:${s.start}:${s.end}`;

export function sentencesOf(chunk: RetrievedChunk, chunkIndex: number): ChunkSentence[] {
  return splitSentences(chunk.text).map((span) => ({
    chunk,
    chunkIndex,
    text: chunk.text.slice(span.start, span.end),
    start: chunk.start + span.start,
    end: chunk.start + span.end,
  }));
}

export function citationOf(chunk: RetrievedChunk, span: { start: number; end: number }): Citation {
  return {
    chunkId: chunk.chunkId,
    documentId: chunk.documentId,
    documentTitle: chunk.documentTitle,
    quote: chunk.text.slice(span.start - chunk.start, span.end - chunk.start),
    start: span.start,
    end: span.end,
    pageStart: chunk.pageStart,
    pageEnd: chunk.pageEnd,
    headings: [...chunk.headings],
    score: chunk.score,
  };
}

/**
 * The quote for a claim that cites `chunk`: the chunk's sentence sharing the most
 * terms with the claim (ties: the earlier one), or the whole chunk when no
 * sentence shares any.
 */
export function bestQuote(chunk: RetrievedChunk, claim: string): { start: number; end: number } {
  const wanted = new Set(terms(claim));
  let best: { start: number; end: number } | null = null;
  let bestScore = 0;
  for (const s of sentencesOf(chunk, 0)) {
    const have = new Set(terms(s.text));
    let shared = 0;
    for (const t of have) if (wanted.has(t)) shared++;
    const score = shared / Math.sqrt(have.size || 1);
    if (shared > 0 && score > bestScore) {
      best = { start: s.start, end: s.end };
      bestScore = score;
    }
  }
  return best ?? { start: chunk.start, end: chunk.end };
}

/** `[12]`, `[S3]`, `[1, 2]`, `[^4]`: anything that reads as a marker in text we did not number. */
const MARKER_LIKE = /\[\^?\s*[A-Za-z]?\d+(?:\s*[,;–-]\s*[A-Za-z]?\d+)*\s*\]/g;

/**
 * Text for display: no marker-like brackets of its own (so every `[n]` in an
 * answer is one of ours), no unsafe images or links, whitespace collapsed.
 */
export function displayText(text: string, policy: LinkPolicy = {}): string {
  return stripUnsafeMarkdown(text, policy)
    .replace(MARKER_LIKE, (m) => `(${m.slice(1, -1).trim()})`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Appends markers to a sentence, before its closing punctuation: `It ships in May [1][2].` */
export function withMarkers(sentence: string, numbers: number[]): string {
  if (!numbers.length) return sentence;
  const marks = numbers.map((n) => `[${n}]`).join('');
  const m = /[.!?…。！？:;]['"”’)]*$/.exec(sentence);
  return m ? `${sentence.slice(0, m.index).trimEnd()} ${marks}${sentence.slice(m.index)}` : `${sentence} ${marks}`;
}
