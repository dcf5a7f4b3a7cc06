// A stand-in for Azure AI Document Intelligence (Form Recognizer API 2023-07-31,
// what @azure/ai-form-recognizer 5.1 speaks) over real HTTP on loopback:
// - `POST /formrecognizer/documentModels/{modelId}:analyze?api-version=…` with the
//   document as the body (or JSON `base64Source`) and an `Ocp-Apim-Subscription-Key`
//   header answers 202 with `Operation-Location`;
// - `GET …/documentModels/{modelId}/analyzeResults/{id}` answers `running` for
//   `pollsBeforeDone` polls, then `succeeded` with an `analyzeResult`.
// The result comes from `resultFor` (default: `analyzeResultFromText`, a layout
// read from the document's bytes as text). Scripted faults: N× an HTTP status on
// either stage, operations that never finish, and operations that fail.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './net.ts';

export const FAKE_DI_API_VERSION = '2023-07-31';

export type FakeDiStage = 'analyze' | 'poll';

export interface FakeDiRequest {
  stage: FakeDiStage;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  modelId: string;
  /** The document as sent (analyze only). */
  body?: Uint8Array;
  /** The HTTP status the fake answered. */
  outcome: number;
}

export type FakeDiFault = { status: number; retryAfterSeconds?: number; code?: string; message?: string };

/** Wire shapes (polygons are flat number arrays, as the service sends them). */
export interface WireSpan {
  offset: number;
  length: number;
}
export interface WireRegion {
  pageNumber: number;
  polygon: number[];
}
export interface WireAnalyzeResult {
  apiVersion: string;
  modelId: string;
  stringIndexType: 'utf16CodeUnit';
  content: string;
  pages: {
    pageNumber: number;
    angle: number;
    width: number;
    height: number;
    unit: 'inch' | 'pixel';
    words: { content: string; polygon: number[]; confidence: number; span: WireSpan }[];
    lines: { content: string; polygon: number[]; spans: WireSpan[] }[];
    spans: WireSpan[];
  }[];
  paragraphs?: { role?: string; content: string; boundingRegions: WireRegion[]; spans: WireSpan[] }[];
  tables?: {
    rowCount: number;
    columnCount: number;
    cells: {
      kind?: string;
      rowIndex: number;
      columnIndex: number;
      rowSpan?: number;
      columnSpan?: number;
      content: string;
      boundingRegions: WireRegion[];
      spans: WireSpan[];
    }[];
    boundingRegions: WireRegion[];
    spans: WireSpan[];
  }[];
  styles: unknown[];
}

export interface FakeDocumentIntelligence {
  /** The endpoint, e.g. http://127.0.0.1:43210. */
  url: string;
  key: string;
  requests: FakeDiRequest[];
  /** `running` answers before `succeeded` (default 1). */
  pollsBeforeDone: number;
  /** The result of an operation. Default: `analyzeResultFromText`. */
  resultFor: (document: Uint8Array, modelId: string) => WireAnalyzeResult;
  /** The next `times` requests of `stage` (or any) get `fault`. */
  failNext(times: number, fault: FakeDiFault, stage?: FakeDiStage): void;
  /** The next `times` operations stay `running` forever. */
  neverFinish(times: number): void;
  /** The next `times` operations end `failed` with this error. */
  failOperations(times: number, error?: { code: string; message: string }): void;
  requestsTo(stage: FakeDiStage): FakeDiRequest[];
  /** Forgets requests and scripted faults, and restores the defaults. */
  reset(): void;
  close(): Promise<void>;
}

const line = (x: number, y: number, w: number, h: number) => [x, y, x + w, y, x + w, y + h, x, y + h];

/**
 * A layout read from text, as Document Intelligence would report it: pages split at
 * form feeds; lines become lines (8.5 × 11 in pages, 0.3 in apart) and words;
 * blank lines end paragraphs. A paragraph line starting `# ` is the title, `## ` a
 * section heading, `^ ` a page header; runs of lines with ` | ` are tables (first row
 * column headers), whose cells are also paragraphs. `prebuilt-read` gives no roles
 * and no tables.
 */
export function analyzeResultFromText(text: string, modelId = 'prebuilt-layout'): WireAnalyzeResult {
  const layout = modelId !== 'prebuilt-read';
  let content = '';
  const pages: WireAnalyzeResult['pages'] = [];
  const paragraphs: NonNullable<WireAnalyzeResult['paragraphs']> = [];
  const tables: NonNullable<WireAnalyzeResult['tables']> = [];
  text.split('\f').forEach((pageText, p) => {
    const pageNumber = p + 1;
    const page: WireAnalyzeResult['pages'][number] = {
      pageNumber,
      angle: 0,
      width: 8.5,
      height: 11,
      unit: 'inch',
      words: [],
      lines: [],
      spans: [],
    };
    const pageStart = content.length ? content.length + 1 : 0;
    // Blank lines end paragraphs; a marked line (`# `, `## `, `^ `) is a paragraph of its own.
    const groups: string[][] = [[]];
    for (const raw of pageText.split('\n')) {
      if (raw.trim() === '') groups.push([]);
      else if (layout && /^(#|##|\^) /.test(raw.trim())) groups.push([raw.trim()], []);
      else groups[groups.length - 1]!.push(raw.trim());
    }
    let row = 0;
    for (const group of groups.filter((g) => g.length)) {
      const isTable = layout && group.every((l) => l.includes(' | '));
      const marker = layout ? /^(#|##|\^) /.exec(group[0]!)?.[1] : undefined;
      const role = marker === '#' ? 'title' : marker === '##' ? 'sectionHeading' : marker === '^' ? 'pageHeader' : undefined;
      const paraStart = content.length ? content.length + 1 : 0;
      const cells: NonNullable<WireAnalyzeResult['tables']>[number]['cells'] = [];
      group.forEach((rawLine, i) => {
        const lineText = i === 0 && marker ? rawLine.slice(marker.length + 1) : rawLine;
        if (content.length) content += '\n';
        const offset = content.length;
        content += lineText;
        const y = 1 + row * 0.3;
        row++;
        const poly = line(1, y, 0.08 * lineText.length, 0.2);
        page.lines.push({ content: lineText, polygon: poly, spans: [{ offset, length: lineText.length }] });
        for (const m of lineText.matchAll(/\S+/g)) {
          page.words.push({
            content: m[0],
            polygon: line(1 + 0.08 * m.index, y, 0.08 * m[0].length, 0.2),
            confidence: 0.99,
            span: { offset: offset + m.index, length: m[0].length },
          });
        }
        if (isTable) {
          let at = 0;
          lineText.split(' | ').forEach((cell, c) => {
            const cellOffset = offset + at;
            at += cell.length + 3;
            const region = [{ pageNumber, polygon: line(1 + 0.08 * (cellOffset - offset), y, 0.08 * cell.length, 0.2) }];
            cells.push({
              ...(i === 0 ? { kind: 'columnHeader' } : {}),
              rowIndex: i,
              columnIndex: c,
              content: cell,
              boundingRegions: region,
              spans: [{ offset: cellOffset, length: cell.length }],
            });
            paragraphs.push({ content: cell, boundingRegions: region, spans: [{ offset: cellOffset, length: cell.length }] });
          });
        }
      });
      const span = { offset: paraStart, length: content.length - paraStart };
      const region = { pageNumber, polygon: line(1, 1 + (row - group.length) * 0.3, 6.5, group.length * 0.3 - 0.1) };
      if (isTable) {
        tables.push({
          rowCount: group.length,
          columnCount: Math.max(...group.map((l) => l.split(' | ').length)),
          cells,
          boundingRegions: [region],
          spans: [span],
        });
      } else {
        paragraphs.push({ ...(role ? { role } : {}), content: content.slice(paraStart), boundingRegions: [region], spans: [span] });
      }
    }
    page.spans = content.length > pageStart ? [{ offset: pageStart, length: content.length - pageStart }] : [];
    pages.push(page);
  });
  paragraphs.sort((a, b) => a.spans[0]!.offset - b.spans[0]!.offset);
  return {
    apiVersion: FAKE_DI_API_VERSION,
    modelId,
    stringIndexType: 'utf16CodeUnit',
    content,
    pages,
    paragraphs,
    ...(layout ? { tables } : {}),
    styles: [],
  };
}

interface Operation {
  id: string;
  modelId: string;
  document: Uint8Array;
  polls: number;
  neverFinish: boolean;
  failure: { code: string; message: string } | null;
  created: string;
}

export async function startFakeDocumentIntelligence(options: { key?: string } = {}): Promise<FakeDocumentIntelligence> {
  const key = options.key ?? `di-key-${randomUUID()}`;
  const operations = new Map<string, Operation>();
  const faults: { stage: FakeDiStage | undefined; fault: FakeDiFault }[] = [];
  let neverFinishCount = 0;
  const failures: { code: string; message: string }[] = [];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const json = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...(json ? { 'content-type': 'application/json' } : {}), 'apim-request-id': randomUUID(), ...headers });
    res.end(json);
  };
  const errorBody = (code: string, message: string) => ({ error: { code, message } });

  const defaultResult = (document: Uint8Array, modelId: string) => analyzeResultFromText(new TextDecoder().decode(document), modelId);
  const fake: FakeDocumentIntelligence = {
    url: '',
    key,
    requests: [],
    pollsBeforeDone: 1,
    resultFor: defaultResult,
    failNext(times, fault, stage) {
      for (let i = 0; i < times; i++) faults.push({ stage, fault });
    },
    neverFinish(times) {
      neverFinishCount += times;
    },
    failOperations(times, error = { code: 'InvalidContent', message: 'The file is corrupted or format is unsupported.' }) {
      for (let i = 0; i < times; i++) failures.push(error);
    },
    requestsTo(stage) {
      return fake.requests.filter((r) => r.stage === stage);
    },
    reset() {
      fake.requests.length = 0;
      faults.length = 0;
      failures.length = 0;
      neverFinishCount = 0;
      fake.pollsBeforeDone = 1;
      fake.resultFor = defaultResult;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const analyze = /^\/formrecognizer\/documentModels\/([^/:]+):analyze$/.exec(url.pathname);
    const poll = /^\/formrecognizer\/documentModels\/([^/:]+)\/analyzeResults\/([^/]+)$/.exec(url.pathname);
    const stage: FakeDiStage | null = analyze && req.method === 'POST' ? 'analyze' : poll && req.method === 'GET' ? 'poll' : null;
    const body = stage === 'analyze' ? await readBody(req) : undefined;
    const record: FakeDiRequest = {
      stage: stage ?? 'analyze',
      method: req.method ?? '',
      path: url.pathname,
      query,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
      modelId: (analyze ?? poll)?.[1] ?? '',
      outcome: 0,
    };
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.outcome = status;
      fake.requests.push(record);
      send(res, status, payload, headers);
    };
    if (!stage) return answer(404, errorBody('NotFound', `No route for ${req.method} ${url.pathname}`));
    if (req.headers['ocp-apim-subscription-key'] !== key) {
      return answer(401, errorBody('401', 'Access denied due to invalid subscription key or wrong API endpoint.'));
    }
    if (query['api-version'] !== FAKE_DI_API_VERSION)
      return answer(404, errorBody('404', `Unsupported api-version ${query['api-version']}`));
    const faultAt = faults.findIndex((f) => !f.stage || f.stage === stage);
    if (faultAt >= 0) {
      const { fault } = faults.splice(faultAt, 1)[0]!;
      return answer(
        fault.status,
        errorBody(fault.code ?? String(fault.status), fault.message ?? `Scripted ${fault.status}`),
        fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
      );
    }
    if (stage === 'analyze') {
      let document: Uint8Array = body!;
      if ((req.headers['content-type'] ?? '').includes('application/json')) {
        const json = JSON.parse(body!.toString('utf8') || '{}') as { base64Source?: string };
        if (!json.base64Source) return answer(400, errorBody('InvalidRequest', 'base64Source or a binary body is required.'));
        document = Buffer.from(json.base64Source, 'base64');
      }
      record.body = new Uint8Array(document);
      if (document.length === 0) return answer(400, errorBody('InvalidRequest', 'The document is empty.'));
      const op: Operation = {
        id: randomUUID(),
        modelId: record.modelId,
        document,
        polls: 0,
        neverFinish: neverFinishCount > 0,
        failure: failures.shift() ?? null,
        created: new Date().toISOString(),
      };
      if (op.neverFinish) neverFinishCount--;
      operations.set(op.id, op);
      return answer(202, undefined, {
        'operation-location': `${fake.url}/formrecognizer/documentModels/${op.modelId}/analyzeResults/${op.id}?api-version=${FAKE_DI_API_VERSION}`,
      });
    }
    const op = operations.get(poll![2]!);
    if (!op || op.modelId !== record.modelId) return answer(404, errorBody('NotFound', 'Resource not found.'));
    op.polls++;
    const base = { createdDateTime: op.created, lastUpdatedDateTime: new Date().toISOString() };
    if (op.neverFinish || op.polls <= fake.pollsBeforeDone) return answer(200, { status: 'running', ...base }, { 'retry-after': '0' });
    if (op.failure) return answer(200, { status: 'failed', ...base, error: op.failure });
    return answer(200, { status: 'succeeded', ...base, analyzeResult: fake.resultFor(op.document, op.modelId) });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody('InternalServerError', String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
