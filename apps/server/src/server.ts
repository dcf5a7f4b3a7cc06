// Start-up and graceful shutdown: configuration, database (embedded or not),
// migrations, event bus, core's services (blob store, AI providers, job queue and,
// with RUN_WORKER, its runner), authentication, HTTP listener.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import pino from 'pino';
import type { Env } from '@ap/config/env';
import type { Deps } from '@ap/api/context';
import { createJwksAuthenticator } from '@ap/auth/jwks';
import { loadOrCreateLocalIssuer } from '@ap/auth/local-issuer';
import { createClerkProfiles } from '@ap/auth/clerk-profiles';
import { createEventBus } from '@ap/core/shared/event-bus';
import { ActiveUsers } from '@ap/core/identity/users';
import { connectionsHaveOwnBackends, createDb } from '@ap/db/client';
import { openDatabase } from '@ap/db/embedded';
import { migrate, migrationStatus } from '@ap/db/migrate';
import { startServices, type ServicesOptions } from '@ap/worker/services';
import { createApp } from './app.ts';
import { createMetrics } from './metrics.ts';
import { mountWebhooks } from './webhooks.ts';

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  /** Not ready, stop accepting, let in-flight requests finish, close connections. */
  close(): Promise<void>;
}

/** How long shutdown waits for in-flight requests before closing their connections. */
export const DRAIN_MS = 30_000;

export async function startServer(
  env: Env,
  options: { quiet?: boolean; drainMs?: number; ai?: ServicesOptions['ai'] } = {},
): Promise<RunningServer> {
  const log = pino({
    level: options.quiet ? 'silent' : env.LOG_LEVEL,
    base: { service: 'actionpoints-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });

  const database = await openDatabase(env);
  if (database.embedded) log.info({ dataDir: env.DATA_DIR }, 'using the embedded PostgreSQL (no DATABASE_URL)');
  if (env.MIGRATE_ON_START) {
    await migrate(database.url, { log: (m) => log.info(m) });
  }
  const db = createDb(database.url, {
    max: database.embedded ? 4 : 10,
    preparedStatements: !database.embedded && (await connectionsHaveOwnBackends(database.url)),
  });
  const events = await createEventBus({ url: database.url, db, log });
  const services = await startServices(env, {
    databaseUrl: database.url,
    db,
    events,
    log,
    runJobs: env.RUN_WORKER,
    allowEmbeddedBlobs: true,
    ...(options.ai ? { ai: options.ai } : {}),
  });

  let localJwks;
  let authenticator;
  if (env.CLERK_ISSUER) {
    authenticator = createJwksAuthenticator({
      issuer: env.CLERK_ISSUER,
      jwksUrl: env.CLERK_JWKS_URL ?? `${env.CLERK_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
      authorizedParties: env.CLERK_AUTHORIZED_PARTIES,
    });
  } else {
    const issuer = await loadOrCreateLocalIssuer(env.DATA_DIR);
    localJwks = issuer.jwks;
    authenticator = createJwksAuthenticator({
      issuer: issuer.issuer,
      fetchJwks: async () => issuer.jwks,
      authorizedParties: env.CLERK_AUTHORIZED_PARTIES,
      // `npm run token` with another DATA_DIR signs with another key: say which key this server trusts.
      unknownKeyHint: `this server trusts the local key in ${path.resolve(env.DATA_DIR)}; run npm run token with DATA_DIR=${path.resolve(env.DATA_DIR)}`,
    });
    log.warn('no CLERK_ISSUER: using the local development issuer (npm run token -- --email you@example.com)');
  }
  const profiles = env.CLERK_SECRET_KEY ? createClerkProfiles({ secretKey: env.CLERK_SECRET_KEY, apiUrl: env.CLERK_API_URL }) : undefined;

  const users = new ActiveUsers();
  const stopFollowingUsers = users.follow(events);
  const deps: Deps = { ...services.deps, env, authenticator, profiles, users };
  const metrics = createMetrics();
  let shuttingDown = false;
  const readiness = {
    shuttingDown: () => shuttingDown,
    async check() {
      try {
        const s = await migrationStatus(database.url);
        if (s.pending.length) return `pending migrations: ${s.pending.join(', ')}`;
        if (s.modified.length || s.failed.length) return 'migration history needs attention';
        return null;
      } catch {
        return 'database unreachable';
      }
    },
  };
  const app = createApp({
    deps,
    readiness,
    metrics,
    localJwks,
    extend: (a) => mountWebhooks(a, deps),
  });

  const server = createAdaptorServer({ fetch: app.fetch, hostname: env.HOST }) as Server;
  server.keepAliveTimeout = 5_000;
  // Live streams (SSE) in progress: they never finish by themselves, so shutdown ends them at once.
  const streams = new Set<ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // During the drain, a connection whose request finished is closed rather than kept alive.
    res.once('close', () => {
      if (shuttingDown) setImmediate(() => server.closeIdleConnections());
    });
    if (!req.headers.accept?.includes('text/event-stream')) return;
    streams.add(res);
    res.once('close', () => streams.delete(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const url = `http://${host}:${port}`;
  log.info({ url }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    deps,
    close() {
      closing ??= (async () => {
        // New requests are refused from now on (new connections by the closed listener, requests
        // on kept-alive ones with a 503); requests in flight get up to DRAIN_MS to finish.
        shuttingDown = true;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => server.closeAllConnections(), options.drainMs ?? DRAIN_MS);
          timer.unref();
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          server.closeIdleConnections();
          for (const res of streams) res.destroy();
        });
        stopFollowingUsers();
        // Running jobs get the same time to finish; the rest go back to the queue.
        await services.close({ timeoutMs: options.drainMs ?? DRAIN_MS });
        await events.close?.();
        await db.$disconnect();
        await database.close();
        log.info('stopped');
      })();
      return closing;
    },
  };
}
