// Sentences of a text as exact spans: `text.slice(start, end)` is the sentence,
// without the whitespace around it. Boundaries: a blank line; a line break after
// terminal punctuation, before a list item, or after one when the next line
// starts with a capital; terminal punctuation (with closing
// quotes or brackets) followed by whitespace and then anything but a lower-case
// letter. A sentence longer than MAX_SENTENCE_CHARS is cut at whitespace.

export interface Span {
  start: number;
  end: number;
}

export const MAX_SENTENCE_CHARS = 400;

const TERMINAL = /[.!?…。！？]['"”’)\]]*$/;
const LIST_ITEM = /^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Candidate cut positions: ends of sentences (before the whitespace that follows them). */
function boundaries(text: string): number[] {
  const cuts: number[] = [];
  // Blank lines and line breaks that end a sentence or start a list item.
  for (const m of text.matchAll(/\r?\n/g)) {
    const at = m.index;
    const before = text.slice(0, at).replace(/[ \t]+$/, '');
    const after = text.slice(at + m[0].length);
    const blank = /^[ \t]*\r?\n/.test(after);
    const line = before.slice(before.lastIndexOf('\n') + 1);
    const afterItem = LIST_ITEM.test(line) && /^\s*\p{Lu}/u.test(after);
    if (blank || afterItem || TERMINAL.test(before.slice(-8)) || LIST_ITEM.test(after.slice(0, 8))) cuts.push(at);
  }
  // Terminal punctuation followed by whitespace and not by a lower-case letter.
  for (const m of text.matchAll(/[.!?…。！？]['"”’)\]]*(?=\s)/g)) {
    const end = m.index + m[0].length;
    const next = /\S/.exec(text.slice(end, end + 16));
    if (next && /\p{Ll}/u.test(next[0])) continue;
    cuts.push(end);
  }
  // CJK full stops need no whitespace after them.
  for (const m of text.matchAll(/[。！？](?=\S)/g)) cuts.push(m.index + 1);
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** Trims whitespace off [start, end) and cuts it into pieces of at most `max` characters. */
function pieces(text: string, start: number, end: number, max: number): Span[] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return [];
  if (end - start <= max) return HAS_WORD.test(text.slice(start, end)) ? [{ start, end }] : [];
  const window = text.slice(start, start + max + 1);
  let cut = Math.max(window.lastIndexOf(' ', max), window.lastIndexOf('\n', max), window.lastIndexOf('\t', max));
  if (cut <= 0) {
    cut = max;
    // Never between the halves of a surrogate pair.
    const code = text.charCodeAt(start + cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
  }
  return [...pieces(text, start, start + cut, max), ...pieces(text, start + cut, end, max)];
}

/** The sentences of `text`, in order, as spans into it. */
export function splitSentences(text: string, max = MAX_SENTENCE_CHARS): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const cut of [...boundaries(text), text.length]) {
    if (cut <= from) continue;
    out.push(...pieces(text, from, cut, max));
    from = cut;
  }
  return out;
}
