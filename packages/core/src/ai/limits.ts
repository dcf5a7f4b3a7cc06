// Every size limit of the AI procedures, in one place (the API's input schemas and
// core's prompts read them from here). Inputs over a limit are a 400 naming the
// field; nothing is cut silently, except where said (a document longer than a
// summary reads).

/** Messages in one `ai.chat` call (the conversation so far, the new one last). */
export const MAX_CHAT_MESSAGES = 50;
/** Characters of one chat message. */
export const MAX_CHAT_MESSAGE_CHARS = 8_000;
/** Characters of all messages of one `ai.chat` call (about 8,000 tokens of English). */
export const MAX_CHAT_TOTAL_CHARS = 32_000;
/** Documents one `ai.chat` call may be grounded in. */
export const MAX_CHAT_DOCUMENTS = 100;
/** Chunks retrieved to ground one chat reply. */
export const CHAT_CHUNKS = 8;
/** Characters of the retrieval query made from the conversation (the last user turns). */
export const MAX_CHAT_QUERY_CHARS = 2_000;
/** Longest reply asked of the chat model, in tokens. */
export const CHAT_REPLY_MAX_TOKENS = 800;

/** Characters of an inline text given to `ai.summarize` (about 25,000 tokens of English). */
export const MAX_SUMMARIZE_TEXT_CHARS = 100_000;
/**
 * Characters of source text one summarizing call reads (about 3,000 tokens): a
 * document longer than this is summarized section by section, then the section
 * summaries are summarized.
 */
export const SUMMARY_SECTION_CHARS = 12_000;
/**
 * Characters of a document a summary reads at most (8 section calls). Of a longer
 * document, every section keeps its first chunks, in turn, until this is reached.
 */
export const MAX_SUMMARY_SOURCE_CHARS = 96_000;
/** Section calls running at once for one summary. */
export const SUMMARY_CONCURRENCY = 4;
/** Longest summary asked of the model, in tokens (per section and overall). */
export const SUMMARY_MAX_TOKENS = 600;
/** Sentences of an extractive summary: between these, about √(sentences) of the text. */
export const EXTRACTIVE_SUMMARY_MIN_SENTENCES = 3;
export const EXTRACTIVE_SUMMARY_MAX_SENTENCES = 8;

/** The per-user window of AI_REQUESTS_PER_MINUTE. */
export const AI_REQUEST_WINDOW_SECONDS = 60;
