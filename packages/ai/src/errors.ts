/** Which outside AI service a call was for. */
export type AiService = 'embeddings' | 'chat' | 'vision' | 'document-intelligence';

/**
 * Why the call failed:
 * - `timeout`: no answer within AI_TIMEOUT_MS;
 * - `rate_limited`: the provider said 429 (also after the allowed retries);
 * - `unavailable`: 5xx or connection failures, after the allowed retries;
 * - `refused`: the provider declined to answer (content filter, refusal);
 * - `rejected`: the provider refused the request itself (400/422);
 * - `misconfigured`: wrong key, deployment or model (401/403/404);
 * - `invalid_response`: an answer that does not fit what was asked for;
 * - `circuit_open`: recent calls kept failing, so this process sends none for a
 *   while (breaker.ts); `retryAfterSeconds` is the time until it tries again.
 */
export type AiFailureReason =
  | 'timeout'
  | 'rate_limited'
  | 'unavailable'
  | 'refused'
  | 'rejected'
  | 'misconfigured'
  | 'invalid_response'
  | 'circuit_open';

const DEFAULT_RETRY_AFTER_SECONDS: Record<AiFailureReason, number> = {
  timeout: 10,
  rate_limited: 30,
  unavailable: 30,
  refused: 60,
  rejected: 60,
  misconfigured: 300,
  invalid_response: 30,
  circuit_open: 30,
};

/**
 * An AI service could not serve a call. The API answers it with
 * SERVICE_UNAVAILABLE and `Retry-After: retryAfterSeconds`.
 */
export class AiUnavailableError extends Error {
  override readonly name = 'AiUnavailableError';
  readonly service: AiService;
  readonly reason: AiFailureReason;
  /** The provider as named in models, e.g. `openai` or `azure-openai`. */
  readonly provider: string;
  /** HTTP status from the provider, when there was one. */
  readonly status: number | undefined;
  /** When to try again: the provider's Retry-After when it sent one, else a default per reason. */
  readonly retryAfterSeconds: number;

  constructor(args: {
    service: AiService;
    reason: AiFailureReason;
    provider: string;
    message: string;
    status?: number;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(`${args.provider} ${args.service}: ${args.message}`, args.cause === undefined ? undefined : { cause: args.cause });
    this.service = args.service;
    this.reason = args.reason;
    this.provider = args.provider;
    this.status = args.status;
    this.retryAfterSeconds = Math.max(1, Math.ceil(args.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS[args.reason]));
  }
}

export function isAiUnavailableError(err: unknown): err is AiUnavailableError {
  return err instanceof AiUnavailableError;
}
