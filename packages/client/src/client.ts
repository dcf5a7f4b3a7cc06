import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '@ap/api/root';
import type { RouterInputs, RouterOutputs } from '@ap/api/client-types';

export type { AppRouter, RouterInputs, RouterOutputs };

export interface ClientOptions {
  /** Server origin, e.g. https://api.example.com (tRPC is served at /trpc). */
  url: string;
  /** Returns the current Clerk session token (or null when signed out). */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** Same or lower than the server's batch cap (20). */
  maxBatchItems?: number;
  fetch?: typeof globalThis.fetch;
}

/** The typed tRPC client a frontend imports. Subscriptions go over SSE. */
export function createClient(options: ClientOptions): TRPCClient<AppRouter> {
  const base = `${options.url.replace(/\/$/, '')}/trpc`;
  const headers = async (): Promise<Record<string, string>> => {
    const token = await options.getToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const doFetch = options.fetch ?? globalThis.fetch;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // The `eventsource` package (also in browsers): unlike the native EventSource it
        // sends headers. The token is read again on every (re)connection.
        true: httpSubscriptionLink({
          url: base,
          EventSource,
          eventSourceOptions: () => ({
            fetch: async (input: string | URL, init?: { headers?: Record<string, string> } & RequestInit) =>
              doFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(await headers()) } }),
          }),
        }),
        false: httpBatchLink({
          url: base,
          maxItems: options.maxBatchItems ?? 20,
          headers,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        }),
      }),
    ],
  });
}
