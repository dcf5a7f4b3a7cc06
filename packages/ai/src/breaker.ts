// A circuit breaker per hosted AI service (chat, embeddings, document-intelligence,
// vision), over cockatiel's: after `threshold` consecutive calls that failed
// because the service is down, slow or overloaded (AiUnavailableError with reason
// `timeout`, `unavailable` or `rate_limited`), the circuit opens and calls fail at
// once with AiUnavailableError reason `circuit_open`, whose `retryAfterSeconds` is
// the time until the circuit half-opens. Then one trial call goes through: its
// success closes the circuit, its failure opens it again for another period. While
// that trial runs, other calls fail at once too (they do not queue behind it).
//
// Failures that say nothing about the service's health do not count: a refused or
// rejected request, a wrong key or deployment, an answer that did not fit, a caller
// that aborted. A breaker is per process: each process learns on its own that a
// service is down, within `threshold` calls.
//
// `guardPort` wraps any port: the methods it names go through the breaker, every
// other property (model names, dimensions, close) passes through untouched. Local
// fallbacks are never wrapped: they do not fail the way a remote service does.
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { AiUnavailableError, type AiFailureReason, type AiService } from './errors.ts';
import type { ChatModel, Embedder } from './types.ts';

export interface BreakerOptions {
  /** Consecutive failing calls that open the circuit. Default 5. */
  threshold?: number;
  /** How long the circuit stays open before a trial call. Default 30 s. */
  halfOpenAfterMs?: number;
  /** Every change of state, for logs and metrics. */
  onStateChange?: (event: { service: AiService; provider: string; state: BreakerState }) => void;
}

export const DEFAULT_BREAKER_OPTIONS = { threshold: 5, halfOpenAfterMs: 30_000 } as const;

export type BreakerState = 'closed' | 'open' | 'half-open';

/** The failures that say the service itself is unwell. */
const TRIPPING_REASONS: ReadonlySet<AiFailureReason> = new Set(['timeout', 'unavailable', 'rate_limited']);

export const tripsBreaker = (err: unknown): boolean => err instanceof AiUnavailableError && TRIPPING_REASONS.has(err.reason);

export class AiCircuitBreaker {
  readonly service: AiService;
  readonly provider: string;
  readonly threshold: number;
  readonly halfOpenAfterMs: number;
  private readonly policy: CircuitBreakerPolicy;

  constructor(service: AiService, provider: string, opts: BreakerOptions = {}) {
    this.service = service;
    this.provider = provider;
    this.threshold = Math.max(1, Math.floor(opts.threshold ?? DEFAULT_BREAKER_OPTIONS.threshold));
    this.halfOpenAfterMs = Math.max(1, opts.halfOpenAfterMs ?? DEFAULT_BREAKER_OPTIONS.halfOpenAfterMs);
    this.policy = circuitBreaker(handleWhen(tripsBreaker), {
      halfOpenAfter: this.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(this.threshold),
    });
    if (opts.onStateChange) {
      const notify = opts.onStateChange;
      this.policy.onStateChange(() => notify({ service, provider, state: this.state }));
    }
  }

  get state(): BreakerState {
    switch (this.policy.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half-open';
      default:
        return 'open';
    }
  }

  /** Milliseconds until a trial call may go through: 0 when closed or due. */
  msUntilHalfOpen(now = Date.now()): number {
    if (this.policy.state === CircuitState.HalfOpen) return 1_000; // a trial is running: ask again soon
    if (this.policy.state !== CircuitState.Open) return 0;
    const own = (this.policy.toJSON() as { ownState?: { openedAt?: number } }).ownState;
    const openedAt = typeof own?.openedAt === 'number' ? own.openedAt : now;
    return Math.max(0, openedAt + this.halfOpenAfterMs - now);
  }

  private openError(): AiUnavailableError {
    const waitMs = Math.max(1_000, this.msUntilHalfOpen());
    return new AiUnavailableError({
      service: this.service,
      provider: this.provider,
      reason: 'circuit_open',
      message: `the last ${this.threshold} calls failed; no call is sent for ${Math.ceil(waitMs / 1000)} s`,
      retryAfterSeconds: waitMs / 1000,
    });
  }

  /** Runs one call through the breaker: refused at once while open, counted when it fails. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    // Open and not due, or a trial in flight: refuse without calling.
    if (this.policy.state === CircuitState.HalfOpen || (this.policy.state === CircuitState.Open && this.msUntilHalfOpen() > 0)) {
      throw this.openError();
    }
    try {
      return await this.policy.execute(() => call());
    } catch (err) {
      if (err instanceof BrokenCircuitError) throw this.openError();
      throw err;
    }
  }

  /**
   * A stream through the breaker: refused at once while open; otherwise the whole
   * stream is one call, judged when it ends: a failure after the first events (a
   * stream that stalls) counts as much as one before them. A consumer that stops
   * reading early ends it as a success.
   */
  async *stream<T>(open: () => AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
    if (this.policy.state === CircuitState.HalfOpen || (this.policy.state === CircuitState.Open && this.msUntilHalfOpen() > 0)) {
      throw this.openError();
    }
    let settle: ((err?: unknown) => void) | undefined;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const judged = this.policy.execute(
      () =>
        new Promise<void>((resolve, reject) => {
          settle = (err?: unknown) => (err === undefined ? resolve() : reject(err));
          started();
        }),
    );
    const refused = judged.then(
      () => undefined,
      (err: unknown) => err,
    );
    await Promise.race([running, refused]);
    if (!settle) {
      const err = await refused;
      throw err instanceof BrokenCircuitError ? this.openError() : err;
    }
    const end = settle;
    let outcome: { err?: unknown } = {};
    try {
      for await (const event of open()) yield event;
    } catch (err) {
      outcome = { err };
      throw err;
    } finally {
      end(outcome.err);
      await refused;
    }
  }
}

type Method<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];

/**
 * The same port with the named methods guarded by `breaker`: `calls` return a
 * promise, `streams` an async iterable. Everything else passes through.
 */
export function guardPort<T extends object>(
  port: T,
  breaker: AiCircuitBreaker,
  methods: { calls?: Method<T>[]; streams?: Method<T>[] },
): T {
  const calls = new Set<PropertyKey>(methods.calls ?? []);
  const streams = new Set<PropertyKey>(methods.streams ?? []);
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(port, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function' || (!calls.has(key) && !streams.has(key))) {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      let fn = wrapped.get(key);
      if (!fn) {
        const original = value as (...args: unknown[]) => unknown;
        fn = calls.has(key)
          ? (...args: unknown[]) => breaker.run(() => original.apply(target, args) as Promise<unknown>)
          : (...args: unknown[]) => breaker.stream(() => original.apply(target, args) as AsyncIterable<unknown>);
        wrapped.set(key, fn);
      }
      return fn;
    },
  });
}

/** A chat model behind its breaker. */
export const guardChatModel = (chat: ChatModel, breaker: AiCircuitBreaker): ChatModel =>
  guardPort(chat, breaker, { calls: ['complete', 'completeJson'], streams: ['stream'] });

/** An embedder behind its breaker. */
export const guardEmbedder = (embedder: Embedder, breaker: AiCircuitBreaker): Embedder =>
  guardPort(embedder, breaker, { calls: ['embed'] });

/** An extractor (Document Intelligence) behind its breaker; `close` passes through. */
export const guardExtractor = <T extends { extract: (...args: never[]) => Promise<unknown> }>(extractor: T, breaker: AiCircuitBreaker): T =>
  guardPort(extractor, breaker, { calls: ['extract' as Method<T>] });

/** A vision model (Azure AI Vision) behind its breaker. */
export const guardVisionModel = <T extends { analyze: (...args: never[]) => Promise<unknown> }>(vision: T, breaker: AiCircuitBreaker): T =>
  guardPort(vision, breaker, { calls: ['analyze' as Method<T>] });
