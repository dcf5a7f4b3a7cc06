// Azure AI Vision Image Analysis 4.0 (API 2023-10-01) over its REST API with fetch:
// `POST {endpoint}/computervision/imageanalysis:analyze?api-version=2023-10-01&features=…`
// with `Ocp-Apim-Subscription-Key` and the image bytes as application/octet-stream.
// No SDK: the maintained one (@azure-rest/ai-vision-image-analysis) is a CommonJS
// beta, and one POST needs none of it.
// - each attempt has AI_TIMEOUT_MS (call-policy's Deadline), the body read included;
// - 429, 408, 5xx and connection failures are retried up to `retry.maxRetries`
//   times, Retry-After honoured up to `retry.maxRetryAfterMs`;
// - what still fails is an AiUnavailableError (service `vision`).
import { DEFAULT_RETRY_POLICY, ProviderHttpError, withRetries, type AiCallEvent, type RetryPolicy } from '../call-policy.ts';
import { AiUnavailableError } from '../errors.ts';
import type { ImagePoint, VisionAnalysis, VisionAnalyzeOptions, VisionFeature, VisionModel } from '../types.ts';

export const AZURE_VISION_PROVIDER = 'azure-vision';
export const AZURE_VISION_API_VERSION = '2023-10-01';

export interface AzureVisionOptions {
  /** The resource's endpoint, e.g. https://my-vision.cognitiveservices.azure.com. */
  endpoint: string;
  key: string;
  /** Limit on one attempt (AI_TIMEOUT_MS). */
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  onCall?: (event: AiCallEvent) => void;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

/** The parts of the service's answer this adapter reads. */
interface WirePoint {
  x: number;
  y: number;
}
interface WireResult {
  modelVersion?: string;
  metadata?: { width?: number; height?: number };
  captionResult?: { text?: string; confidence?: number };
  tagsResult?: { values?: { name?: string; confidence?: number }[] };
  readResult?: {
    blocks?: { lines?: { text?: string; boundingPolygon?: WirePoint[]; words?: { confidence?: number }[] }[] }[];
  };
}

const FEATURE_NAMES: Record<VisionFeature, string> = { caption: 'caption', tags: 'tags', read: 'read' };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The service's answer in the port's shape; features not asked for come back empty. */
export function visionAnalysisFromResult(result: WireResult, features: readonly VisionFeature[]): VisionAnalysis {
  const width = result.metadata?.width;
  const height = result.metadata?.height;
  if (!isNumber(width) || !isNumber(height)) throw new Error('the answer has no image metadata (width, height)');
  const caption = features.includes('caption') && typeof result.captionResult?.text === 'string' ? result.captionResult : null;
  const polygon = (points: WirePoint[] | undefined): ImagePoint[] =>
    (points ?? []).filter((p) => isNumber(p?.x) && isNumber(p?.y)).map((p) => ({ x: p.x, y: p.y }));
  const lines = features.includes('read')
    ? (result.readResult?.blocks ?? []).flatMap((block) =>
        (block.lines ?? [])
          .filter((l) => typeof l.text === 'string' && l.text.trim() !== '')
          .map((l) => {
            // Lines carry no confidence of their own: the mean of their words'.
            const scores = (l.words ?? []).map((w) => w.confidence).filter(isNumber);
            return {
              text: l.text!,
              polygon: polygon(l.boundingPolygon),
              ...(scores.length ? { confidence: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10_000) / 10_000 } : {}),
            };
          }),
      )
    : [];
  return {
    caption: caption ? caption.text! : null,
    captionConfidence: caption && isNumber(caption.confidence) ? caption.confidence : null,
    tags: features.includes('tags')
      ? (result.tagsResult?.values ?? [])
          .filter((t) => typeof t.name === 'string' && t.name !== '')
          .map((t) => ({ name: t.name!, confidence: isNumber(t.confidence) ? t.confidence : 0 }))
      : [],
    lines,
    width,
    height,
    model: `${AZURE_VISION_PROVIDER}:${result.modelVersion || AZURE_VISION_API_VERSION}`,
  };
}

async function errorOf(res: Response): Promise<ProviderHttpError> {
  const text = await res.text().catch(() => '');
  let code: string | undefined;
  let message = text.slice(0, 300) || res.statusText || 'error';
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; innererror?: { code?: unknown; message?: unknown } } };
    const e = body.error;
    const inner = e?.innererror;
    code = typeof inner?.code === 'string' ? inner.code : typeof e?.code === 'string' ? e.code : undefined;
    const said = typeof inner?.message === 'string' ? inner.message : typeof e?.message === 'string' ? e.message : undefined;
    if (said) message = said;
  } catch {}
  return new ProviderHttpError(res.status, res.headers, code ? `${code}: ${message}` : message, code);
}

export class AzureVisionModel implements VisionModel {
  readonly model = `${AZURE_VISION_PROVIDER}:${AZURE_VISION_API_VERSION}`;
  private readonly retry: RetryPolicy;
  private readonly fetch: typeof fetch;
  private readonly url: string;

  constructor(private readonly options: AzureVisionOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.fetch = options.fetch ?? globalThis.fetch;
    this.url = `${options.endpoint.replace(/\/+$/, '')}/computervision/imageanalysis:analyze`;
  }

  async analyze(image: Uint8Array, opts: VisionAnalyzeOptions): Promise<VisionAnalysis> {
    const features = [...new Set(opts.features)];
    if (features.length === 0) throw new RangeError('ask for at least one feature');
    const query = new URLSearchParams({
      'api-version': AZURE_VISION_API_VERSION,
      features: features.map((f) => FEATURE_NAMES[f]).join(','),
    });
    const url = `${this.url}?${query}`;
    const ctx = {
      service: 'vision' as const,
      provider: AZURE_VISION_PROVIDER,
      model: this.model,
      timeoutMs: this.options.timeoutMs,
      retry: this.retry,
      signal: opts.signal,
      onCall: this.options.onCall,
    };
    return withRetries(ctx, async (deadline) => {
      const res = await this.fetch(url, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': this.options.key, 'content-type': 'application/octet-stream' },
        body: image,
        signal: deadline.signal,
      });
      if (!res.ok) throw await errorOf(res);
      const text = await res.text();
      try {
        return visionAnalysisFromResult(JSON.parse(text) as WireResult, features);
      } catch (err) {
        throw new AiUnavailableError({
          service: 'vision',
          provider: AZURE_VISION_PROVIDER,
          reason: 'invalid_response',
          message: `an answer that is not an image analysis (${err instanceof Error ? err.message : String(err)})`,
          cause: err,
        });
      }
    });
  }
}
