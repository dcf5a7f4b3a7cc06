// The HTTP host: routing, headers, limits, health. No business logic lives here.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { trpcServer } from '@hono/trpc-server';
import { Scalar } from '@scalar/hono-api-reference';
import type { JSONWebKeySet } from 'jose';
import { appRouter } from '@ap/api/root';
import { createContextFactory, type Deps } from '@ap/api/context';
import { clientAddress } from '@ap/core/shared/rate-limit';
import { openApiDocument } from '@ap/api/openapi';
import { handleRest, restRouteLabel } from '@ap/api/rest';
import { errorHeaders, toAppError } from '@ap/api/trpc';
import { ERROR_CODES, RETRY_AFTER_SECONDS } from '@ap/core/shared/errors';
import type { Metrics } from './metrics.ts';
import { scalarScript } from './docs.ts';

export const VERSION = '0.1.0';
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_BATCH_SIZE = 20;

export interface Readiness {
  /** Null when ready, else why not (shown on /health/ready). */
  check(): Promise<string | null>;
  /** True once shutdown began: not ready, and connections are not kept alive. */
  shuttingDown(): boolean;
}

export interface AppOptions {
  deps: Deps;
  readiness: Readiness;
  metrics: Metrics;
  /** Public JWKS of the local issuer (development without Clerk). */
  localJwks?: JSONWebKeySet;
  /** Extra routes (webhooks) mounted by the caller. */
  extend?: (app: Hono<AppEnv>) => void;
}

export type AppEnv = { Variables: { requestId: string } };

/** The error body of the host's own routes: the REST shape (`{ message, code, data }`). */
function errorJson(code: keyof typeof ERROR_CODES, message: string, requestId?: string) {
  return { message, code, data: { code, httpStatus: ERROR_CODES[code], ...(requestId ? { requestId } : {}) } };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApp(opts: AppOptions): Hono<AppEnv> {
  const { deps, metrics } = opts;
  const log = deps.log;
  const createContext = createContextFactory(deps);
  /** The caller's address: the connection's, or X-Forwarded-For's behind TRUSTED_PROXY_COUNT proxies. */
  const addressOf = (c: { env?: unknown; req: { header(name: string): string | undefined } }) =>
    clientAddress(
      (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress,
      c.req.header('x-forwarded-for') ?? null,
      deps.env.TRUSTED_PROXY_COUNT,
    );
  const production = deps.env.NODE_ENV === 'production';
  const app = new Hono<AppEnv>();

  // Request id, access log and metrics.
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const start = performance.now();
    await next();
    const ms = performance.now() - start;
    const route = routeLabel(c.req.method, c.req.path);
    metrics.observe(c.req.method, route, c.res.status, ms / 1000);
    log?.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms) }, 'request');
  });

  app.use(
    '*',
    secureHeaders({
      xFrameOptions: 'DENY',
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
      // removePoweredBy (the default) drops any X-Powered-By.
    }),
  );

  const allowed = new Set(deps.env.CORS_ORIGINS);
  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key', 'trpc-accept', 'Last-Event-ID'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
      maxAge: 600,
      credentials: false,
    }),
  );

  // API responses are never cached.
  for (const prefix of ['/trpc/*', '/api/*', '/health/*', '/webhooks/*']) {
    app.use(prefix, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The server reads and discards the rest of the body (server.ts), so the sender gets this answer.
        return c.json(errorJson('PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`, c.get('requestId')), 413);
      },
    }),
  );

  // Shutting down: not ready (load balancers stop sending traffic), and a new request on a
  // kept-alive connection is refused at once (503, retry elsewhere) while in-flight ones finish.
  app.use('*', async (c, next) => {
    if (opts.readiness.shuttingDown() && !c.req.path.startsWith('/health/')) {
      c.header('Connection', 'close');
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json(errorJson('SERVICE_UNAVAILABLE', 'The server is shutting down: retry', c.get('requestId')), 503);
    }
    await next();
  });

  app.get('/', (c) =>
    c.json({
      name: 'actionpoints-api',
      version: VERSION,
      links: {
        docs: '/docs',
        openapi: '/openapi.json',
        trpc: '/trpc',
        rest: '/api',
        health: { live: '/health/live', ready: '/health/ready', metrics: '/health/metrics' },
      },
    }),
  );

  app.get('/health/live', (c) => c.json({ status: 'ok' }));
  app.get('/health/ready', async (c) => {
    const reason = opts.readiness.shuttingDown() ? 'shutting down' : await opts.readiness.check();
    return reason ? c.json({ status: 'unavailable', reason }, 503) : c.json({ status: 'ready' });
  });
  app.get('/health/metrics', async (c) => {
    const token = deps.env.METRICS_TOKEN;
    if (token) {
      const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.json(errorJson('UNAUTHORIZED', 'Metrics need Authorization: Bearer <METRICS_TOKEN>', c.get('requestId')), 401);
      }
    }
    c.header('Content-Type', metrics.contentType);
    return c.body(await metrics.render());
  });

  if (opts.localJwks) {
    const jwks = opts.localJwks;
    app.get('/.well-known/jwks.json', (c) => c.json(jwks));
  }

  let doc: unknown;
  app.get('/openapi.json', (c) => {
    doc ??= openApiDocument({ baseUrl: '/api', version: VERSION });
    return c.json(doc as object);
  });
  app.get('/docs/scalar.js', async (c) => {
    c.header('Content-Type', 'application/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(await scalarScript());
  });
  app.get(
    '/docs',
    Scalar({
      url: '/openapi.json',
      cdn: '/docs/scalar.js',
      pageTitle: 'Action Points API',
      // Cloud-only features (Ask AI, SDK generation, deploy, share) need Scalar's servers: hidden.
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      showToolbar: 'never',
      customCss: '.generate-sdk-button { display: none !important; }',
    } as Parameters<typeof Scalar>[0]),
  );

  // A subscription is a GET (SSE); tRPC would answer another method with a 200 stream carrying an error.
  app.use('/trpc/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'OPTIONS') return next();
    const names = c.req.path.slice(6).split(',');
    const sub = names.find((n) => SUBSCRIPTIONS.has(n));
    if (!sub) return next();
    c.header('Allow', 'GET');
    return c.json(
      {
        error: {
          message: `${c.req.method} is not supported for the subscription ${sub}: use GET (SSE)`,
          code: -32005,
          data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405, path: sub, requestId: c.get('requestId') },
        },
      },
      405,
    );
  });

  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      // A database or AI service outage (503) or a limit (429) tells the client when to retry;
      // an AI procedure tells where its caller stands (RateLimit-*).
      responseMeta: ({ ctx, errors }) => {
        const headers: Record<string, string> = { ...ctx?.responseHeaders };
        let wait = 0;
        for (const app of errors.map(toAppError)) {
          const h = errorHeaders(app);
          if (h['Retry-After']) wait = Math.max(wait, Number(h['Retry-After']));
          Object.assign(headers, h);
        }
        if (wait) headers['Retry-After'] = String(wait);
        return Object.keys(headers).length ? { headers } : {};
      },
      createContext: (o, c) => createContext({ req: o.req, requestId: c.get('requestId'), clientAddress: addressOf(c) }),
    }),
  );

  app.all('/api/*', (c) =>
    handleRest(c.req.raw, '/api', () => createContext({ req: c.req.raw, requestId: c.get('requestId'), clientAddress: addressOf(c) })),
  );

  opts.extend?.(app);

  app.notFound((c) => c.json(errorJson('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`, c.get('requestId')), 404));
  app.onError((err, c) => {
    log?.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    const message = production ? 'Internal server error' : err.message;
    return c.json(errorJson('INTERNAL_SERVER_ERROR', message, c.get('requestId')), 500);
  });

  return app;
}

const PROCEDURES = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures;
const SUBSCRIPTIONS = new Set(
  Object.entries(PROCEDURES)
    .filter(([, p]) => p._def.type === 'subscription')
    .map(([name]) => name),
);

/** The host's own fixed routes (everything else is under /trpc, /api or unmatched). */
const FIXED_ROUTES = new Set([
  '/',
  '/health/live',
  '/health/ready',
  '/health/metrics',
  '/.well-known/jwks.json',
  '/openapi.json',
  '/docs',
  '/docs/scalar.js',
  '/webhooks/clerk',
]);

/**
 * Route label for metrics, from a bounded set: a fixed route, a REST route template,
 * a tRPC procedure, or one label per prefix for anything unmatched.
 */
function routeLabel(method: string, path: string): string {
  if (path.startsWith('/trpc/')) {
    const name = path.slice(6);
    if (name.includes(',')) return '/trpc/:batch';
    return name in PROCEDURES ? `/trpc/${name}` : '/trpc/:unknown';
  }
  if (path.startsWith('/api/')) return `/api${restRouteLabel(method, path.slice(4))}`;
  return FIXED_ROUTES.has(path) ? path : ':unmatched';
}
