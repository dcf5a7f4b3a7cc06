// POST /webhooks/clerk: Clerk events, signed by Svix (Standard Webhooks). The host
// only verifies and answers; recording and applying is core's clerk-sync.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Deps } from '@ap/api/context';
import { handleClerkWebhook } from '@ap/core/clerk-sync';
import { AppError, ERROR_CODES, type ErrorCode } from '@ap/core/errors';
import type { AppEnv } from './app.ts';

/** Accepted distance between `svix-timestamp` and now, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
}

/**
 * Verifies a Svix signature: HMAC-SHA256 with the base64 key after `whsec_`, over
 * `${svix-id}.${svix-timestamp}.${raw body}`, compared in constant time with each
 * `v1,<base64>` entry of `svix-signature` (several during a secret rotation).
 */
export function verifySvixSignature(
  secret: string,
  headers: { id: string | undefined; timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) throw new WebhookVerificationError('Missing svix-id, svix-timestamp or svix-signature');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError('Invalid svix-timestamp');
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('svix-timestamp is outside the accepted window');
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest();
  for (const entry of signature.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return;
  }
  throw new WebhookVerificationError('No matching signature');
}

function fail(c: Context<AppEnv>, code: ErrorCode, message: string) {
  return c.json({ message, code, requestId: c.get('requestId') }, ERROR_CODES[code]);
}

/** POST /webhooks/clerk: Svix-signed Clerk events. */
export function mountWebhooks(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/webhooks/clerk', async (c) => {
    const secret = deps.env.CLERK_WEBHOOK_SIGNING_SECRET;
    if (!secret) return fail(c, 'SERVICE_UNAVAILABLE', 'Webhooks are not configured (CLERK_WEBHOOK_SIGNING_SECRET)');

    const raw = await c.req.text();
    const svixId = c.req.header('svix-id');
    try {
      verifySvixSignature(
        secret,
        { id: svixId, timestamp: c.req.header('svix-timestamp'), signature: c.req.header('svix-signature') },
        raw,
      );
    } catch (err) {
      if (err instanceof WebhookVerificationError) return fail(c, 'BAD_REQUEST', `Invalid webhook signature: ${err.message}`);
      throw err;
    }
    if (svixId!.length > 200) return fail(c, 'BAD_REQUEST', 'svix-id is too long');

    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return fail(c, 'BAD_REQUEST', 'The body is not JSON');
    }

    try {
      const result = await handleClerkWebhook(deps, { id: svixId!, payload });
      deps.log?.info({ svixId, type: result.type, status: result.status }, 'clerk webhook');
      return c.json({ ok: true, status: result.status });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return fail(c, err.code, err.message);
      // Nothing was applied: Clerk retries the delivery later.
      deps.log?.error({ err, svixId }, 'clerk webhook failed');
      return fail(c, 'INTERNAL_SERVER_ERROR', 'The event could not be applied; it will be retried');
    }
  });
}
