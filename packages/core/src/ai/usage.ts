/**
 * The per-user AI limits and usage metering behind every AI procedure (the api's
 * `aiProcedure`):
 * - `admitAiRequest` counts the request in the caller's one-minute window
 *   (AI_REQUESTS_PER_MINUTE, one UPSERT … RETURNING on their row, shared by every
 *   process) and reads the tokens they used today; over the limit, or with the
 *   day's budget (AI_DAILY_TOKEN_BUDGET) spent, it refuses with TOO_MANY_REQUESTS,
 *   `retryAfter` and the `rateLimit` numbers the transports turn into headers;
 * - an `AiMeter` wraps the AI ports a procedure uses (chat, embedder, extractor,
 *   vision): before each call it checks the budget, after it records the call —
 *   service, model, tokens, outcome, user, procedure — and adds its tokens to the
 *   day. Recording never joins a transaction of the caller: it goes through the
 *   base client, is not awaited by the call, and the procedure's end waits for it
 *   (`settled`). A provider that reports no usage for a chat call (a stream stopped
 *   early) is charged an estimate of four characters a token.
 * `0` turns either limit off.
 */
import { aiTokensToday, countAiRequest, recordAiUsage } from '@ap/db/ai-usage';
import { type RateLimitInfo, wholeSeconds } from '../shared/rate-limit.ts';
import type { Db } from '@ap/db/client';
import type { ChatMessage, ChatModel, ChatOptions, ChatStreamEvent, ChatUsage, JsonFormat } from '../ports/chat-model.ts';
import type { Logger } from '../ports/deps.ts';
import type { Embedder, EmbedOptions } from '../ports/embedder.ts';
import type { ExtractOptions, Extractor } from '../ports/extractor.ts';
import type { VisionAnalyzeOptions, VisionModel } from '../ports/vision-model.ts';
import { AppError } from '../shared/errors.ts';
import { AI_REQUEST_WINDOW_SECONDS } from './limits.ts';

export interface AiLimits {
  /** AI requests per user per minute; 0: no limit. */
  requestsPerMinute: number;
  /** Tokens per user per UTC day; 0: no budget. */
  dailyTokenBudget: number;
}

/** What the `RateLimit-*` headers say: the limit, what is left of it, seconds until it resets. */
export type { RateLimitInfo } from '../shared/rate-limit.ts';

export interface AiAdmission {
  /** The request limit after counting this request; null when there is none. */
  rateLimit: RateLimitInfo | null;
  /** Tokens the caller used today before this request. */
  tokensToday: number;
  /** Milliseconds until the budget renews (00:00 UTC). */
  budgetResetMs: number;
}

function budgetSpent(budget: number, resetMs: number): AppError {
  const reset = wholeSeconds(resetMs);
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Your daily AI token budget (${budget} tokens) is spent; it renews at 00:00 UTC, in ${reset} s`,
    { retryAfter: reset, rateLimit: { limit: budget, remaining: 0, reset } satisfies RateLimitInfo },
  );
}

/**
 * Counts one AI request of `userId`, or refuses it (TOO_MANY_REQUESTS) when it is
 * over the request limit or the day's token budget is spent. Runs outside any
 * transaction, before the procedure does anything.
 */
export async function admitAiRequest(db: Db, userId: string, limits: AiLimits): Promise<AiAdmission> {
  let rateLimit: RateLimitInfo | null = null;
  if (limits.requestsPerMinute > 0) {
    const window = await countAiRequest(db, userId, AI_REQUEST_WINDOW_SECONDS);
    const limit = limits.requestsPerMinute;
    rateLimit = { limit, remaining: Math.max(0, limit - window.count), reset: wholeSeconds(window.resetMs) };
    if (window.count > limit) {
      throw new AppError('TOO_MANY_REQUESTS', `Too many AI requests: at most ${limit} a minute; retry in ${rateLimit.reset} s`, {
        retryAfter: rateLimit.reset,
        rateLimit,
      });
    }
  }
  if (limits.dailyTokenBudget <= 0) return { rateLimit, tokensToday: 0, budgetResetMs: 0 };
  const today = await aiTokensToday(db, userId);
  if (today.tokens >= limits.dailyTokenBudget) throw budgetSpent(limits.dailyTokenBudget, today.resetMs);
  return { rateLimit, tokensToday: today.tokens, budgetResetMs: today.resetMs };
}

type Service = 'chat' | 'embeddings' | 'vision' | 'document-intelligence';

interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  estimated: boolean;
}

const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, estimated: false };

/** Four characters a token: what a call is charged when its provider reports no usage. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

function chatUsage(usage: ChatUsage | undefined, messages: ChatMessage[], reply: string): Usage {
  if (usage) return { ...usage, estimated: false };
  const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
  const completionTokens = estimateTokens(reply);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, estimated: true };
}

/** The port with some methods replaced; every other property (model, dimensions, close, …) is the port's own. */
function overriding<T extends object>(port: T, overrides: Partial<T>): T {
  return new Proxy(port, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof T];
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A circuit that is open refused the call before anything was sent: nothing to record. */
const neverSent = (err: unknown) =>
  (err as { name?: unknown; reason?: unknown })?.name === 'AiUnavailableError' && (err as { reason?: unknown }).reason === 'circuit_open';

export interface AiMeterOptions {
  db: Db;
  userId: string;
  /** The procedure making the calls, e.g. `ai.chat`. */
  procedure: string | null;
  requestId?: string | undefined;
  /** Tokens per UTC day; 0: no budget. */
  dailyTokenBudget: number;
  admission: AiAdmission;
  log?: Logger | undefined;
}

/** The AI ports of one request, metered: budget checked before each call, usage recorded after it. */
export class AiMeter {
  private known: number;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly o: AiMeterOptions) {
    this.known = o.admission.tokensToday;
  }

  /** Tokens the caller used today, as far as this request knows (its own calls included). */
  get tokensToday(): number {
    return this.known;
  }

  /** Refuses the next call when the day's budget is spent. */
  check(): void {
    if (this.o.dailyTokenBudget > 0 && this.known >= this.o.dailyTokenBudget) {
      throw budgetSpent(this.o.dailyTokenBudget, this.o.admission.budgetResetMs);
    }
  }

  /** Waits for the usage records of this request's calls (errors are logged, never thrown). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private record(service: Service, model: string, usage: Usage, outcome: 'ok' | 'error', startedAt: number): void {
    this.known += usage.totalTokens;
    const p = recordAiUsage(this.o.db, {
      userId: this.o.userId,
      service,
      model,
      procedure: this.o.procedure,
      requestId: this.o.requestId ?? null,
      outcome,
      ...usage,
      durationMs: performance.now() - startedAt,
    })
      .then((total) => {
        this.known = Math.max(this.known, total);
      })
      .catch((err: unknown) => this.o.log?.warn({ err, service, model }, 'AI usage not recorded'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Runs one call: budget first, then the call, then its record (also when it fails). */
  private async call<T>(service: Service, model: () => string, run: () => Promise<T>, usageOf: (result: T) => Usage): Promise<T> {
    this.check();
    const started = performance.now();
    let result: T;
    try {
      result = await run();
    } catch (err) {
      if (!neverSent(err)) this.record(service, model(), NO_USAGE, 'error', started);
      throw err;
    }
    this.record(service, model(), usageOf(result), 'ok', started);
    return result;
  }

  chat(chat: ChatModel | null): ChatModel | null {
    if (!chat) return null;
    const meter = this;
    return overriding(chat, {
      complete: (messages: ChatMessage[], opts?: ChatOptions) =>
        this.call(
          'chat',
          () => chat.model,
          () => chat.complete(messages, opts),
          (r) => chatUsage(r.usage, messages, r.text),
        ),
      completeJson: <T>(messages: ChatMessage[], format: JsonFormat<T>, opts?: ChatOptions) =>
        this.call(
          'chat',
          () => chat.model,
          () => chat.completeJson(messages, format, opts),
          (r) => chatUsage(r.usage, messages, r.text),
        ),
      async *stream(messages: ChatMessage[], opts?: ChatOptions): AsyncGenerator<ChatStreamEvent, void, undefined> {
        meter.check();
        const started = performance.now();
        let text = '';
        let usage: ChatUsage | undefined;
        let outcome: 'ok' | 'error' | null = 'ok';
        try {
          for await (const event of chat.stream(messages, opts)) {
            if (event.type === 'delta') text += event.text;
            else if (event.usage) usage = event.usage;
            yield event;
          }
        } catch (err) {
          outcome = neverSent(err) ? null : 'error';
          throw err;
        } finally {
          if (outcome)
            meter.record('chat', chat.model, outcome === 'ok' || text ? chatUsage(usage, messages, text) : NO_USAGE, outcome, started);
        }
      },
    });
  }

  embedder(embedder: Embedder): Embedder {
    return overriding(embedder, {
      // A local embedder reports no usage: it costs nothing.
      embed: (texts: string[], opts?: EmbedOptions) =>
        this.call(
          'embeddings',
          () => embedder.model,
          () => embedder.embed(texts, opts),
          (r) => {
            const tokens = r.usage?.promptTokens ?? 0;
            return { promptTokens: tokens, completionTokens: 0, totalTokens: tokens, estimated: false };
          },
        ),
    });
  }

  extractor(extractor: Extractor): Extractor {
    let model = 'extractor';
    return overriding(extractor, {
      extract: (bytes: Uint8Array, contentType: string, fileName: string, opts?: ExtractOptions) =>
        this.call(
          'document-intelligence',
          () => model,
          async () => {
            const layout = await extractor.extract(bytes, contentType, fileName, opts);
            model = layout.model;
            return layout;
          },
          () => NO_USAGE,
        ),
    });
  }

  vision(vision: VisionModel): VisionModel {
    return overriding(vision, {
      analyze: (image: Uint8Array, opts: VisionAnalyzeOptions) =>
        this.call(
          'vision',
          () => vision.model,
          () => vision.analyze(image, opts),
          () => NO_USAGE,
        ),
    });
  }
}
