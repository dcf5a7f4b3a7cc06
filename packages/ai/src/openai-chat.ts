// Chat completions from OpenAI or Azure OpenAI: a whole answer, a stream of text
// deltas ending with usage, or an answer held to a JSON schema. Every call runs
// under the call policy (deadline per attempt, bounded retries); a stream is
// retried only before its first delta, and its deadline restarts on each chunk.
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { DEFAULT_RETRY_POLICY, classify, withRetries, type AiCallEvent, type CallContext, type RetryPolicy } from './call-policy.ts';
import { AiUnavailableError } from './errors.ts';
import type { OpenAiClient, OpenAiProvider } from './openai-client.ts';
import type {
  ChatCompletion,
  ChatJsonCompletion,
  ChatMessage,
  ChatModel,
  ChatOptions,
  ChatStreamEvent,
  ChatUsage,
  FinishReason,
  JsonFormat,
} from './types.ts';

export interface OpenAiChatModelOptions {
  client: OpenAiClient;
  provider: OpenAiProvider;
  /** OpenAI model name, or the Azure deployment name. */
  model: string;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  onCall?: (event: AiCallEvent) => void;
}

function finishReason(value: string | null | undefined): FinishReason {
  return value === 'stop' || value === 'length' || value === 'content_filter' ? value : 'other';
}

function usageOf(
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null | undefined,
): ChatUsage | undefined {
  return usage
    ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, totalTokens: usage.total_tokens }
    : undefined;
}

export class OpenAiChatModel implements ChatModel {
  readonly model: string;
  private readonly opts: OpenAiChatModelOptions;
  private readonly retry: RetryPolicy;

  constructor(opts: OpenAiChatModelOptions) {
    this.opts = opts;
    this.model = `${opts.provider}:${opts.model}`;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  }

  private context(signal: AbortSignal | undefined): CallContext {
    return {
      service: 'chat',
      provider: this.opts.provider,
      model: this.model,
      timeoutMs: this.opts.timeoutMs,
      retry: this.retry,
      signal,
      onCall: this.opts.onCall,
    };
  }

  private body(messages: ChatMessage[], opts: ChatOptions): ChatCompletionCreateParamsNonStreaming {
    return {
      model: this.opts.model,
      messages: messages.map((m) => ({ role: m.role, content: m.content }) as ChatCompletionMessageParam),
      ...(opts.maxTokens !== undefined ? { max_completion_tokens: opts.maxTokens } : {}),
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
    };
  }

  private invalid(message: string, reason: 'invalid_response' | 'refused' = 'invalid_response') {
    return new AiUnavailableError({ service: 'chat', provider: this.opts.provider, reason, message });
  }

  async complete(messages: ChatMessage[], opts: ChatOptions = {}): Promise<ChatCompletion> {
    const client = await this.opts.client();
    const response = await withRetries(this.context(opts.signal), (deadline) =>
      client.chat.completions.create(this.body(messages, opts), {
        signal: deadline.signal,
        timeout: this.opts.timeoutMs,
        maxRetries: 0,
      }),
    );
    const choice = response.choices?.[0];
    if (!choice) throw this.invalid('the answer has no choices');
    const usage = usageOf(response.usage);
    return {
      text: choice.message.content ?? '',
      model: this.model,
      finishReason: finishReason(choice.finish_reason),
      ...(usage ? { usage } : {}),
    };
  }

  async completeJson<T>(messages: ChatMessage[], format: JsonFormat<T>, opts: ChatOptions = {}): Promise<ChatJsonCompletion<T>> {
    const body = {
      ...this.body(messages, opts),
      response_format: {
        type: 'json_schema' as const,
        json_schema: {
          name: format.name,
          schema: format.schema,
          strict: format.strict ?? true,
          ...(format.description ? { description: format.description } : {}),
        },
      },
    };
    const client = await this.opts.client();
    const response = await withRetries(this.context(opts.signal), (deadline) =>
      client.chat.completions.create(body, { signal: deadline.signal, timeout: this.opts.timeoutMs, maxRetries: 0 }),
    );
    const choice = response.choices?.[0];
    if (!choice) throw this.invalid('the answer has no choices');
    if (choice.message.refusal) throw this.invalid(`the model refused: ${choice.message.refusal}`, 'refused');
    if (choice.finish_reason === 'content_filter') throw this.invalid('the answer was withheld by the content filter', 'refused');
    if (choice.finish_reason === 'length') throw this.invalid('the JSON answer was cut off at the token limit');
    const text = choice.message.content ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.invalid(`the answer is not JSON: ${text.slice(0, 80)}`);
    }
    let value: T;
    try {
      value = format.parse ? format.parse(parsed) : (parsed as T);
    } catch (err) {
      throw this.invalid(`the answer does not fit schema ${format.name}: ${(err as Error).message}`);
    }
    const usage = usageOf(response.usage);
    return { value, text, model: this.model, ...(usage ? { usage } : {}) };
  }

  async *stream(messages: ChatMessage[], opts: ChatOptions = {}): AsyncGenerator<ChatStreamEvent, void, undefined> {
    const ctx = this.context(opts.signal);
    const body = { ...this.body(messages, opts), stream: true as const, stream_options: { include_usage: true } };
    // Open the stream and read its first chunk inside the retried attempt; after
    // that a failure ends the stream (deltas already went out).
    const opened = await withRetries(
      ctx,
      async (deadline) => {
        const stream = await (await this.opts.client()).chat.completions.create(body, {
          signal: deadline.signal,
          timeout: this.opts.timeoutMs,
          maxRetries: 0,
        });
        const iterator: AsyncIterator<ChatCompletionChunk> = stream[Symbol.asyncIterator]();
        const first = await iterator.next();
        deadline.reset();
        return { deadline, iterator, first };
      },
      { keepDeadline: true },
    );
    const { deadline, iterator } = opened;
    let result = opened.first;
    let finish: FinishReason = 'other';
    let usage: ChatUsage | undefined;
    let completed = false;
    try {
      while (!result.done) {
        const chunk = result.value;
        const u = usageOf(chunk.usage);
        if (u) usage = u;
        for (const choice of chunk.choices ?? []) {
          if (choice.index !== 0) continue;
          if (choice.delta?.content) yield { type: 'delta', text: choice.delta.content };
          if (choice.finish_reason) finish = finishReason(choice.finish_reason);
        }
        deadline.reset();
        try {
          result = await iterator.next();
        } catch (err) {
          if (opts.signal?.aborted) throw opts.signal.reason;
          throw classify(err, ctx, deadline).error;
        }
        deadline.reset();
      }
      // The SDK ends a stream quietly when its signal aborts: a timeout or the
      // caller's abort must not pass for a complete answer.
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (deadline.timedOut) throw classify(new Error('stream stalled'), ctx, deadline).error;
      completed = true;
      yield { type: 'done', model: this.model, finishReason: finish, ...(usage ? { usage } : {}) };
    } finally {
      if (completed) deadline.clear();
      else {
        // The consumer stopped early or the stream failed: release the connection.
        deadline.abort();
        await iterator.return?.().catch(() => undefined);
      }
    }
  }
}
