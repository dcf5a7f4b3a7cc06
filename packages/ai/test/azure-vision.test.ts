// The Azure AI Vision adapter (fetch, Image Analysis 4.0) against the fake server
// (packages/testing/src/fake-azure-vision.ts), and the choice between it and the
// local analysis.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@ap/config/env';
import type { VisionModel as VisionModelPort } from '@ap/core/ports/vision-model';
import { startFakeAzureVision, type FakeAzureVision } from '@ap/testing/fake-azure-vision';
import { makePlainPng } from '@ap/testing/sample-documents';
import type { AiCallEvent } from '../src/call-policy.ts';
import { AiUnavailableError } from '../src/errors.ts';
import { createAiProviders } from '../src/providers.ts';
import { AzureVisionModel } from '../src/vision/azure-vision.ts';
import { LocalVisionModel } from '../src/vision/local-vision.ts';

const scan = new Uint8Array(readFileSync(new URL('./fixtures/scan.png', import.meta.url)));
const jpeg = new Uint8Array(readFileSync(new URL('./fixtures/scan.jpg', import.meta.url)));

let fake: FakeAzureVision;
let events: AiCallEvent[];
beforeAll(async () => {
  fake = await startFakeAzureVision();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  events = [];
});

const vision = (extra: Partial<ConstructorParameters<typeof AzureVisionModel>[0]> = {}) =>
  new AzureVisionModel({
    endpoint: `${fake.url}/`,
    key: fake.key,
    timeoutMs: 2_000,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    onCall: (e) => events.push(e),
    ...extra,
  });

const ALL = ['caption', 'tags', 'read'] as const;

async function failure(p: Promise<unknown>): Promise<AiUnavailableError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AiUnavailableError);
  return err as AiUnavailableError;
}

describe('Azure AI Vision adapter', () => {
  it('posts the image bytes with the key and maps caption, tags and lines with their polygons', async () => {
    const port: VisionModelPort = vision();
    const analysis = await port.analyze(scan, { features: [...ALL], contentType: 'image/png' });
    expect(analysis).toEqual({
      caption: 'a white sign with black text',
      captionConfidence: 0.8321,
      tags: [
        { name: 'text', confidence: 0.9968 },
        { name: 'font', confidence: 0.9012 },
        { name: 'sign', confidence: 0.6543 },
      ],
      lines: [
        {
          text: 'Quarterly budget review',
          polygon: [
            { x: 30, y: 40 },
            { x: 450, y: 40 },
            { x: 450, y: 80 },
            { x: 30, y: 80 },
          ],
          confidence: 0.99,
        },
        expect.objectContaining({ text: 'Invoices are due within 30 days.' }),
      ],
      width: 900,
      height: 260,
      model: 'azure-vision:2023-10-01',
    });
    expect(port.model).toBe('azure-vision:2023-10-01');
    const [req] = fake.requests;
    expect(req!.path).toBe('/computervision/imageanalysis:analyze');
    expect(req!.query).toEqual({ 'api-version': '2023-10-01', features: 'caption,tags,read' });
    expect(req!.headers['ocp-apim-subscription-key']).toBe(fake.key);
    expect(req!.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.from(req!.body).equals(Buffer.from(scan))).toBe(true);
    expect(events.map((e) => [e.service, e.provider, e.outcome, e.attempt])).toEqual([['vision', 'azure-vision', 'ok', 1]]);
  });

  it('asks only for the features wanted, and leaves the others empty', async () => {
    const analysis = await vision().analyze(jpeg, { features: ['read', 'read'] });
    expect(fake.requests[0]!.query.features).toBe('read');
    expect(analysis.caption).toBeNull();
    expect(analysis.captionConfidence).toBeNull();
    expect(analysis.tags).toEqual([]);
    expect(analysis.lines.map((l) => l.text)).toEqual(['Quarterly budget review', 'Invoices are due within 30 days.']);
    expect([analysis.width, analysis.height]).toEqual([900, 260]);
    const captionOnly = await vision().analyze(jpeg, { features: ['caption'] });
    expect(captionOnly.lines).toEqual([]);
    expect(captionOnly.caption).toBe('a white sign with black text');
  });

  it('an image with no text has no lines', async () => {
    fake.scene.lines = [];
    const analysis = await vision().analyze(scan, { features: [...ALL] });
    expect(analysis.lines).toEqual([]);
    expect(analysis.caption).not.toBeNull();
  });

  it('rides out a 429 by waiting the Retry-After it was given', async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 1, code: '429', message: 'Rate limit is exceeded.' });
    const started = Date.now();
    const analysis = await vision().analyze(scan, { features: ['read'] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(analysis.lines).toHaveLength(2);
    expect(fake.requests.map((r) => r.outcome)).toEqual([429, 200]);
    expect(events.map((e) => [e.outcome, e.status ?? null, e.delayMs ?? null])).toEqual([
      ['retry', 429, 1000],
      ['ok', null, null],
    ]);
  });

  it('retries 5xx with backoff, then gives up as unavailable with a Retry-After', async () => {
    fake.failNext(1, { status: 503, message: 'busy' });
    expect((await vision().analyze(scan, { features: ['tags'] })).tags).toHaveLength(3);
    fake.reset();
    fake.failNext(5, { status: 500, code: 'InternalServerError' });
    const err = await failure(vision().analyze(scan, { features: ['tags'] }));
    expect([err.service, err.provider, err.reason, err.status]).toEqual(['vision', 'azure-vision', 'unavailable', 500]);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(3);
  });

  it('keeps on 429 no longer than the retries allow, passing the Retry-After on', async () => {
    fake.failNext(5, { status: 429, retryAfterSeconds: 0 });
    const err = await failure(vision({ retry: { maxRetries: 1 } }).analyze(scan, { features: ['read'] }));
    expect(err.reason).toBe('rate_limited');
    expect(fake.requests).toHaveLength(2);
    fake.reset();
    // A Retry-After past what is worth waiting is not waited for.
    fake.failNext(1, { status: 429, retryAfterSeconds: 120 });
    const long = await failure(vision().analyze(scan, { features: ['read'] }));
    expect([long.reason, long.retryAfterSeconds]).toEqual(['rate_limited', 120]);
    expect(fake.requests).toHaveLength(1);
  });

  it('stops a server that never answers at the time limit, without retrying', async () => {
    fake.hangNext(5);
    const started = Date.now();
    const err = await failure(vision({ timeoutMs: 300 }).analyze(scan, { features: ['read'] }));
    expect(err.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('a caller that gives up aborts the request', async () => {
    fake.hangNext(1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('client went away')), 100);
    await expect(vision().analyze(scan, { features: ['read'], signal: controller.signal })).rejects.toThrow(/client went away/);
  });

  it('a wrong key is misconfigured and a bad image is rejected, neither retried', async () => {
    const wrongKey = await failure(vision({ key: 'nope' }).analyze(scan, { features: ['read'] }));
    expect([wrongKey.reason, wrongKey.status]).toEqual(['misconfigured', 401]);
    const tiny = await failure(vision().analyze(makePlainPng(20, 20), { features: ['read'] }));
    expect([tiny.reason, tiny.status]).toEqual(['rejected', 400]);
    expect(tiny.message).toMatch(/InvalidImageSize/);
    const notImage = await failure(vision().analyze(new TextEncoder().encode('not an image'), { features: ['read'] }));
    expect(notImage.message).toMatch(/InvalidImageFormat/);
    expect(fake.requests).toHaveLength(3);
  });

  it('an endpoint nobody listens on is unavailable after the retries', async () => {
    const err = await failure(vision({ endpoint: 'http://127.0.0.1:9' }).analyze(scan, { features: ['read'] }));
    expect(err.reason).toBe('unavailable');
    expect(err.message).toMatch(/connection failed/);
    expect(events.map((e) => e.outcome)).toEqual(['retry', 'retry', 'error']);
  });

  it('an answer that is not an image analysis is an invalid response', async () => {
    const notJson: typeof fetch = async () => new Response('<html>gateway</html>', { status: 200 });
    const err = await failure(vision({ fetch: notJson }).analyze(scan, { features: ['read'] }));
    expect(err.reason).toBe('invalid_response');
  });
});

describe('the vision provider', () => {
  it('is Azure AI Vision when its endpoint and key are set, else the local analysis', async () => {
    const azure = createAiProviders(parseEnv({ AZURE_VISION_ENDPOINT: fake.url, AZURE_VISION_KEY: fake.key, AI_TIMEOUT_MS: '2000' }));
    expect(azure.vision).toBeInstanceOf(AzureVisionModel);
    expect((await azure.vision.analyze(scan, { features: ['caption'] })).caption).toBe('a white sign with black text');
    const local = createAiProviders(parseEnv({}));
    expect(local.vision).toBeInstanceOf(LocalVisionModel);
    expect(local.vision.model).toBe('local-ocr-tesseract');
    await azure.close();
    await local.close();
  });
});
