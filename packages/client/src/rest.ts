// The REST client: openapi-fetch over the types openapi-typescript generates from
// the committed OpenAPI snapshot (generated/rest-api.d.ts, written by the bootstrap
// of npm install / npm test and by npm run contract:accept), for consumers that do
// not use tRPC. Paths, inputs and outputs are typed; the token is read on every request.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/rest-api.d.ts';

export type { components, operations, paths } from './generated/rest-api.d.ts';

export interface RestClientOptions {
  /** The server's base URL (the REST API is under `/api`). */
  url: string;
  /** The session token (Clerk's `getToken`); null when signed out. */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
}

export type RestClient = Client<paths>;

export function createRestClient(options: RestClientOptions): RestClient {
  const client = createFetchClient<paths>({
    baseUrl: `${options.url.replace(/\/$/, '')}/api`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    async onRequest({ request }) {
      const token = await options.getToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return client;
}
