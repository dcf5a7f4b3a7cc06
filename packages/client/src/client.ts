import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@ap/api/root';

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

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
  const ES = (globalThis as { EventSource?: typeof EventSource }).EventSource ?? EventSource;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: base,
          EventSource: ES,
          eventSourceOptions: async () => {
            const h = await headers();
            // Browsers' EventSource cannot send headers; the eventsource package can.
            return {
              fetch: (input: string | URL | Request, init?: RequestInit) =>
                (options.fetch ?? fetch)(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...h } }),
            } as never;
          },
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
