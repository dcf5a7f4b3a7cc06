/**
 * Text rules shared by every layer: what counts as well-formed text, how text from
 * outside is made well-formed, and how text is shortened without splitting a character.
 */

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILL_FORMED_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `s` is well-formed UTF-16 and has no NUL (PostgreSQL stores neither). */
export function isWellFormedText(s: string): boolean {
  return !ILL_FORMED.test(s);
}

/**
 * Makes text from a trusted outside source storable: NUL is removed, a lone
 * surrogate becomes U+FFFD (the replacement character).
 */
export function toStorableText(s: string): string {
  return ILL_FORMED.test(s) ? s.replace(ILL_FORMED_ALL, (m) => (m === '\u0000' ? '' : '\uFFFD')) : s;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens `s` to at most `max` UTF-16 units, cutting between graphemes (never inside
 * a surrogate pair or a combined character), with `ellipsis` appended when cut.
 */
export function truncateText(s: string, max: number, ellipsis = '…'): string {
  if (s.length <= max) return s;
  const room = Math.max(0, max - ellipsis.length);
  let end = 0;
  for (const { segment, index } of segmenter.segment(s)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${s.slice(0, end)}${ellipsis}`;
}

/** A JSON value with every string (keys included) made storable by `toStorableText`. */
export function toStorableJson(v: unknown): unknown {
  if (typeof v === 'string') return toStorableText(v);
  if (Array.isArray(v)) return v.map(toStorableJson);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [toStorableText(k), toStorableJson(x)]));
  }
  return v;
}
