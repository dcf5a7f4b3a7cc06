/**
 * Lexorank: positions as strings whose byte order is the display order.
 *
 * A rank is a base-36 fraction `0.d1d2d3…` written as its digits `d1d2d3…`
 * (`0-9a-z`), never ending in `0`. Without trailing zeros, comparing two ranks as
 * strings gives the same answer as comparing the fractions, so PostgreSQL orders
 * them correctly under the C collation and under any collation where digits sort
 * before letters and lowercase letters in alphabetical order.
 *
 * There is always a rank strictly between two different ranks, so `between`
 * never fails on valid input; it only gets longer. Callers compare the result with
 * MAX_RANK_LENGTH and, when it is longer, rewrite the whole list with `spread`.
 *
 * `between` has a twin in SQL, ap_rank_between (migration 20261126160000_rank_functions),
 * used by moves done in one statement; test/lexorank-sql.test.ts holds the two
 * equal, so a change here needs a migration that changes it there too.
 */

export const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

/** Longest rank a caller should store; beyond it, rebalance the list. */
export const MAX_RANK_LENGTH = 32;

/**
 * Inserting at either end steps by one unit at this depth (36^-STEP_DEPTH), so a
 * list built by appending keeps ranks of this length for millions of items and
 * leaves a gap of 36 at the next depth between neighbours for later moves.
 */
export const STEP_DEPTH = 5;

const RANK_RE = /^[0-9a-z]*[1-9a-z]$/;

export class RankError extends Error {
  override name = 'RankError';
}

export function isValidRank(rank: string): boolean {
  return rank.length > 0 && RANK_RE.test(rank);
}

function check(rank: string, name: string): void {
  if (!isValidRank(rank)) throw new RankError(`${name} is not a valid rank: ${JSON.stringify(rank)}`);
}

const digit = (s: string, i: number): number => (i < s.length ? DIGITS.indexOf(s[i]!) : 0);

/** Removes trailing zeros (same fraction, canonical spelling). */
function trimZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '0') end--;
  return s.slice(0, end);
}

/**
 * The shortest fraction strictly between `a` (or 0 when empty) and `b` (or 1 when
 * null), choosing the middle digit where there is room.
 */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Common prefix (a padded with zeros) stays.
    let n = 0;
    while (n < b.length && digit(a, n) === DIGITS.indexOf(b[n]!)) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a.length > 0 ? digit(a, 0) : 0;
  const db = b !== null ? DIGITS.indexOf(b[0]!) : BASE;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  // Consecutive first digits: b's first digit alone is already above a when b has more.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

/** Digits of `s` at exactly `depth` places (truncated or zero-padded). */
function fixed(s: string, depth: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < depth; i++) out.push(digit(s, i));
  return out;
}

function toRank(digits: number[]): string {
  return trimZeros(digits.map((d) => DIGITS[d]).join(''));
}

/** `a` truncated to STEP_DEPTH plus one unit, or null on overflow. */
function stepUp(a: string): string | null {
  const d = fixed(a, STEP_DEPTH);
  for (let i = d.length - 1; i >= 0; i--) {
    if (d[i]! < BASE - 1) {
      d[i]!++;
      return toRank(d);
    }
    d[i] = 0;
  }
  return null;
}

/** `b` truncated to STEP_DEPTH minus one unit, or null when that reaches zero. */
function stepDown(b: string): string | null {
  const d = fixed(b, STEP_DEPTH);
  for (let i = d.length - 1; i >= 0; i--) {
    if (d[i]! > 0) {
      d[i]!--;
      const r = toRank(d);
      return r.length > 0 ? r : null;
    }
    d[i] = BASE - 1;
  }
  return null;
}

/**
 * A rank strictly between `a` and `b`: `a` null means "before everything", `b`
 * null "after everything". Throws RankError when a rank is malformed or a ≥ b.
 */
export function between(a: string | null, b: string | null): string {
  if (a !== null) check(a, 'a');
  if (b !== null) check(b, 'b');
  if (a !== null && b !== null && a >= b) {
    throw new RankError(`a must sort before b: ${JSON.stringify(a)} >= ${JSON.stringify(b)}`);
  }
  if (a === null && b === null) return midpoint('', null);
  if (b === null) {
    const up = stepUp(a!);
    if (up !== null && up > a! && up.length <= a!.length + STEP_DEPTH) return up;
    return midpoint(a!, null);
  }
  if (a === null) {
    const down = stepDown(b);
    if (down !== null && down < b) return down;
    return midpoint('', b);
  }
  return midpoint(a, b);
}

/** A rank after `a` (or the first one). */
export const after = (a: string | null): string => between(a, null);
/** A rank before `b` (or the first one). */
export const before = (b: string | null): string => between(null, b);

/** True when a rank is too long to store: the list must be rebalanced. */
export const tooLong = (rank: string): boolean => rank.length > MAX_RANK_LENGTH;

/**
 * `count` increasing ranks spread evenly over the whole range, all of the same
 * short length (at least STEP_DEPTH digits, so ends keep room for stepping).
 */
export function spread(count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RankError(`invalid count ${count}`);
  if (count === 0) return [];
  let depth = STEP_DEPTH;
  // At least 36 units between neighbours at this depth.
  while (BASE ** depth / (count + 1) < BASE) depth++;
  const total = BigInt(BASE) ** BigInt(depth);
  const gap = total / BigInt(count + 1);
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    let v = gap * BigInt(i);
    const d: number[] = new Array(depth).fill(0);
    for (let p = depth - 1; p >= 0; p--) {
      d[p] = Number(v % BigInt(BASE));
      v /= BigInt(BASE);
    }
    out.push(toRank(d));
  }
  return out;
}

/** Standard string comparison, exported for sorting ranks the same way as the database. */
export const compareRanks = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
