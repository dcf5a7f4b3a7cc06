// Finding a model's quote in the source it claims to quote. The comparison forgives
// what copying text tends to change — letter case, runs of whitespace and line
// breaks, typographic quotes and dashes, compatibility forms (NFKC), surrounding
// quotation marks and a trailing ellipsis — and nothing else: a quote whose words
// are not in the source is not found. What is found is returned as offsets into the
// source, so the quote shown is always the source's own text.

export interface QuoteSpan {
  start: number;
  end: number;
}

/** The fewest letters or digits a quote must hold to be looked for (shorter ones match anywhere). */
export const MIN_QUOTE_WORD_CHARS = 8;

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00ad': '',
};

interface Folded {
  text: string;
  /** `map[i]`: the offset in the original of the character folded into `text[i]`. */
  map: number[];
  /** `ends[i]`: the offset just past that original character. */
  ends: number[];
}

/** Case-folded, whitespace-collapsed text, with where each of its characters came from. */
export function fold(s: string): Folded {
  let text = '';
  const map: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (/\s/u.test(ch)) {
      if (text.length > 0 && text[text.length - 1] !== ' ') {
        text += ' ';
        map.push(i);
        ends.push(next);
      }
    } else {
      const out = FOLD[ch] ?? ch.normalize('NFKC').toLowerCase();
      for (const unit of out) {
        for (let k = 0; k < unit.length; k++) {
          map.push(i);
          ends.push(next);
        }
        text += unit;
      }
    }
    i = next;
  }
  return { text, map, ends };
}

/** The quote as it is looked for: folded, without quotation marks or an ellipsis around it. */
function needle(quote: string): string {
  let q = fold(quote).text.trim();
  for (let i = 0; i < 3; i++) {
    const before = q;
    q = q
      .replace(/^(?:\.\.\.|…)\s*/, '')
      .replace(/\s*(?:\.\.\.|…)$/, '')
      .replace(/^["'`«»]+|["'`«»]+$/g, '')
      .trim();
    if (q === before) break;
  }
  return q;
}

/**
 * Where `quote` occurs in `source` (the first occurrence at or after `from`), as
 * offsets into `source`; null when it does not occur or is too short to tell.
 */
export function locateQuote(source: string, quote: string, from = 0): QuoteSpan | null {
  const q = needle(quote);
  if ((q.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_QUOTE_WORD_CHARS) return null;
  const hay = fold(source);
  let startAt = 0;
  while (startAt < hay.map.length && hay.map[startAt]! < from) startAt++;
  const at = hay.text.indexOf(q, startAt);
  if (at < 0) return null;
  let start = hay.map[at]!;
  let end = hay.ends[at + q.length - 1]!;
  while (start < end && /\s/.test(source[start]!)) start++;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
