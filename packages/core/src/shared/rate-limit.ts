// RATE_LIMIT_PER_MINUTE: every API call but the AI procedures (which have their own
// limit) counts against its caller — the user, or the client address when the call
// carries no valid token — in a one-minute window kept in PostgreSQL, so every
// process shares it. Over it: TOO_MANY_REQUESTS with Retry-After and RateLimit-*.
import type { Db } from '@ap/db/client';
import { countApiRequest } from '@ap/db/rate-limits';
import { AppError } from './errors.ts';

/** The `RateLimit-*` of a limit: its size, what is left of it, seconds until its window ends. */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  reset: number;
}

export const API_WINDOW_SECONDS = 60;

/** Whole seconds, at least 1 (Retry-After and RateLimit-Reset). */
export const wholeSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Counts one call of `key` (`user:<id>` or `ip:<address>`); null when `limit` is 0 (off). Throws TOO_MANY_REQUESTS over it. */
export async function admitApiRequest(db: Db, key: string, limit: number): Promise<RateLimitInfo | null> {
  if (limit <= 0) return null;
  const window = await countApiRequest(db, key, API_WINDOW_SECONDS);
  const info = { limit, remaining: Math.max(0, limit - window.count), reset: wholeSeconds(window.resetMs) };
  if (window.count > limit) {
    throw new AppError('TOO_MANY_REQUESTS', `Too many requests: at most ${limit} a minute; retry in ${info.reset} s`, {
      retryAfter: info.reset,
      rateLimit: info,
    });
  }
  return info;
}

/**
 * The client's address: the connection's, or with `trustedProxies` proxies in front
 * (each appending the address it saw to X-Forwarded-For), the entry that many from
 * the end. Entries a client wrote itself, to the left of those, are never used.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trustedProxies: number): string {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = hops[Math.max(0, hops.length - trustedProxies)];
    if (entry) return entry;
  }
  return socketAddress ?? 'unknown';
}
