import type { Env } from '@ap/config/env';
import type { Authenticator, ProfileSource } from '@ap/auth/types';
import type { Deps as CoreDeps, Logger } from '@ap/core/ports/deps';
import type { ActiveUsers } from '@ap/core/identity/users';

export type { Logger };

/** Long-lived services, created once at start-up: core's, and the host's own. */
export type Deps = CoreDeps & {
  env: Env;
  authenticator: Authenticator;
  profiles?: ProfileSource;
  /** Callers recently found active (see ensureUser). */
  users?: ActiveUsers;
};

export type Context = {
  deps: Deps;
  authorization: string | null;
  /** The `Idempotency-Key` header of a mutation, if sent. */
  idempotencyKey?: string | null;
  requestId?: string;
  /** The client's address (behind TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For): the rate-limit key of calls without a valid token. */
  clientAddress?: string;
  log?: Logger;
  /** Headers the transport adds to the response (the `RateLimit-*` of an AI procedure). */
  responseHeaders?: Record<string, string>;
};

export function createContextFactory(deps: Deps) {
  return (opts: { req: Request; requestId?: string; clientAddress?: string }): Context => {
    const requestId = opts.requestId ?? opts.req.headers.get('x-request-id') ?? undefined;
    return {
      deps,
      authorization: opts.req.headers.get('authorization'),
      idempotencyKey: opts.req.headers.get('idempotency-key'),
      ...(opts.clientAddress ? { clientAddress: opts.clientAddress } : {}),
      requestId,
      // Every log line of a request carries its id.
      log: requestId && deps.log?.child ? deps.log.child({ requestId }) : deps.log,
      responseHeaders: {},
    };
  };
}
