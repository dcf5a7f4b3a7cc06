// POST /webhooks/clerk: Clerk events, signed by Svix (Standard Webhooks). The host
// only verifies and answers; recording and applying is core's clerk-sync.
import type { Context, Hono } from 'hono';
import type { Deps } from '@ap/api/context';
import { verifyClerkWebhook } from '@ap/auth/webhooks';
import { handleClerkWebhook } from '@ap/core/identity/clerk-sync';
import { AppError, ERROR_CODES, type ErrorCode } from '@ap/core/shared/errors';
import type { AppEnv } from './app.ts';

function fail(c: Context<AppEnv>, code: ErrorCode, message: string) {
  return c.json({ message, code, requestId: c.get('requestId') }, ERROR_CODES[code]);
}

/** POST /webhooks/clerk: Svix-signed Clerk events. */
export function mountWebhooks(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/webhooks/clerk', async (c) => {
    const secret = deps.env.CLERK_WEBHOOK_SIGNING_SECRET;
    if (!secret) return fail(c, 'SERVICE_UNAVAILABLE', 'Webhooks are not configured (CLERK_WEBHOOK_SIGNING_SECRET)');

    const svixId = c.req.header('svix-id');
    let payload: unknown;
    try {
      payload = await verifyClerkWebhook(c.req.raw, secret);
    } catch (err) {
      return fail(c, 'BAD_REQUEST', (err as Error).message);
    }
    if (!svixId || svixId.length > 200) return fail(c, 'BAD_REQUEST', 'Invalid svix-id');

    try {
      const result = await handleClerkWebhook(deps, { id: svixId, payload });
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
