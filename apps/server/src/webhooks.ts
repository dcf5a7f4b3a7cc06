import type { Hono } from 'hono';
import type { Deps } from '@ap/api/context';
import type { AppEnv } from './app.ts';

/** POST /webhooks/clerk: Svix-signed Clerk events. */
export function mountWebhooks(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/webhooks/clerk', async (c) => {
    if (!deps.env.CLERK_WEBHOOK_SIGNING_SECRET) {
      return c.json({ message: 'Webhooks are not configured (CLERK_WEBHOOK_SIGNING_SECRET)', code: 'SERVICE_UNAVAILABLE' }, 503);
    }
    return c.json({ message: 'Not implemented', code: 'SERVICE_UNAVAILABLE' }, 503);
  });
}
