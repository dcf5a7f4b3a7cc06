// Timeouts, bounded retries and error mapping for calls to hosted AI services.
// The SDK's own retries are off (maxRetries: 0): every retry happens here, so a
// call has one deadline per attempt, a known number of attempts, and fails with
// an AiUnavailableError.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai/core/error';
import { AiUnavailableError, type AiService } from './errors.ts';

export interface RetryPolicy {
  /** Retries after the first attempt (429, 408, 409, 5xx, connection errors). Timeouts are not retried. */
  maxRetries: number;
  /** First backoff without Retry-After; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** Longest backoff without Retry-After. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails at once, passing it on. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

/** One attempt's outcome, for logs and metrics (`ai_calls_total{service,outcome}`). */
export interface AiCallEvent {
  service: AiService;
  provider: string;
  model: string;
  /** 1 for the first attempt. */
  attempt: number;
  outcome: 'ok' | 'retry' | 'error';
  status?: number;
  reason?: string;
  /** The wait before the next attempt (outcome `retry`). */
  delayMs?: number;
  durationMs: number;
}

export interface CallContext {
  service: AiService;
  provider: string;
  model: string;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
  onCall?: ((event: AiCallEvent) => void) | undefined;
}

/** The deadline of one attempt: aborts `signal` after `timeoutMs` without `reset()`, or when the caller aborts. */
export class Deadline {
  readonly signal: AbortSignal;
  timedOut = false;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly unlink: () => void;

  constructor(
    private readonly timeoutMs: number,
    private readonly external?: AbortSignal,
  ) {
    this.signal = this.controller.signal;
    const onAbort = () => this.controller.abort(external?.reason);
    if (external?.aborted) onAbort();
    external?.addEventListener('abort', onAbort, { once: true });
    this.unlink = () => external?.removeEventListener('abort', onAbort);
    this.reset();
  }

  /** Starts the time limit again (a stream that made progress). */
  reset(): void {
    clearTimeout(this.timer);
    if (this.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error(`no answer within ${this.timeoutMs} ms`));
    }, this.timeoutMs);
  }

  /** Ends the attempt without aborting it. */
  clear(): void {
    clearTimeout(this.timer);
    this.unlink();
  }

  /** Ends the attempt and aborts whatever is still running in it. */
  abort(): void {
    this.clear();
    if (!this.signal.aborted) this.controller.abort(new Error('attempt ended'));
  }

  get callerAborted(): boolean {
    return !!this.external?.aborted;
  }
}

/**
 * A provider answered with an HTTP error status: what adapters that call a REST API
 * with fetch (no SDK) throw, so `classify` treats it as the OpenAI SDK's APIError.
 */
export class ProviderHttpError extends Error {
  override readonly name = 'ProviderHttpError';
  constructor(
    readonly status: number,
    readonly headers: Headers,
    message: string,
    /** The provider's error code (e.g. Azure's `error.code`), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Classified {
  error: AiUnavailableError;
  retryable: boolean;
  /** Delay the provider asked for, in ms. */
  retryAfterMs?: number;
}

/** Reads `retry-after-ms` (Azure, OpenAI) or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Maps anything a provider call threw to an AiUnavailableError, saying whether another attempt may help. */
export function classify(err: unknown, ctx: CallContext, deadline?: Deadline): Classified {
  const base = { service: ctx.service, provider: ctx.provider, cause: err };
  if (err instanceof AiUnavailableError) return { error: err, retryable: false };
  if (deadline?.timedOut || err instanceof APIConnectionTimeoutError) {
    return {
      error: new AiUnavailableError({ ...base, reason: 'timeout', message: `no answer within ${ctx.timeoutMs} ms` }),
      retryable: false,
    };
  }
  if (err instanceof APIUserAbortError) {
    return { error: new AiUnavailableError({ ...base, reason: 'unavailable', message: 'request aborted' }), retryable: false };
  }
  if (err instanceof APIConnectionError) {
    return {
      error: new AiUnavailableError({ ...base, reason: 'unavailable', message: `connection failed: ${err.message}` }),
      retryable: true,
    };
  }
  // fetch's own connection failures (DNS, refused, reset): a TypeError whose cause says why.
  if (err instanceof TypeError && err.message === 'fetch failed') {
    const why = (err.cause as { code?: unknown; message?: unknown } | undefined)?.code ?? (err.cause as Error | undefined)?.message;
    return {
      error: new AiUnavailableError({ ...base, reason: 'unavailable', message: `connection failed${why ? `: ${String(why)}` : ''}` }),
      retryable: true,
    };
  }
  const http =
    err instanceof ProviderHttpError
      ? err
      : err instanceof APIError && typeof err.status === 'number'
        ? { status: err.status, headers: err.headers, message: err.message, code: err.code ?? undefined }
        : null;
  if (http) {
    const status = http.status;
    const after = retryAfterMs(http.headers);
    const withAfter = { ...base, status, ...(after !== undefined ? { retryAfterSeconds: after / 1000 } : {}) };
    const detail = `${status} ${http.message}`;
    if (status === 429) {
      return {
        error: new AiUnavailableError({ ...withAfter, reason: 'rate_limited', message: detail }),
        retryable: true,
        ...(after !== undefined ? { retryAfterMs: after } : {}),
      };
    }
    if (status === 408 || status === 409 || status >= 500) {
      return {
        error: new AiUnavailableError({ ...withAfter, reason: 'unavailable', message: detail }),
        retryable: true,
        ...(after !== undefined ? { retryAfterMs: after } : {}),
      };
    }
    if (status === 401 || status === 403 || status === 404) {
      return { error: new AiUnavailableError({ ...withAfter, reason: 'misconfigured', message: detail }), retryable: false };
    }
    const filtered = http.code === 'content_filter' || /content[_ ]filter|content management policy/i.test(http.message);
    return {
      error: new AiUnavailableError({ ...withAfter, reason: filtered ? 'refused' : 'rejected', message: detail }),
      retryable: false,
    };
  }
  return {
    error: new AiUnavailableError({
      ...base,
      reason: 'unavailable',
      message: err instanceof Error ? err.message : String(err),
    }),
    retryable: false,
  };
}

function backoff(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or the
 * retries are used up. Each attempt gets its own Deadline. With `keepDeadline`,
 * a successful attempt's deadline is left running and handed back (streams
 * keep it while they are read); otherwise it is cleared.
 */
export async function withRetries<T>(
  ctx: CallContext,
  attempt: (deadline: Deadline, attemptNumber: number) => Promise<T>,
  opts: { keepDeadline?: boolean } = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    const deadline = new Deadline(ctx.timeoutMs, ctx.signal);
    const started = performance.now();
    try {
      const value = await attempt(deadline, n);
      if (!opts.keepDeadline) deadline.clear();
      ctx.onCall?.({
        service: ctx.service,
        provider: ctx.provider,
        model: ctx.model,
        attempt: n,
        outcome: 'ok',
        durationMs: performance.now() - started,
      });
      return value;
    } catch (err) {
      deadline.abort();
      if (deadline.callerAborted) throw ctx.signal!.reason;
      const { error, retryable, retryAfterMs: after } = classify(err, ctx, deadline);
      const durationMs = performance.now() - started;
      const event = {
        service: ctx.service,
        provider: ctx.provider,
        model: ctx.model,
        attempt: n,
        durationMs,
        reason: error.reason,
        ...(error.status !== undefined ? { status: error.status } : {}),
      };
      const tooLong = after !== undefined && after > ctx.retry.maxRetryAfterMs;
      if (!retryable || n > ctx.retry.maxRetries || tooLong) {
        ctx.onCall?.({ ...event, outcome: 'error' });
        throw error;
      }
      const delayMs = after ?? backoff(ctx.retry, n - 1);
      ctx.onCall?.({ ...event, outcome: 'retry', delayMs });
      await sleep(delayMs, ctx.signal);
    }
  }
}
