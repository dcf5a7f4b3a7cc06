// Azure AI Document Intelligence through @azure/ai-form-recognizer (API
// 2023-07-31): `prebuilt-layout` (paragraph roles, tables) or `prebuilt-read`
// (text and lines). The analysis is a long-running operation: submit, then poll.
// - every HTTP request has AI_TIMEOUT_MS (a pipeline policy sets it on polls too);
// - one attempt (submit and polls) has `operationTimeoutMs`, all attempts together
//   `totalTimeoutMs`;
// - the SDK's own retries are off; 429, 408, 5xx, connection errors and operations
//   that failed inside the service are retried up to `retry.maxRetries` times,
//   Retry-After honoured up to `retry.maxRetryAfterMs`;
// - what still fails is an AiUnavailableError (service `document-intelligence`).
import { setMaxListeners } from 'node:events';
import type { AnalyzeResult, AnalyzedDocument, DocumentAnalysisClient } from '@azure/ai-form-recognizer';
import { DEFAULT_RETRY_POLICY, type AiCallEvent, type RetryPolicy } from '../call-policy.ts';
import { AiUnavailableError, type AiFailureReason } from '../errors.ts';
import type { ExtractedLayout, ExtractOptions, Extractor, LayoutModel, LayoutTableCell, ParagraphRole, TableCellKind } from './ports.ts';

export const DOCUMENT_INTELLIGENCE_PROVIDER = 'azure-document-intelligence';

export interface DocumentIntelligenceOptions {
  endpoint: string;
  key: string;
  /** Limit on each HTTP request (AI_TIMEOUT_MS). */
  timeoutMs: number;
  /** Limit on one attempt: the submission and every poll. Default 4 × timeoutMs. */
  operationTimeoutMs?: number;
  /** Limit on all attempts together. Default 10 × timeoutMs. */
  totalTimeoutMs?: number;
  /** Wait between polls when the service sends no Retry-After. Default 1000 ms. */
  pollIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  onCall?: (event: AiCallEvent) => void;
}

const ROLES = new Set<ParagraphRole>(['title', 'sectionHeading', 'pageHeader', 'pageFooter', 'pageNumber', 'footnote', 'formulaBlock']);
const CELL_KINDS = new Set<TableCellKind>(['content', 'columnHeader', 'rowHeader', 'stubHead', 'description']);

/** The service's result in the layout shape. */
export function layoutFromAnalyzeResult(result: AnalyzeResult<AnalyzedDocument>, model: string): ExtractedLayout {
  const regions = (list: { pageNumber: number; polygon?: { x: number; y: number }[] }[] | undefined) =>
    (list ?? []).map((r) => ({ pageNumber: r.pageNumber, polygon: (r.polygon ?? []).map((p) => ({ x: p.x, y: p.y })) }));
  const spans = (list: { offset: number; length: number }[] | undefined) =>
    (list ?? []).map((s) => ({ offset: s.offset, length: s.length }));
  return {
    content: result.content,
    pages: (result.pages ?? []).map((p) => ({
      pageNumber: p.pageNumber,
      width: p.width ?? null,
      height: p.height ?? null,
      unit: p.unit === 'inch' || p.unit === 'pixel' ? p.unit : null,
      spans: spans(p.spans),
      lines: (p.lines ?? []).map((l) => ({
        content: l.content,
        polygon: (l.polygon ?? []).map((pt) => ({ x: pt.x, y: pt.y })),
        spans: spans(l.spans),
      })),
    })),
    paragraphs: (result.paragraphs ?? []).map((p) => ({
      content: p.content,
      role: p.role && ROLES.has(p.role as ParagraphRole) ? (p.role as ParagraphRole) : null,
      spans: spans(p.spans),
      boundingRegions: regions(p.boundingRegions),
    })),
    tables: (result.tables ?? []).map((t) => ({
      rowCount: t.rowCount,
      columnCount: t.columnCount,
      cells: t.cells.map(
        (c): LayoutTableCell => ({
          rowIndex: c.rowIndex,
          columnIndex: c.columnIndex,
          rowSpan: c.rowSpan ?? 1,
          columnSpan: c.columnSpan ?? 1,
          kind: c.kind && CELL_KINDS.has(c.kind as TableCellKind) ? (c.kind as TableCellKind) : 'content',
          content: c.content,
          spans: spans(c.spans),
          boundingRegions: regions(c.boundingRegions),
        }),
      ),
      spans: spans(t.spans),
      boundingRegions: regions(t.boundingRegions),
    })),
    model,
  };
}

interface Failure {
  error: AiUnavailableError;
  retryable: boolean;
  retryAfterMs?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the SDK's errors are untyped
function headerRetryAfter(err: any): number | undefined {
  const headers = err?.response?.headers;
  const value: string | undefined = headers?.get?.('retry-after-ms') ?? undefined;
  if (value && Number.isFinite(Number(value))) return Number(value);
  const seconds: string | undefined = headers?.get?.('retry-after') ?? undefined;
  if (seconds && /^\d+(\.\d+)?$/.test(seconds.trim())) return Number(seconds) * 1000;
  return undefined;
}

export class DocumentIntelligenceExtractor implements Extractor {
  /** The SDK is loaded with the first analysis, not with the process. */
  private client: Promise<DocumentAnalysisClient> | null = null;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: DocumentIntelligenceOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  private async sdkClient(): Promise<DocumentAnalysisClient> {
    const { options } = this;
    const timeoutMs = options.timeoutMs;
    const { AzureKeyCredential, DocumentAnalysisClient } = await import('@azure/ai-form-recognizer');
    return new DocumentAnalysisClient(options.endpoint, new AzureKeyCredential(options.key), {
      allowInsecureConnection: options.endpoint.startsWith('http:'),
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [
        {
          position: 'perCall',
          policy: {
            name: 'ap-request-timeout',
            sendRequest(request, next) {
              request.timeout = timeoutMs;
              return next(request);
            },
          },
        },
      ],
    });
  }

  async extract(bytes: Uint8Array, _contentType: string, _fileName: string, opts: ExtractOptions = {}): Promise<ExtractedLayout> {
    const modelId: LayoutModel = opts.model ?? 'prebuilt-layout';
    const model = `${DOCUMENT_INTELLIGENCE_PROVIDER}:${modelId}`;
    const operationMs = this.options.operationTimeoutMs ?? this.options.timeoutMs * 4;
    const totalMs = this.options.totalTimeoutMs ?? this.options.timeoutMs * 10;
    const total = AbortSignal.timeout(totalMs);
    // Each attempt links its own signal to the total one.
    setMaxListeners(0, total);
    for (let attempt = 1; ; attempt++) {
      opts.signal?.throwIfAborted();
      const operation = AbortSignal.timeout(operationMs);
      const signal = AbortSignal.any([operation, total, ...(opts.signal ? [opts.signal] : [])]);
      const started = performance.now();
      const event = { service: 'document-intelligence' as const, provider: DOCUMENT_INTELLIGENCE_PROVIDER, model, attempt };
      try {
        this.client ??= this.sdkClient();
        const poller = await (await this.client).beginAnalyzeDocument(modelId, bytes, {
          abortSignal: signal,
          updateIntervalInMs: this.options.pollIntervalMs ?? 1000,
        });
        // The SDK's poller checks the signal only between polls: race it, and stop the poller.
        const result = await untilAborted(poller.pollUntilDone({ abortSignal: signal }), signal).finally(() => poller.stopPolling());
        this.options.onCall?.({ ...event, outcome: 'ok', durationMs: performance.now() - started });
        return layoutFromAnalyzeResult(result, model);
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        const failure = this.classify(err, operation.aborted ? operationMs : total.aborted ? totalMs : null);
        const durationMs = performance.now() - started;
        const base = {
          ...event,
          durationMs,
          reason: failure.error.reason,
          ...(failure.error.status !== undefined ? { status: failure.error.status } : {}),
        };
        const tooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > this.retry.maxRetryAfterMs;
        const delayMs = failure.retryAfterMs ?? Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        if (!failure.retryable || attempt > this.retry.maxRetries || tooLong || total.aborted) {
          this.options.onCall?.({ ...base, outcome: 'error' });
          throw failure.error;
        }
        this.options.onCall?.({ ...base, outcome: 'retry', delayMs });
        await sleep(delayMs, AbortSignal.any([total, ...(opts.signal ? [opts.signal] : [])])).catch(() => {});
        if (opts.signal?.aborted) throw opts.signal.reason;
        if (total.aborted) {
          throw new AiUnavailableError({
            service: 'document-intelligence',
            provider: DOCUMENT_INTELLIGENCE_PROVIDER,
            reason: 'timeout',
            message: `no result within ${totalMs} ms over ${attempt} attempts`,
            cause: failure.error,
          });
        }
      }
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: the SDK's errors are untyped
  private classify(err: any, timedOutAfterMs: number | null): Failure {
    const fail = (
      reason: AiFailureReason,
      message: string,
      retryable: boolean,
      extra: { status?: number; retryAfterMs?: number } = {},
    ): Failure => ({
      error: new AiUnavailableError({
        service: 'document-intelligence',
        provider: DOCUMENT_INTELLIGENCE_PROVIDER,
        reason,
        message,
        cause: err,
        ...(extra.status !== undefined ? { status: extra.status } : {}),
        ...(extra.retryAfterMs !== undefined ? { retryAfterSeconds: extra.retryAfterMs / 1000 } : {}),
      }),
      retryable,
      ...(extra.retryAfterMs !== undefined ? { retryAfterMs: extra.retryAfterMs } : {}),
    });
    if (timedOutAfterMs !== null) return fail('timeout', `the analysis did not finish within ${timedOutAfterMs} ms`, false);
    const message: string = err instanceof Error ? err.message : String(err);
    if (err?.name === 'AbortError' || /timed? ?out/i.test(message)) {
      return fail('timeout', `no answer within ${this.options.timeoutMs} ms`, false);
    }
    const status: number | undefined = typeof err?.statusCode === 'number' ? err.statusCode : undefined;
    if (status !== undefined) {
      const after = headerRetryAfter(err);
      const extra = { status, ...(after !== undefined ? { retryAfterMs: after } : {}) };
      const detail = `${status} ${message}`;
      if (status === 429) return fail('rate_limited', detail, true, extra);
      if (status === 408 || status >= 500) return fail('unavailable', detail, true, extra);
      if (status === 401 || status === 403 || status === 404) return fail('misconfigured', detail, false, extra);
      return fail('rejected', detail, false, extra);
    }
    if (err?.name === 'RestError') return fail('unavailable', `connection failed: ${message}`, true);
    // The SDK's FormRecognizerError (not exported): an operation that ended `failed`.
    if (err?.constructor?.name === 'FormRecognizerError' || (typeof err?.code === 'string' && Array.isArray(err?.details))) {
      // The operation itself failed in the service.
      const code: string = err.code ?? '';
      const transient = /InternalServerError|ServiceUnavailable|Timeout/i.test(code);
      return fail(transient ? 'unavailable' : 'rejected', `analysis failed: ${code ? `${code}: ` : ''}${message}`, transient);
    }
    return fail('invalid_response', message, false);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
