import type { Env } from '@ap/config/env';
import type { Authenticator, ProfileSource } from '@ap/auth/types';
import type { EventBus } from '@ap/core/shared/events';
import type { ActiveUsers } from '@ap/core/identity/users';
import type { Db } from '@ap/db/client';

export interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  child?(bindings: Record<string, unknown>): Logger;
}

/** Long-lived services, created once at start-up. */
export type Deps = {
  env: Env;
  db: Db;
  events: EventBus;
  authenticator: Authenticator;
  profiles?: ProfileSource;
  /** Callers recently found active (see ensureUser). */
  users?: ActiveUsers;
  log?: Logger;
};

export type Context = {
  deps: Deps;
  authorization: string | null;
  requestId?: string;
  log?: Logger;
};

export function createContextFactory(deps: Deps) {
  return (opts: { req: Request; requestId?: string }): Context => {
    const requestId = opts.requestId ?? opts.req.headers.get('x-request-id') ?? undefined;
    return {
      deps,
      authorization: opts.req.headers.get('authorization'),
      requestId,
      // Every log line of a request carries its id.
      log: requestId && deps.log?.child ? deps.log.child({ requestId }) : deps.log,
    };
  };
}
