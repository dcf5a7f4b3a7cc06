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
// The same rules serve a whole answer (validateModelAnswer, from structured output)
// and a streamed one (ModelAnswerBuilder, sentence by sentence as they arrive: each
// sentence's text, markers included, is final once added).
import { NOTHING_FOUND, type Answer, type Citation, type RetrievedChunk } from './answer-types.ts';
import { unescapePromptData, type ModelAnswer } from './answer-prompt.ts';
import { bestQuote, citationOf, displayText, withMarkers } from './citations.ts';
import type { LinkPolicy } from './markdown-safety.ts';

export interface ModelAnswerOptions extends LinkPolicy {
  /** Drop sentences that cite no retrieved chunk. Default true. */
  requireCitations?: boolean;
}

/** One sentence of a model's answer, as it wrote it: its text and the source ids it cites. */
export interface ModelSentence {
  text?: unknown;
  sources?: unknown;
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

/**
 * Builds a model answer sentence by sentence: `add` checks one sentence and
 * returns exactly the text it appends to the answer (with the separating space;
 * '' when the sentence is dropped), so the pieces returned, concatenated, are the
 * answer `finish` gives (or, when none was kept, NOTHING_FOUND).
 */
export class ModelAnswerBuilder {
  private readonly byChunkId = new Map<string, RetrievedChunk>();
  private readonly numbers = new Map<RetrievedChunk, number>();
  private readonly claims = new Map<RetrievedChunk, string[]>();
  private readonly parts: string[] = [];
  private readonly requireCitations: boolean;

  constructor(
    private readonly sources: ReadonlyMap<string, RetrievedChunk>,
    private readonly opts: ModelAnswerOptions = {},
  ) {
    this.requireCitations = opts.requireCitations ?? true;
    for (const c of sources.values()) {
      this.byChunkId.set(c.chunkId, c);
      this.byChunkId.set(c.chunkId.toLowerCase(), c);
    }
  }

  /** True while no sentence was kept. */
  get empty(): boolean {
    return this.parts.length === 0;
  }

  add(sentence: ModelSentence): string {
    // The model read escaped data and may write it back escaped.
    const text = displayText(unescapePromptData(typeof sentence?.text === 'string' ? sentence.text : ''), this.opts);
    if (!text) return '';
    const chunks: RetrievedChunk[] = [];
    for (const id of Array.isArray(sentence.sources) ? sentence.sources : []) {
      const c = resolve(id, this.sources, this.byChunkId);
      if (c && !chunks.includes(c)) chunks.push(c);
    }
    if (!chunks.length && this.requireCitations) return '';
    const marks = chunks.map((c) => {
      if (!this.numbers.has(c)) this.numbers.set(c, this.numbers.size + 1);
      this.claims.set(c, [...(this.claims.get(c) ?? []), text]);
      return this.numbers.get(c)!;
    });
    const part = withMarkers(text, marks);
    const piece = this.parts.length ? ` ${part}` : part;
    this.parts.push(part);
    return piece;
  }

  /** The answer of the sentences kept, with one citation per cited chunk (`model` names who answered). */
  finish(model: string): Answer {
    if (!this.parts.length) return { answer: NOTHING_FOUND, citations: [], mode: 'model', model };
    const citations: Citation[] = [...this.numbers.keys()].map((c) => citationOf(c, bestQuote(c, this.claims.get(c)!.join(' '))));
    return { answer: this.parts.join(' '), citations, mode: 'model', model };
  }
}

export function validateModelAnswer(
  reply: ModelAnswer,
  sources: ReadonlyMap<string, RetrievedChunk>,
  model: string,
  opts: ModelAnswerOptions = {},
): Answer {
  const builder = new ModelAnswerBuilder(sources, opts);
  for (const sentence of Array.isArray(reply?.sentences) ? reply.sentences : []) builder.add(sentence);
  return builder.finish(model);
}
