// Token counts with OpenAI's BPE encodings, offline (gpt-tokenizer ships the ranks).
// Text that looks like a special token (`<|endoftext|>`) is counted as plain text.
// An encoding's ranks (tens of MB in memory) are loaded when first counted with, not
// when the process starts.
import { createRequire } from 'node:module';
import type * as Encoding from 'gpt-tokenizer/encoding/cl100k_base';

export type TokenEncoding = 'cl100k_base' | 'o200k_base';

const PLAIN = { disallowedSpecial: new Set<string>() };

const require = createRequire(import.meta.url);
const loaded = new Map<TokenEncoding, typeof Encoding>();
function encodingOf(name: TokenEncoding): typeof Encoding {
  let enc = loaded.get(name);
  if (!enc) loaded.set(name, (enc = require(`gpt-tokenizer/encoding/${name}`) as typeof Encoding));
  return enc;
}

export type TokenCounter = (text: string) => number;

/** A function counting the tokens of a text in `encoding` (default cl100k_base). */
export function tokenCounter(encoding: TokenEncoding = 'cl100k_base'): TokenCounter {
  const enc = encodingOf(encoding);
  return (text) => (text === '' ? 0 : enc.countTokens(text, PLAIN));
}

export function countTokens(text: string, encoding: TokenEncoding = 'cl100k_base'): number {
  return tokenCounter(encoding)(text);
}
