import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedText, toStorableJson, toStorableText, truncateText } from '../src/shared/text.ts';

const wellFormed = (s: string) => !/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** Strings rich in what breaks naive cutting: pairs, lone halves, combining marks, flags, NUL. */
const tricky = fc
  .array(fc.constantFrom('a', '\u{1F600}', '\u{1F1EB}\u{1F1F7}', 'e\u0301', '\ud800', '\udc00', '\u0000', '\u00e9', '😀\u200d😀'), {
    maxLength: 80,
  })
  .map((a) => a.join(''));

describe('text rules', () => {
  it('isWellFormedText refuses NUL and unpaired surrogates only', () => {
    expect(isWellFormedText('plain é 😀')).toBe(true);
    for (const bad of ['a\u0000', '\ud800', 'x\udc00', '\udc00\ud800']) expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
    fc.assert(fc.property(tricky, (s) => isWellFormedText(s) === wellFormed(s)));
  });

  it('toStorableText gives well-formed text and keeps well-formed text as it is', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const out = toStorableText(s);
        expect(wellFormed(out)).toBe(true);
        if (wellFormed(s)) expect(out).toBe(s);
      }),
    );
    expect(toStorableJson({ 'k\u0000': ['\ud800', 1, null] })).toEqual({ k: ['\ufffd', 1, null] });
  });

  it('truncateText never splits a character and stays within the limit', () => {
    fc.assert(
      fc.property(tricky.map(toStorableText), fc.integer({ min: 1, max: 60 }), (s, max) => {
        const out = truncateText(s, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(wellFormed(out)).toBe(true);
        if (s.length <= max) expect(out).toBe(s);
        else expect(s.startsWith(out.slice(0, -1))).toBe(true);
      }),
    );
    expect(truncateText(`${'a'.repeat(198)}😀b`, 200)).toBe(`${'a'.repeat(198)}…`);
  });
});
