/**
 * Raw SQL of the per-user AI limits and usage (the request window itself is in
 * rate-limits.ts). Every count is one statement on a row keyed by the user (and the
 * day), so concurrent requests in any number of processes count exactly. Time is
 * the database's (`now()` in UTC), so processes with skewed clocks agree too.
 */
import type { DbTx } from './client.ts';
import { countInWindow, type RequestCount, UTC_NOW } from './rate-limits.ts';

/** Counts one AI request of `userId` in their current window of `windowSeconds` (AI_REQUESTS_PER_MINUTE). */
export function countAiRequest(db: DbTx, userId: string, windowSeconds: number): Promise<RequestCount> {
  return countInWindow(db, { table: 'AiRequestWindow', column: 'userId', cast: '::uuid' }, userId, windowSeconds);
}

export interface DayTokens {
  /** Tokens used today (UTC). */
  tokens: number;
  /** Milliseconds until the next UTC midnight. */
  resetMs: number;
}

/** Tokens `userId`'s AI calls used today (UTC). */
export async function aiTokensToday(db: DbTx, userId: string): Promise<DayTokens> {
  const rows = await db.$queryRawUnsafe<{ tokens: number | null; resetMs: number }[]>(
    `SELECT (SELECT "tokens" FROM "AiUsageDay" WHERE "userId" = $1::uuid AND "day" = date_trunc('day', ${UTC_NOW})) AS "tokens",
       (EXTRACT(EPOCH FROM (date_trunc('day', ${UTC_NOW}) + interval '1 day' - ${UTC_NOW})) * 1000)::float8 AS "resetMs"`,
    userId,
  );
  const row = rows[0]!;
  return { tokens: Number(row.tokens ?? 0), resetMs: Math.max(0, Number(row.resetMs)) };
}

export interface AiUsageRow {
  userId: string;
  service: string;
  model: string;
  procedure: string | null;
  requestId: string | null;
  outcome: 'ok' | 'error';
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  estimated: boolean;
  durationMs: number;
}

/**
 * Records one AI call and adds its tokens to the user's day, in one statement;
 * returns the day's tokens after it (every process's calls included).
 */
export async function recordAiUsage(db: DbTx, row: AiUsageRow): Promise<number> {
  const int = (n: number) => Math.max(0, Math.min(2_000_000_000, Math.round(n)));
  const rows = await db.$queryRawUnsafe<{ tokens: number }[]>(
    `WITH u AS (
       INSERT INTO "AiUsage" ("userId", "service", "model", "procedure", "requestId", "outcome",
                              "promptTokens", "completionTokens", "totalTokens", "estimated", "durationMs", "at")
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ${UTC_NOW})
       RETURNING "userId", "totalTokens"
     )
     INSERT INTO "AiUsageDay" AS d ("userId", "day", "tokens", "calls")
     SELECT "userId", date_trunc('day', ${UTC_NOW}), "totalTokens", 1 FROM u
     ON CONFLICT ("userId", "day") DO UPDATE SET "tokens" = d."tokens" + EXCLUDED."tokens", "calls" = d."calls" + 1
     RETURNING "tokens"`,
    row.userId,
    row.service,
    row.model,
    row.procedure,
    row.requestId,
    row.outcome,
    int(row.promptTokens),
    int(row.completionTokens),
    int(row.totalTokens),
    row.estimated,
    int(row.durationMs),
  );
  return Number(rows[0]?.tokens ?? 0);
}
