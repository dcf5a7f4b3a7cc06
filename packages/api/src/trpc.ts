import { initTRPC, TRPCError } from '@trpc/server';
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import { nodeEnv } from '@ap/config/env';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { type z, ZodError } from 'zod';
import { AuthError } from '@ap/auth/types';
import { admitAiRequest, AiMeter } from '@ap/core/ai/usage';
import { admitApiRequest, type RateLimitInfo } from '@ap/core/shared/rate-limit';
import { AppError, fromDatabaseError, RETRY_AFTER_SECONDS, type ErrorCode, type FieldIssue } from '@ap/core/shared/errors';
import { ensureUser } from '@ap/core/identity/users';
import type { Deps as CoreDeps } from '@ap/core/ports/deps';
import { asUser, type ServiceContext } from '@ap/core/shared/context';
import {
  checkIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
} from '@ap/core/shared/idempotency';
import type { Context } from './context.ts';

/** Converts anything thrown by a procedure into the one error shape. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof TRPCError) {
    if (err.cause instanceof AppError) return err.cause;
    if (err.cause instanceof ZodError) return validationError(err.cause);
    if (err.cause instanceof AuthError) return new AppError('UNAUTHORIZED', err.cause.message);
    const mapped = err.cause ? (fromAiError(err.cause) ?? fromDatabaseError(err.cause)) : null;
    if (mapped) return mapped;
    if (err.code === 'INTERNAL_SERVER_ERROR' && err.cause) return new AppError('INTERNAL_SERVER_ERROR', 'Internal server error');
    return new AppError((err.code in CODES ? err.code : 'INTERNAL_SERVER_ERROR') as ErrorCode, err.message);
  }
  if (err instanceof ZodError) return validationError(err);
  if (err instanceof AuthError) return new AppError('UNAUTHORIZED', err.message);
  return fromAiError(err) ?? fromDatabaseError(err) ?? new AppError('INTERNAL_SERVER_ERROR', 'Internal server error');
}

/**
 * An AI service that is down, slow past AI_TIMEOUT_MS or refusing (packages/ai's
 * `AiUnavailableError`, known by its name: the api does not import the adapters)
 * is SERVICE_UNAVAILABLE with the error's Retry-After.
 */
export function fromAiError(err: unknown): AppError | null {
  const e = err as { name?: unknown; retryAfterSeconds?: unknown; service?: unknown; reason?: unknown } | null;
  if (!e || typeof e !== 'object' || e.name !== 'AiUnavailableError' || typeof e.retryAfterSeconds !== 'number') return null;
  const what = typeof e.service === 'string' ? `The AI ${e.service} service` : 'The AI service';
  const why = typeof e.reason === 'string' ? ` (${e.reason.replace(/_/g, ' ')})` : '';
  return new AppError('SERVICE_UNAVAILABLE', `${what} is unavailable${why}, retry later`, {
    retryAfter: Math.max(1, Math.ceil(e.retryAfterSeconds)),
  });
}

const CODES: Record<string, true> = {
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  METHOD_NOT_SUPPORTED: true,
  CONFLICT: true,
  PAYLOAD_TOO_LARGE: true,
  UNSUPPORTED_MEDIA_TYPE: true,
  TOO_MANY_REQUESTS: true,
  INTERNAL_SERVER_ERROR: true,
  SERVICE_UNAVAILABLE: true,
};

export function validationError(err: ZodError): AppError {
  const fields: FieldIssue[] = err.issues.flatMap((i) => {
    const at = i.path.map(String);
    // An unknown field is reported under its own name.
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => ({ path: [...at, key].join('.'), message: 'is not a known field' }));
    }
    return [{ path: at.join('.') || '(input)', message: i.message }];
  });
  return new AppError('BAD_REQUEST', `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
}

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    isDev: nodeEnv() !== 'production',
    // Keep idle SSE streams alive through proxies; clients reconnect when pings stop.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 45_000 } },
    errorFormatter({ shape, error, ctx }) {
      const app = toAppError(error);
      const production = (ctx?.deps.env.NODE_ENV ?? nodeEnv()) === 'production';
      return {
        code: shape.code,
        message: app.code === 'INTERNAL_SERVER_ERROR' && production ? 'Internal server error' : app.message,
        data: {
          code: app.code,
          httpStatus: app.status,
          path: shape.data.path,
          ...(app.details?.fields ? { fields: app.details.fields } : {}),
          ...(ctx?.requestId ? { requestId: ctx.requestId } : {}),
          ...(!production && shape.data.stack ? { stack: shape.data.stack } : {}),
        },
      };
    },
  });

/** Re-throws every failure as a TRPCError with the AppError's code, in one place. */
const errorConversion = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (!result.ok) {
    const app = toAppError(result.error);
    if (app.status >= 500) ctx.log?.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
    if (result.error.code !== app.code || result.error.cause !== app) {
      (result as { error: TRPCError }).error = new TRPCError({ code: app.code, message: app.message, cause: app });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const publicProcedure = t.procedure.use(errorConversion);

/**
 * A mutation sent with `Idempotency-Key` (REST or tRPC) runs once per user and key:
 * a repeat with the same input gets the first response (its output, or the client
 * error it ended with) and changes nothing; see core's shared/idempotency.ts. A
 * failure a retry may fix (5xx, 409 of a concurrent change, 429) gives the key back.
 */
const idempotent = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  const userId = (ctx as Partial<AuthedContext>).user?.id;
  if (type !== 'mutation' || ctx.idempotencyKey == null || !userId) return next();
  const key = checkIdempotencyKey(ctx.idempotencyKey);
  const db = ctx.deps.db;
  const claim = await claimIdempotencyKey(db, { userId, key, fingerprint: requestFingerprint(path, await getRawInput()) });
  if (!claim.claimed) {
    const stored = claim.response;
    if (!stored.ok) throw new AppError(stored.code, stored.message, stored.fields ? { fields: stored.fields } : undefined);
    return { ok: true as const, data: stored.data, marker: middlewareMarker };
  }
  const result = await next().catch(async (err: unknown) => {
    await releaseIdempotencyKey(db, { userId, key }).catch(() => {});
    throw err;
  });
  if (result.ok) {
    // What a client receives is JSON: store (and replay) exactly that.
    await completeIdempotencyKey(db, { userId, key, response: { ok: true, data: JSON.parse(JSON.stringify(result.data ?? null)) } });
  } else {
    const app = toAppError(result.error);
    if (app.status >= 500 || app.code === 'CONFLICT' || app.code === 'TOO_MANY_REQUESTS') await releaseIdempotencyKey(db, { userId, key });
    else {
      const fields = app.details?.fields;
      await completeIdempotencyKey(db, {
        userId,
        key,
        response: { ok: false, code: app.code, message: app.message, ...(fields ? { fields } : {}) },
      });
    }
  }
  return result;
});

/**
 * A verified session token; adds the caller's local user to the context. A call
 * without a valid token counts against its client address (RATE_LIMIT_PER_MINUTE),
 * so guessing tokens is limited too.
 */
const authenticated = publicProcedure.use(async ({ ctx, next }) => {
  const clerkUser = await ctx.deps.authenticator.authenticate(ctx.authorization).catch(async (err: unknown) => {
    await admitApiRequest(ctx.deps.db, `ip:${ctx.clientAddress ?? 'unknown'}`, ctx.deps.env.RATE_LIMIT_PER_MINUTE);
    throw err instanceof AuthError ? new AppError('UNAUTHORIZED', err.message) : err;
  });
  const user = await ensureUser(ctx.deps, clerkUser);
  return next({
    ctx: {
      clerkUser,
      user,
      /** The narrow context core services take. */
      svc: { ...asUser<CoreDeps>(ctx.deps, user.id), requestId: ctx.requestId },
    },
  });
});

/** Every authenticated procedure but the AI ones: held to RATE_LIMIT_PER_MINUTE per user, and idempotent with a key. */
export const authedProcedure = authenticated
  .use(async function apiLimit({ ctx, next }) {
    const rateLimit = await admitApiRequest(ctx.deps.db, `user:${ctx.user.id}`, ctx.deps.env.RATE_LIMIT_PER_MINUTE);
    if (rateLimit && ctx.responseHeaders) Object.assign(ctx.responseHeaders, rateLimitHeaders(rateLimit));
    return next();
  })
  .use(idempotent);

/** The context of an authenticated procedure's handler. */
export type AuthedContext = Context & {
  clerkUser: Awaited<ReturnType<Context['deps']['authenticator']['authenticate']>>;
  user: Awaited<ReturnType<typeof ensureUser>>;
  svc: ServiceContext & CoreDeps;
};

/** What an authenticated procedure's handler receives (with `I`, its parsed input). */
export type AuthedArgs<I extends z.ZodType | undefined = undefined> = {
  ctx: AuthedContext;
  input: I extends z.ZodType ? z.output<I> : unknown;
  signal?: AbortSignal;
};

/** The `RateLimit-*` response headers of a limit. */
export function rateLimitHeaders(rl: RateLimitInfo): Record<string, string> {
  return { 'RateLimit-Limit': String(rl.limit), 'RateLimit-Remaining': String(rl.remaining), 'RateLimit-Reset': String(rl.reset) };
}

const isRateLimit = (v: unknown): v is RateLimitInfo =>
  !!v && typeof v === 'object' && ['limit', 'remaining', 'reset'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

/**
 * The headers an error answer carries, on both transports: `Retry-After` (seconds)
 * on SERVICE_UNAVAILABLE and TOO_MANY_REQUESTS, and the `RateLimit-*` headers of
 * the limit that refused a request.
 */
export function errorHeaders(app: AppError): Record<string, string> {
  const headers: Record<string, string> = {};
  if (app.code === 'SERVICE_UNAVAILABLE' || app.code === 'TOO_MANY_REQUESTS') {
    const after = app.details?.retryAfter;
    headers['Retry-After'] = String(typeof after === 'number' ? Math.max(1, Math.ceil(after)) : RETRY_AFTER_SECONDS);
  }
  if (isRateLimit(app.details?.rateLimit)) Object.assign(headers, rateLimitHeaders(app.details.rateLimit));
  return headers;
}

/**
 * The procedures that call AI services (`ai.*`, `aiVision.*`, `documentIntelligence.*`,
 * `bot.suggest`, `vectorDocuments.ask`/`onAnswer`, `embeddings.create`): authenticated,
 * then held to the caller's AI limits (AI_REQUESTS_PER_MINUTE, AI_DAILY_TOKEN_BUDGET,
 * counted in the database for every process; over them: TOO_MANY_REQUESTS with
 * Retry-After and RateLimit-* headers). The handler's `ctx.svc` (and `ctx.deps`) carry
 * metered AI ports: each call through `chat`, `embedder`, `extractor` or `vision`
 * checks the budget first and is recorded with its tokens after, so a procedure built
 * on this meters its calls without code of its own. The records are written outside
 * any transaction; the procedure ends once they are.
 */
export const aiProcedure = authenticated.use(idempotent).use(async function aiLimits({ ctx, next, path }) {
  const { env } = ctx.deps;
  const limits = { requestsPerMinute: env.AI_REQUESTS_PER_MINUTE, dailyTokenBudget: env.AI_DAILY_TOKEN_BUDGET };
  const admission = await admitAiRequest(ctx.deps.db, ctx.user.id, limits);
  if (admission.rateLimit && ctx.responseHeaders) Object.assign(ctx.responseHeaders, rateLimitHeaders(admission.rateLimit));
  const meter = new AiMeter({
    db: ctx.deps.db,
    userId: ctx.user.id,
    procedure: path,
    requestId: ctx.requestId,
    dailyTokenBudget: limits.dailyTokenBudget,
    admission,
    log: ctx.log,
  });
  const ports = {
    chat: meter.chat(ctx.deps.chat),
    embedder: meter.embedder(ctx.deps.embedder),
    extractor: meter.extractor(ctx.deps.extractor),
    vision: meter.vision(ctx.deps.vision),
  };
  try {
    return await next({ ctx: { deps: { ...ctx.deps, ...ports }, svc: { ...ctx.svc, ...ports }, aiMeter: meter } });
  } finally {
    await meter.settled();
  }
});

const AI_LIMITS = (aiProcedure as unknown as { _def: { middlewares: unknown[] } })._def.middlewares.at(-1);

/** True for a procedure built with `aiProcedure` (held to the AI limits). */
export const isAiProcedure = (def: { middlewares?: unknown[] }): boolean => !!def.middlewares?.includes(AI_LIMITS);
