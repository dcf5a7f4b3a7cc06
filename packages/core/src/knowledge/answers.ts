// Answers to a question from the chunks retrieved for the caller:
// - with a chat model: the chunks go into the prompt as quoted data
//   (answer-prompt.ts), the model answers in JSON through `completeJson`, and
//   its answer keeps only citations to those chunks (model-answer.ts);
// - without one: an extractive answer (extractive-answer.ts), optionally helped
//   by an embedder's vectors of the question and the sentences.
// A failing model call is not hidden behind an extractive answer: its error
// propagates (the API answers SERVICE_UNAVAILABLE with Retry-After).
import type { ChatModel } from '../ports/chat-model.ts';
import type { Embedder } from '../ports/embedder.ts';
import { EXTRACTIVE_MODEL, NOTHING_FOUND, type Answer, type RetrievedChunk } from './answer-types.ts';
import { ANSWER_FORMAT, buildAnswerPrompt } from './answer-prompt.ts';
import { sentenceKey } from './citations.ts';
import { candidateSentences, extractiveAnswer, scoreSentences, type ExtractiveOptions } from './extractive-answer.ts';
import { validateModelAnswer, type ModelAnswerOptions } from './model-answer.ts';

export type { Answer, Citation, RetrievedChunk } from './answer-types.ts';
export { EXTRACTIVE_MODEL, NOTHING_FOUND } from './answer-types.ts';

export interface AnswerQuestionArgs {
  question: string;
  /** The chunks retrieved for the caller, best first. */
  chunks: readonly RetrievedChunk[];
  /** Null: answer extractively. */
  chat: ChatModel | null;
  /** For extractive answers: vectors of the question and the best sentences add a semantic score. */
  embedder?: Embedder;
  signal?: AbortSignal;
  /** Upper bound on the model's answer. Default 800 tokens. */
  maxTokens?: number;
  options?: ExtractiveOptions & ModelAnswerOptions;
}

/** Sentences embedded with the question for an extractive answer (one request of 64 inputs). */
export const MAX_EMBEDDED_SENTENCES = 63;

export async function answerQuestion(args: AnswerQuestionArgs): Promise<Answer> {
  const { question, chunks, chat, signal } = args;
  const options = args.options ?? {};
  // Nothing visible: nothing to ask a model about.
  if (!chunks.length) return { answer: NOTHING_FOUND, citations: [], mode: 'extractive', model: EXTRACTIVE_MODEL };
  if (chat) {
    const prompt = buildAnswerPrompt(question, chunks);
    const reply = await chat.completeJson(prompt.messages, ANSWER_FORMAT, {
      temperature: 0,
      maxTokens: args.maxTokens ?? 800,
      ...(signal ? { signal } : {}),
    });
    return validateModelAnswer(reply.value, prompt.sources, reply.model, options);
  }
  if (args.embedder && !options.vectors) {
    const top = scoreSentences(question, candidateSentences(chunks), options).slice(0, MAX_EMBEDDED_SENTENCES);
    if (top.length) {
      const { vectors } = await args.embedder.embed([question, ...top.map((s) => s.text)], signal ? { signal } : {});
      const sentences = new Map(top.map((s, i) => [sentenceKey(s), vectors[i + 1]!]));
      return extractiveAnswer(question, chunks, { ...options, vectors: { question: vectors[0]!, sentences } });
    }
  }
  return extractiveAnswer(question, chunks, options);
}
