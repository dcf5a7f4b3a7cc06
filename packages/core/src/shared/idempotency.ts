// Idempotency keys, as Stripe has them: a request carrying `Idempotency-Key`
// claims the key for its user; a repeat with the same key and the same request
// within 24 hours gets the first response and creates nothing; the same key with
// another request is CONFLICT. A repeat that arrives while the first still runs
// waits for its response, and is CONFLICT when it does not come in time. Every
// process shares the keys through PostgreSQL (one row per user and key).
import { createHash } from 'node:crypto';
import type { Db } from '@ap/db/client';
import { AppError, type ErrorCode, type FieldIssue } from './errors.ts';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
/** How long a key and its response are kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long a repeat waits for the first request's response. */
export const IDEMPOTENCY_WAIT_MS = 10_000;
/** A first request without a response after this long is taken as lost (its process died). */
export const IDEMPOTENCY_LOST_AFTER_MS = 5 * 60_000;

/** What is stored of a finished request: its output, or the client error it ended with. */
export type StoredResponse = { ok: true; data: unknown } | { ok: false; code: ErrorCode; message: string; fields?: FieldIssue[] };

/** A stable JSON text (object keys sorted), so equal inputs hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function requestFingerprint(procedure: string, input: unknown): string {
  return createHash('sha256').update(procedure).update('\n').update(canonical(input)).digest('hex');
}

/** A key as a client sent it: 1–255 visible ASCII characters. */
export function checkIdempotencyKey(key: string): string {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('BAD_REQUEST', `Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`, {
      fields: [{ path: 'Idempotency-Key', message: 'is not a valid key' }],
    });
  }
  return key;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The claim on `key` for this request: `{ claimed: true }` when this request runs
 * (the key was new, or its last use expired), else the stored response of the first
 * request with this key. Throws CONFLICT for another request with the key, or when the
 * first one has not finished within IDEMPOTENCY_WAIT_MS.
 */
export async function claimIdempotencyKey(
  db: Db,
  args: { userId: string; key: string; fingerprint: string; waitMs?: number },
): Promise<{ claimed: true } | { claimed: false; response: StoredResponse }> {
  const deadline = Date.now() + (args.waitMs ?? IDEMPOTENCY_WAIT_MS);
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    const claimed = await db.$queryRaw<{ claimed: boolean }[]>`
      INSERT INTO "IdempotencyKey" ("userId", "key", "fingerprint")
      VALUES (${args.userId}::uuid, ${args.key}, ${args.fingerprint})
      ON CONFLICT ("userId", "key") DO UPDATE
        SET "fingerprint" = EXCLUDED."fingerprint", "response" = NULL, "createdAt" = now(), "completedAt" = NULL
        WHERE "IdempotencyKey"."createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)
      RETURNING true AS claimed`;
    if (claimed.length) return { claimed: true };
    const [row] = await db.$queryRaw<{ fingerprint: string; response: StoredResponse | null; ageMs: number }[]>`
      SELECT "fingerprint", "response", (EXTRACT(EPOCH FROM now() - "createdAt") * 1000)::float8 AS "ageMs"
      FROM "IdempotencyKey" WHERE "userId" = ${args.userId}::uuid AND "key" = ${args.key}`;
    if (!row) continue; // released between the two statements: claim again
    if (row.fingerprint !== args.fingerprint) {
      throw new AppError('CONFLICT', 'This Idempotency-Key was used with another request: use a new key for a new request');
    }
    if (row.response) return { claimed: false, response: row.response };
    if (row.ageMs > IDEMPOTENCY_LOST_AFTER_MS) {
      throw new AppError(
        'CONFLICT',
        'The first request with this Idempotency-Key did not finish: check whether it took effect, then use a new key',
      );
    }
    if (Date.now() + delay > deadline) {
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in progress: retry later', { retryAfter: 1 });
    }
    await sleep(delay);
  }
}

/** Stores the response of the request that claimed the key. */
export async function completeIdempotencyKey(db: Db, args: { userId: string; key: string; response: StoredResponse }): Promise<void> {
  await db.$executeRaw`
    UPDATE "IdempotencyKey" SET "response" = ${JSON.stringify(args.response)}::jsonb, "completedAt" = now()
    WHERE "userId" = ${args.userId}::uuid AND "key" = ${args.key}`;
}

/** Gives the key back (the request failed in a way a retry may fix: the server's fault, or a service down). */
export async function releaseIdempotencyKey(db: Db, args: { userId: string; key: string }): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE "userId" = ${args.userId}::uuid AND "key" = ${args.key} AND "response" IS NULL`;
}

/** Deletes keys older than IDEMPOTENCY_TTL_HOURS; returns how many. */
export async function sweepIdempotencyKeys(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)`;
}
