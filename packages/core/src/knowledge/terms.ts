// Words for matching a question against passages: NFKC, lower case, letters and
// digits only, common function words dropped, and a light suffix stemmer so that
// "launches", "launched" and "launching" all match "launch".

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her hers him his how ' +
    'i if in into is it its itself me my no nor not of on or our ours she should so than that the their theirs them then there ' +
    'these they this those to too us was we were what when where which while who whom whose why will with would you your yours ' +
    'about any all also am just more most other same some such only own very s t tell me please show give'
  ).split(' '),
);

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

/** A light English stemmer: plural and verb endings only, never below three letters. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) {
    w = undouble(w.slice(0, -3));
    return w;
  }
  if (w.endsWith('ed') && w.length > 4) {
    w = w.endsWith('ied') ? `${w.slice(0, -3)}y` : undouble(w.slice(0, -2));
    return w;
  }
  return w;
}

/** The matching terms of a text, in order (repeats kept). */
export function terms(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (STOP_WORDS.has(w)) continue;
    if (w.length < 2 && !/\d/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}
