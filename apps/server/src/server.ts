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
import { openBlobStore, startServices, type ServicesOptions } from '@ap/worker/services';
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

/** How much of a body answered before it was read (a 413) is read and discarded, and for how long, before the connection is closed. */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
export const DRAIN_BODY_MS = 30_000;

/**
 * Reads and discards the rest of a request body that was answered without being read
 * (a 413): the client, which may still be sending, then reads the answer instead of
 * meeting a reset connection. A body larger than DRAIN_MAX_BYTES, or slower than
 * DRAIN_BODY_MS, gets its connection closed.
 */
function drainUnreadBody(req: IncomingMessage): void {
  // The body's reader stopped reading: its listener would pause the stream again.
  req.removeAllListeners('data');
  let bytes = 0;
  const close = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(close, DRAIN_BODY_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > DRAIN_MAX_BYTES) close();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/** /health/ready answers 503 when the database does not answer within this long. */
export const READINESS_TIMEOUT_MS = 1_500;

export interface ServerOptions {
  quiet?: boolean;
  drainMs?: number;
  /** The database pool: its size (default 10, 4 embedded) and how long a query waits for a connection (default 10 s) before failing with 503. */
  pool?: { max?: number; acquireTimeoutMs?: number };
  /** AI provider options (retries, circuit breakers). */
  ai?: ServicesOptions['ai'];
}

export async function startServer(env: Env, options: ServerOptions = {}): Promise<RunningServer> {
  const log = pino({
    level: options.quiet ? 'silent' : env.LOG_LEVEL,
    base: { service: 'actionpoints-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });

  // How long each part of start-up took, in the 'listening' log line.
  const started = performance.now();
  const startup: Record<string, number> = {};
  const mark = (part: string, since: number) => {
    startup[part] = Math.round(performance.now() - since);
    return performance.now();
  };
  let t = performance.now();
  // Blob storage starts (the embedded Azurite, or a check of the account) while the database does.
  const blobs = openBlobStore(env, { log, allowEmbeddedBlobs: true });
  blobs.catch(() => undefined);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(env);
    t = mark(database.embedded ? 'embeddedDatabaseMs' : 'databaseMs', t);
    if (database.embedded) log.info({ dataDir: env.DATA_DIR }, 'using the embedded PostgreSQL (no DATABASE_URL)');
    if (env.MIGRATE_ON_START) {
      await migrate(database.url, { log: (m) => log.info(m) });
    }
    t = mark('migrationsMs', t);
  } catch (err) {
    await blobs.then(
      (b) => b.close(),
      () => undefined,
    );
    throw err;
  }
  const db = createDb(database.url, {
    max: options.pool?.max ?? (database.embedded ? 4 : 10),
    ...(options.pool?.acquireTimeoutMs ? { connectTimeoutMs: options.pool.acquireTimeoutMs } : {}),
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
    blobs,
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
        const s = await migrationStatus(database.url, undefined, { timeoutMs: READINESS_TIMEOUT_MS });
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

  // Unread request bodies are drained here (drainUnreadBody), not by the adaptor, whose short drain resets slow senders.
  const server = createAdaptorServer({ fetch: app.fetch, hostname: env.HOST, autoCleanupIncoming: false }) as Server;
  server.keepAliveTimeout = 5_000;
  // Live streams (SSE) in progress: they never finish by themselves, so shutdown ends them at once.
  const streams = new Set<ServerResponse>();
  // Other requests in progress, which shutdown lets finish.
  const inFlight = new Set<ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('finish', () => {
      if (!req.readableEnded) drainUnreadBody(req);
    });
    // During the drain, a connection whose request finished is closed rather than kept alive.
    res.once('close', () => {
      if (shuttingDown) setImmediate(() => server.closeIdleConnections());
    });
    const live = req.headers.accept?.includes('text/event-stream');
    const set = live ? streams : inFlight;
    set.add(res);
    res.once('close', () => set.delete(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const url = `http://${host}:${port}`;
  mark('servicesMs', t);
  startup.totalMs = Math.round(performance.now() - started);
  log.info({ startup, url }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    deps,
    close() {
      closing ??= (async () => {
        // From now on /health/ready and every new request answer 503 (with Connection: close), so
        // load balancers move away, while the requests in flight get up to DRAIN_MS to finish;
        // live streams end at once (clients reconnect elsewhere). Then the listener closes.
        shuttingDown = true;
        for (const res of streams) res.destroy();
        server.closeIdleConnections();
        const pending = [...inFlight].map(
          (res) => new Promise<void>((resolve) => (res.closed ? resolve() : res.once('close', () => resolve()))),
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.drainMs ?? DRAIN_MS);
          timer.unref();
          void Promise.all(pending).then(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
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
