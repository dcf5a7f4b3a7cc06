// A stand-in for Azure AI Vision Image Analysis 4.0 (API 2023-10-01) over real HTTP
// on loopback:
// - `POST /computervision/imageanalysis:analyze?api-version=2023-10-01&features=caption,tags,read`
//   with an `Ocp-Apim-Subscription-Key` header and the image as an
//   application/octet-stream body answers 200 with `modelVersion`, `metadata`
//   (the image's size, read from its header) and, for each feature asked for,
//   `captionResult`, `tagsResult.values` or `readResult.blocks[].lines[]` (with
//   `boundingPolygon` and words);
// - a wrong key is a 401, an unknown feature or api-version a 400, a body that is not
//   an image (`InvalidImageFormat`) or one outside 50–16000 px or over 20 MB
//   (`InvalidImageSize`) a 400, as the service answers.
// What every image "shows" is `scene`. Scripted faults: N× an HTTP status (with
// Retry-After), and requests that are never answered.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './net.ts';

export const FAKE_VISION_API_VERSION = '2023-10-01';
const FEATURES = new Set(['caption', 'densecaptions', 'tags', 'objects', 'read', 'smartcrops', 'people']);
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface WirePoint {
  x: number;
  y: number;
}

/** The answer's wire shape (the parts this fake makes). */
export interface WireImageAnalysis {
  modelVersion: string;
  metadata: { width: number; height: number };
  captionResult?: { text: string; confidence: number };
  tagsResult?: { values: { name: string; confidence: number }[] };
  readResult?: {
    blocks: {
      lines: { text: string; boundingPolygon: WirePoint[]; words: { text: string; boundingPolygon: WirePoint[]; confidence: number }[] }[];
    }[];
  };
}

/** What the fake "sees" in any image. A line's box is `[x, y, width, height]` in pixels. */
export interface FakeVisionScene {
  caption: { text: string; confidence: number };
  tags: { name: string; confidence: number }[];
  lines: { text: string; box: [number, number, number, number] }[];
}

export interface FakeVisionRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** The image as sent. */
  body: Uint8Array;
  /** The HTTP status the fake answered; 0 for a request it never answered. */
  outcome: number;
}

export type FakeVisionFault = { status: number; retryAfterSeconds?: number; code?: string; message?: string };

export interface FakeAzureVision {
  /** The endpoint, e.g. http://127.0.0.1:43210. */
  url: string;
  key: string;
  requests: FakeVisionRequest[];
  scene: FakeVisionScene;
  /** The next `times` requests get `fault`. */
  failNext(times: number, fault: FakeVisionFault): void;
  /** The next `times` requests are never answered (the connection stays open until the client gives up). */
  hangNext(times: number): void;
  /** Forgets requests and scripted faults, and restores the default scene. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_SCENE: FakeVisionScene = {
  caption: { text: 'a white sign with black text', confidence: 0.8321 },
  tags: [
    { name: 'text', confidence: 0.9968 },
    { name: 'font', confidence: 0.9012 },
    { name: 'sign', confidence: 0.6543 },
  ],
  lines: [
    { text: 'Quarterly budget review', box: [30, 40, 420, 40] },
    { text: 'Invoices are due within 30 days.', box: [30, 110, 560, 40] },
  ],
};

/** Width and height of a PNG, JPEG, GIF, BMP or TIFF from its header; null when it is not one. */
export function imageDimensions(b: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  try {
    if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { width: v.getUint32(16), height: v.getUint32(20) };
    if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
    if (b[0] === 0x42 && b[1] === 0x4d) return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
    if (b[0] === 0xff && b[1] === 0xd8) {
      for (let at = 2; at + 9 < b.length; ) {
        if (b[at] !== 0xff) return null;
        const marker = b[at + 1]!;
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
        }
        at += 2 + v.getUint16(at + 2);
      }
      return null;
    }
    const le = b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a;
    if (le || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a)) {
      const ifd = v.getUint32(4, le);
      let width = 0;
      let height = 0;
      for (let i = 0; i < v.getUint16(ifd, le); i++) {
        const e = ifd + 2 + i * 12;
        const value = v.getUint16(e + 2, le) === 3 ? v.getUint16(e + 8, le) : v.getUint32(e + 8, le);
        if (v.getUint16(e, le) === 256) width = value;
        if (v.getUint16(e, le) === 257) height = value;
      }
      return width && height ? { width, height } : null;
    }
  } catch {}
  return null;
}

const rect = ([x, y, w, h]: [number, number, number, number]): WirePoint[] => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

/** The service's answer for an image of this size showing `scene`, with the features asked for. */
export function analysisOf(scene: FakeVisionScene, size: { width: number; height: number }, features: string[]): WireImageAnalysis {
  const out: WireImageAnalysis = { modelVersion: FAKE_VISION_API_VERSION, metadata: size };
  if (features.includes('caption')) out.captionResult = scene.caption;
  if (features.includes('tags')) out.tagsResult = { values: scene.tags };
  if (features.includes('read')) {
    out.readResult = {
      blocks: scene.lines.length
        ? [
            {
              lines: scene.lines.map((l) => {
                const perChar = l.box[2] / Math.max(1, l.text.length);
                return {
                  text: l.text,
                  boundingPolygon: rect(l.box),
                  words: [...l.text.matchAll(/\S+/g)].map((m) => ({
                    text: m[0],
                    boundingPolygon: rect([l.box[0] + m.index * perChar, l.box[1], m[0].length * perChar, l.box[3]]),
                    confidence: 0.99,
                  })),
                };
              }),
            },
          ]
        : [],
    };
  }
  return out;
}

export async function startFakeAzureVision(options: { key?: string } = {}): Promise<FakeAzureVision> {
  const key = options.key ?? `vision-key-${randomUUID()}`;
  const faults: FakeVisionFault[] = [];
  let hangCount = 0;
  const cloneScene = (s: FakeVisionScene): FakeVisionScene => JSON.parse(JSON.stringify(s));

  const fake: FakeAzureVision = {
    url: '',
    key,
    requests: [],
    scene: cloneScene(DEFAULT_SCENE),
    failNext(times, fault) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    hangNext(times) {
      hangCount += times;
    },
    reset() {
      fake.requests.length = 0;
      faults.length = 0;
      hangCount = 0;
      fake.scene = cloneScene(DEFAULT_SCENE);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const error = (code: string, message: string, inner?: string) => ({
    error: { code, message, ...(inner ? { innererror: { code: inner, message } } : {}) },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const body = await readBody(req);
    const record: FakeVisionRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
      body: new Uint8Array(body),
      outcome: 0,
    };
    fake.requests.push(record);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.outcome = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'apim-request-id': randomUUID(), ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || url.pathname !== '/computervision/imageanalysis:analyze') {
      return answer(404, error('404', 'Resource not found'));
    }
    if (req.headers['ocp-apim-subscription-key'] !== key) {
      return answer(
        401,
        error(
          '401',
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        ),
      );
    }
    if (hangCount > 0) {
      hangCount--;
      return; // never answered
    }
    const fault = faults.shift();
    if (fault) {
      return answer(
        fault.status,
        error(fault.code ?? String(fault.status), fault.message ?? `Scripted ${fault.status}`),
        fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
      );
    }
    if (query['api-version'] !== FAKE_VISION_API_VERSION) {
      return answer(
        400,
        error('InvalidRequest', `The api-version ${query['api-version'] ?? ''} is not supported.`, 'UnsupportedApiVersion'),
      );
    }
    const features = (query.features ?? '')
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean);
    if (features.length === 0 || features.some((f) => !FEATURES.has(f))) {
      return answer(400, error('InvalidRequest', `Invalid features: "${query.features ?? ''}".`, 'InvalidParameter'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      return answer(400, error('InvalidRequest', 'Only application/octet-stream bodies are served by this fake.', 'InvalidParameter'));
    }
    if (body.length > MAX_IMAGE_BYTES) {
      return answer(400, error('InvalidRequest', 'The input image is too large. It must be less than 20 MB.', 'InvalidImageSize'));
    }
    const size = imageDimensions(body);
    if (!size) return answer(400, error('InvalidRequest', 'Input data is not a valid image.', 'InvalidImageFormat'));
    if (size.width < 50 || size.height < 50 || size.width > 16_000 || size.height > 16_000) {
      return answer(400, error('InvalidRequest', 'Image must be between 50 x 50 and 16000 x 16000 pixels in size.', 'InvalidImageSize'));
    }
    return answer(200, analysisOf(fake.scene, size, features));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(error('InternalServerError', String(err))));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
