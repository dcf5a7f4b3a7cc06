// The shapes of answers with citations (API.md: `vectorDocuments.ask`).

/** A chunk retrieved for the caller, with the citation fields of a chunk hit. */
export interface RetrievedChunk {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  /** Exactly `documentText.slice(start, end)`. */
  text: string;
  /** Character offsets into the document's extracted text. */
  start: number;
  end: number;
  /** 1-based; null where the format has no pages. */
  pageStart: number | null;
  pageEnd: number | null;
  /** The section path. */
  headings: string[];
  /** The retrieval score the search gave it. */
  score: number;
}

/**
 * Where a claim of an answer comes from. `quote` is exactly the document's text
 * from `start` to `end` (a sentence of the chunk, or the whole chunk); `score` is
 * the retrieval score of the chunk it was taken from.
 */
export interface Citation {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  start: number;
  end: number;
  pageStart: number | null;
  pageEnd: number | null;
  headings: string[];
  score: number;
}

/**
 * An answer whose every marker `[n]` indexes `citations[n - 1]`; markers are
 * numbered densely in order of first use. `model` names what answered: the chat
 * model, or the extractive method.
 */
export interface Answer {
  answer: string;
  citations: Citation[];
  mode: 'model' | 'extractive';
  model: string;
}

/** What an answer says when nothing retrieved answers the question. */
export const NOTHING_FOUND = 'Nothing in the documents available to you answers this question.';

/** The extractive method, as named in `Answer.model`. */
export const EXTRACTIVE_MODEL = 'extractive-v1';
