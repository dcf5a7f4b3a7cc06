import { verifyWebhook } from '@clerk/backend/webhooks';
import { AuthError } from './types.ts';

/**
 * Verifies a Clerk (Svix / Standard Webhooks) delivery over its raw body —
 * `svix-id`, `svix-timestamp` within ±5 minutes, `svix-signature` — with Clerk's own
 * SDK, and returns the parsed event. Any failure is an AuthError.
 */
export async function verifyClerkWebhook(request: Request, signingSecret: string): Promise<unknown> {
  try {
    return await verifyWebhook(request, { signingSecret });
  } catch (err) {
    throw new AuthError(`Invalid webhook signature: ${(err as Error).message}`);
  }
}
