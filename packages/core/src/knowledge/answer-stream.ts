// An answer streamed as it is written (`vectorDocuments.onAnswer`): text deltas,
// then one final event with the whole answer, its citations, mode and model.
// Concatenated, the deltas are exactly the final `answer`, and every `[n]` in them
// indexes the final `citations`.
//
// - Without a chat model (or with nothing retrieved): the extractive answer, or
//   NOTHING_FOUND, exactly as `vectorDocuments.ask` gives it, streamed sentence by
//   sentence.
// - With one: the model is asked for plain text whose every sentence ends with the
//   ids of its sources in brackets (`… in May [S1].`), and its tokens are read as
//   they arrive. A sentence goes out once the run of source markers that ends it is
//   complete; it then passes the checks of a structured answer (model-answer.ts's
//   ModelAnswerBuilder): markers naming no retrieved chunk are dropped, a sentence
//   left citing nothing is dropped, the text loses marker-like brackets of its own,
//   images and links to hosts not allowed, and the markers are written as `[n]`,
//   numbered by first use. So nothing reaches the client before it has been checked
//   whole: a link or URL split over several tokens is removed like any other.
import type { Answer } from './answer-types.ts';
import { NOTHING_FOUND } from './answer-types.ts';
import { buildAnswerPrompt } from './answer-prompt.ts';
import { answerQuestion, type AnswerQuestionArgs } from './answers.ts';
import { ModelAnswerBuilder, type ModelSentence } from './model-answer.ts';

export type AnswerStreamEvent = { type: 'delta'; text: string } | ({ type: 'done' } & Answer);

const SOURCE_ID = String.raw`S\d{1,4}`;
const RUN = String.raw`\[\s*${SOURCE_ID}(?:\s*[,;]\s*${SOURCE_ID})*\s*\]`;
const CLOSERS = `.!?…。！？:;'"”’)`;
/** The first source marker of the text: `[S1]`, `[S1, S3]`, `[s2]`. */
const FIRST_MARKER = new RegExp(RUN, 'i');
/** Another marker right after one (closing punctuation may sit between): `[S1]. [S2]`. */
const NEXT_MARKER = new RegExp(String.raw`^([${CLOSERS}]*)\s*(${RUN})`, 'i');
const CLOSING = new RegExp(`^[${CLOSERS}]*`);
/** What may still become a source marker as more text arrives: `[`, `[S`, `[S1,`, `[S1, S2`. */
const MARKER_START = /^\[\s*(?:S\d*\s*(?:[,;]\s*(?:S\d*\s*)?)*)?$/i;
const idsOf = (marker: string): string[] => marker.match(/S\d+/gi)?.slice() ?? [];

/**
 * Cuts a model's streamed text into sentences, each the text before a run of
 * source markers (with the closing punctuation around them) and the ids of that
 * run. A sentence is complete once something other than markers, closing
 * punctuation or space follows its run, or the text ends. Text after the last run
 * is a sentence citing nothing.
 */
export class SourceMarkedSentences {
  private buffer = '';

  /** The sentences the new text completes. */
  push(text: string): ModelSentence[] {
    this.buffer += text;
    return this.drain(false);
  }

  /** The sentences left when the text has ended. */
  end(): ModelSentence[] {
    const out = this.drain(true);
    if (this.buffer.trim()) out.push({ text: this.buffer, sources: [] });
    this.buffer = '';
    return out;
  }

  private drain(final: boolean): ModelSentence[] {
    const out: ModelSentence[] = [];
    for (;;) {
      const first = FIRST_MARKER.exec(this.buffer);
      if (!first) return out;
      const sources = idsOf(first[0]);
      let closing = '';
      let at = first.index + first[0].length;
      for (;;) {
        const next = NEXT_MARKER.exec(this.buffer.slice(at));
        if (!next) break;
        closing += next[1];
        sources.push(...idsOf(next[2]!));
        at += next[0].length;
      }
      const tail = CLOSING.exec(this.buffer.slice(at))![0];
      closing += tail;
      at += tail.length;
      if (!final) {
        // The run may go on (more markers, more punctuation) until something else follows it.
        const after = this.buffer.slice(at).replace(/^\s+/, '');
        if (after === '' || MARKER_START.test(after)) return out;
      }
      out.push({ text: this.buffer.slice(0, first.index) + closing, sources });
      this.buffer = this.buffer.slice(at);
    }
  }
}

/** An answer's text in pieces that concatenate to it: each sentence with its markers (the space before it included). */
export function answerPieces(answer: string): string[] {
  return answer.split(new RegExp(String.raw`(?<=\[\d+\][${CLOSERS}]*)(?= )`));
}

/**
 * The answer to `question` from the chunks retrieved for the caller, streamed:
 * see the module's comment. A failing model call throws (before or between deltas).
 */
export async function* streamAnswer(args: AnswerQuestionArgs): AsyncGenerator<AnswerStreamEvent, void, undefined> {
  const { question, chunks, chat, signal } = args;
  if (!chat || !chunks.length) {
    const answer = await answerQuestion(args);
    for (const text of answerPieces(answer.answer)) yield { type: 'delta', text };
    yield { type: 'done', ...answer };
    return;
  }
  const prompt = buildAnswerPrompt(question, chunks, { streamed: true });
  const builder = new ModelAnswerBuilder(prompt.sources, args.options ?? {});
  const sentences = new SourceMarkedSentences();
  let model = chat.model;
  const stream = chat.stream(prompt.messages, { temperature: 0, maxTokens: args.maxTokens ?? 800, ...(signal ? { signal } : {}) });
  for await (const event of stream) {
    if (event.type === 'done') {
      model = event.model;
      continue;
    }
    for (const sentence of sentences.push(event.text)) {
      const text = builder.add(sentence);
      if (text) yield { type: 'delta', text };
    }
  }
  for (const sentence of sentences.end()) {
    const text = builder.add(sentence);
    if (text) yield { type: 'delta', text };
  }
  if (builder.empty) yield { type: 'delta', text: NOTHING_FOUND };
  yield { type: 'done', ...builder.finish(model) };
}
