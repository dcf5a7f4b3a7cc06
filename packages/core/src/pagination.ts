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

export function decodeCursor(cursor: string | undefined | null, arity: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {}
  throw new AppError('BAD_REQUEST', 'Invalid cursor', { fields: [{ path: 'cursor', message: 'is not a cursor from this list' }] });
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
