// Token counts with OpenAI's BPE encodings, offline (gpt-tokenizer ships the ranks).
// Text that looks like a special token (`<|endoftext|>`) is counted as plain text.
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';

export type TokenEncoding = 'cl100k_base' | 'o200k_base';

const PLAIN = { disallowedSpecial: new Set<string>() };

export type TokenCounter = (text: string) => number;

/** A function counting the tokens of a text in `encoding` (default cl100k_base). */
export function tokenCounter(encoding: TokenEncoding = 'cl100k_base'): TokenCounter {
  const enc = encoding === 'o200k_base' ? o200k : cl100k;
  return (text) => (text === '' ? 0 : enc.countTokens(text, PLAIN));
}

export function countTokens(text: string, encoding: TokenEncoding = 'cl100k_base'): number {
  return tokenCounter(encoding)(text);
}
