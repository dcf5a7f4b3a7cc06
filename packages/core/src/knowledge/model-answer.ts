// What a chat model returned, made safe to show and true to its sources:
// - a citation survives only when it names a chunk that was retrieved for this
//   question (by its source id S1…Sn, or by its chunk id); anything else is dropped;
// - policy `requireCitations` (the default, and what API.md asks: every claim
//   carries a marker): a sentence left citing nothing is dropped; without it, such
//   a sentence stays, without a marker;
// - the model's text keeps no markers of its own, no images, and no links whose
//   host is not allowed (see markdown-safety.ts);
// - markers are numbered densely in order of first use, one citation per chunk;
//   its quote is the chunk's sentence that best matches the sentences citing it,
//   or the whole chunk when none shares a word with them.
import { NOTHING_FOUND, type Answer, type Citation, type RetrievedChunk } from './answer-types.ts';
import { unescapePromptData, type ModelAnswer } from './answer-prompt.ts';
import { bestQuote, citationOf, displayText, withMarkers } from './citations.ts';
import type { LinkPolicy } from './markdown-safety.ts';

export interface ModelAnswerOptions extends LinkPolicy {
  /** Drop sentences that cite no retrieved chunk. Default true. */
  requireCitations?: boolean;
}

/** The retrieved chunk a cited id names, if any: `S3`, `[S3]`, `s3`, or a retrieved chunk's id. */
function resolve(id: unknown, sources: ReadonlyMap<string, RetrievedChunk>, byChunkId: ReadonlyMap<string, RetrievedChunk>) {
  if (typeof id !== 'string') return undefined;
  const clean = id
    .trim()
    .replace(/^\[|\]$/g, '')
    .trim();
  return sources.get(clean.toUpperCase()) ?? byChunkId.get(clean.toLowerCase()) ?? byChunkId.get(clean);
}

export function validateModelAnswer(
  reply: ModelAnswer,
  sources: ReadonlyMap<string, RetrievedChunk>,
  model: string,
  opts: ModelAnswerOptions = {},
): Answer {
  const requireCitations = opts.requireCitations ?? true;
  const byChunkId = new Map<string, RetrievedChunk>();
  for (const c of sources.values()) {
    byChunkId.set(c.chunkId, c);
    byChunkId.set(c.chunkId.toLowerCase(), c);
  }
  const kept: { text: string; chunks: RetrievedChunk[] }[] = [];
  for (const sentence of Array.isArray(reply?.sentences) ? reply.sentences : []) {
    // The model read escaped data and may write it back escaped.
    const text = displayText(unescapePromptData(typeof sentence?.text === 'string' ? sentence.text : ''), opts);
    if (!text) continue;
    const chunks: RetrievedChunk[] = [];
    for (const id of Array.isArray(sentence.sources) ? sentence.sources : []) {
      const c = resolve(id, sources, byChunkId);
      if (c && !chunks.includes(c)) chunks.push(c);
    }
    if (!chunks.length && requireCitations) continue;
    kept.push({ text, chunks });
  }
  if (!kept.length) return { answer: NOTHING_FOUND, citations: [], mode: 'model', model };

  const numbers = new Map<RetrievedChunk, number>();
  const claims = new Map<RetrievedChunk, string[]>();
  const parts = kept.map(({ text, chunks }) => {
    const marks = chunks.map((c) => {
      if (!numbers.has(c)) numbers.set(c, numbers.size + 1);
      claims.set(c, [...(claims.get(c) ?? []), text]);
      return numbers.get(c)!;
    });
    return withMarkers(text, marks);
  });
  const citations: Citation[] = [...numbers.keys()].map((c) => citationOf(c, bestQuote(c, claims.get(c)!.join(' '))));
  return { answer: parts.join(' '), citations, mode: 'model', model };
}
