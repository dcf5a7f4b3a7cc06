import { AppError } from './errors.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque keyset cursor: the sort key values of the last item, base64url JSON. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What one value of a cursor must be; decodeCursor checks it before any query sees it. */
export type CursorKind = 'date' | 'uuid' | 'text' | 'nullableText' | 'seq';
type CursorValue<K extends CursorKind> = K extends 'date'
  ? Date
  : K extends 'seq'
    ? bigint
    : K extends 'nullableText'
      ? string | null
      : string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseValue(kind: CursorKind, v: unknown): unknown {
  switch (kind) {
    case 'date': {
      const d = typeof v === 'string' ? new Date(v) : null;
      return d && !Number.isNaN(d.getTime()) ? d : undefined;
    }
    case 'uuid':
      return typeof v === 'string' && UUID.test(v) ? v : undefined;
    case 'seq':
      return typeof v === 'string' && /^\d{1,19}$/.test(v) ? BigInt(v) : undefined;
    case 'nullableText':
      return v === null || (typeof v === 'string' && v.length <= 1000) ? v : undefined;
    case 'text':
      return typeof v === 'string' && v.length <= 1000 ? v : undefined;
  }
}

export const invalidCursor = () =>
  new AppError('BAD_REQUEST', 'Invalid cursor', { fields: [{ path: 'cursor', message: 'is not a cursor from this list' }] });

/**
 * The sort key values of a cursor, each checked against its kind (a date, a uuid, …):
 * a cursor that was not produced by the same list is a BAD_REQUEST, never a query.
 */
export function decodeCursor<const K extends readonly CursorKind[]>(
  cursor: string | undefined | null,
  kinds: K,
): { -readonly [I in keyof K]: CursorValue<K[I]> } | null {
  if (!cursor) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw invalidCursor();
  const parsed = kinds.map((kind, i) => parseValue(kind, values[i]));
  if (parsed.some((v) => v === undefined)) throw invalidCursor();
  return parsed as { -readonly [I in keyof K]: CursorValue<K[I]> };
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says there is more.
 * `key` gives the sort key values of an item (the same arity decodeCursor expects).
 */
export function toPage<T>(rows: T[], limit: number, key: (item: T) => (string | number | null)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * `where` for the rows after a (createdAt, id) keyset position, in the list's order
 * (`desc`: newest first). Empty without a position.
 */
export function afterCreatedAt(after: readonly [Date, string] | null, order: 'asc' | 'desc') {
  if (!after) return {};
  const [at, id] = after;
  return order === 'asc'
    ? { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: id } }] }
    : { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}
