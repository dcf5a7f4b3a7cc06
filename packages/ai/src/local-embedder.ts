// The offline embedder: signed feature hashing. Each text becomes a bag of
// features — word unigrams, word bigrams and character 3–5-grams of each word —
// hashed into `dimensions` buckets with a hashed sign (so collisions cancel out
// on average instead of piling up), weighted by 1 + ln(count), and L2-normalized.
// Texts that share words, word pairs or word pieces (inflections, compounds,
// typos) get a higher cosine similarity than texts that share nothing. No model
// weights, no network, the same vector for the same text on every machine.
import type { EmbedOptions, EmbedResult, Embedder } from './types.ts';

export const LOCAL_EMBEDDING_MODEL = 'local-hashing-v1';

/** Very common English words: they still count, at a tenth of the weight. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his i if in into is it its of on or our she so than that the their them then there these they this to was we were what when which who will with you your'.split(
    ' ',
  ),
);

const WEIGHT_UNIGRAM = 1;
const WEIGHT_STOP_WORD = 0.1;
const WEIGHT_BIGRAM = 0.7;
const WEIGHT_CHAR_GRAM = 0.25;
const CHAR_GRAM_SIZES = [3, 4, 5];

/** FNV-1a over UTF-16 code units, with a chosen offset basis, as an unsigned 32-bit integer. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (from murmur3's fmix32) so that nearby inputs spread over all buckets.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower case, accents removed, compatibility forms folded; words are runs of letters and digits. */
export function localTokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Each feature with its weight and how often it occurs. */
function features(text: string): Map<string, { weight: number; count: number }> {
  const words = localTokens(text);
  const counts = new Map<string, { weight: number; count: number }>();
  const add = (feature: string, weight: number) => {
    const seen = counts.get(feature);
    if (seen) seen.count++;
    else counts.set(feature, { weight, count: 1 });
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const stop = STOP_WORDS.has(word);
    add(`w:${word}`, stop ? WEIGHT_STOP_WORD : WEIGHT_UNIGRAM);
    const next = words[i + 1];
    if (next !== undefined && !(stop && STOP_WORDS.has(next))) add(`b:${word} ${next}`, WEIGHT_BIGRAM);
    if (stop) continue;
    const padded = `<${word}>`;
    for (const n of CHAR_GRAM_SIZES) {
      for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`, WEIGHT_CHAR_GRAM);
    }
  }
  return counts;
}

/** Embeds one text. A text without letters or digits gets the first unit vector (all such texts are equal). */
export function hashingEmbedding(text: string, dimensions: number): number[] {
  const vector = new Float64Array(dimensions);
  for (const [feature, { weight, count }] of features(text)) {
    // Sublinear term frequency: a word said ten times is not ten times as telling.
    const value = weight * (1 + Math.log(count));
    const bucket = fnv1a(feature, 0x811c9dc5) % dimensions;
    const sign = fnv1a(feature, 0x01234567) & 1 ? 1 : -1;
    vector[bucket] = vector[bucket]! + sign * value;
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  const out = new Array<number>(dimensions);
  if (norm === 0) {
    out.fill(0);
    out[0] = 1;
    return out;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dimensions; i++) out[i] = vector[i]! * scale;
  return out;
}

export interface LocalEmbedderOptions {
  dimensions: number;
}

/** Implements core's Embedder port without any outside service. */
export class LocalHashingEmbedder implements Embedder {
  readonly model = LOCAL_EMBEDDING_MODEL;
  readonly dimensions: number;

  constructor(opts: LocalEmbedderOptions) {
    if (!Number.isInteger(opts.dimensions) || opts.dimensions < 2) {
      throw new RangeError(`dimensions must be a whole number ≥ 2, got ${opts.dimensions}`);
    }
    this.dimensions = opts.dimensions;
  }

  async embed(texts: string[], opts: EmbedOptions = {}): Promise<EmbedResult> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i++) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      // Let other work run between batches of a long list.
      if (i > 0 && i % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      vectors.push(hashingEmbedding(texts[i]!, this.dimensions));
    }
    return { vectors };
  }
}
