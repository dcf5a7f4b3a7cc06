/**
 * Raw SQL of the request windows of the rate limits (AI_REQUESTS_PER_MINUTE on
 * "AiRequestWindow", RATE_LIMIT_PER_MINUTE on "RateLimitWindow"): one UPSERT on the
 * caller's row, so concurrent requests in any number of processes count exactly.
 * Time is the database's, so processes with skewed clocks agree too.
 */
import type { DbTx } from './client.ts';

/** The statement's time in UTC, to the millisecond the columns keep (so a stored time is never later than it). */
export const UTC_NOW = `date_trunc('milliseconds', now() AT TIME ZONE 'UTC')`;

export interface RequestCount {
  /** Requests in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

/**
 * Counts one request in a fixed window of `windowSeconds` on the row of `key` in
 * `table` (a window starts with the first request after the previous one ended);
 * one UPSERT … RETURNING, so every process counts on the same row.
 */
export async function countInWindow(
  db: DbTx,
  target: { table: 'AiRequestWindow'; column: 'userId'; cast: '::uuid' } | { table: 'RateLimitWindow'; column: 'key'; cast: '' },
  key: string,
  windowSeconds: number,
): Promise<RequestCount> {
  const { table, column, cast } = target;
  const rows = await db.$queryRawUnsafe<{ count: number; resetMs: number }[]>(
    `INSERT INTO "${table}" AS w ("${column}", "windowStart", "count")
     VALUES ($1${cast}, ${UTC_NOW}, 1)
     ON CONFLICT ("${column}") DO UPDATE SET
       "windowStart" = CASE WHEN w."windowStart" <= ${UTC_NOW} - make_interval(secs => $2) THEN ${UTC_NOW} ELSE w."windowStart" END,
       "count" = CASE WHEN w."windowStart" <= ${UTC_NOW} - make_interval(secs => $2) THEN 1 ELSE w."count" + 1 END
     RETURNING "count",
       (EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => $2) - ${UTC_NOW})) * 1000)::float8 AS "resetMs"`,
    key,
    windowSeconds,
  );
  const row = rows[0]!;
  return { count: Number(row.count), resetMs: Math.min(windowSeconds * 1000, Math.max(0, Number(row.resetMs))) };
}

/** Counts one API request of `key` (`user:<id>` or `ip:<address>`) in its current window (RATE_LIMIT_PER_MINUTE). */
export function countApiRequest(db: DbTx, key: string, windowSeconds: number): Promise<RequestCount> {
  return countInWindow(db, { table: 'RateLimitWindow', column: 'key', cast: '' }, key, windowSeconds);
}

/** Deletes the rate-limit windows that ended over an hour ago; returns how many. */
export async function sweepRateLimitWindows(db: DbTx): Promise<number> {
  return db.$executeRawUnsafe(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < ${UTC_NOW} - interval '1 hour'`);
}
