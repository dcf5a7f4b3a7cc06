// The real @azure/ai-form-recognizer SDK against the fake Document Intelligence
// server (packages/testing/src/fake-document-intelligence.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@ap/config/env';
import type { Extractor as ExtractorPort } from '@ap/core/ports/extractor';
import { chunkLayout } from '@ap/core/knowledge/chunking';
import {
  analyzeResultFromText,
  startFakeDocumentIntelligence,
  type FakeDocumentIntelligence,
} from '@ap/testing/fake-document-intelligence';
import { makePdf } from '@ap/testing/sample-documents';
import type { AiCallEvent } from '../src/call-policy.ts';
import { AiUnavailableError } from '../src/errors.ts';
import { DocumentIntelligenceExtractor } from '../src/extraction/azure.ts';
import { createExtractor } from '../src/extraction/create-extractor.ts';
import { createAiProviders } from '../src/providers.ts';
import { expectExactSpans } from './layout-assertions.ts';

const DOC = [
  '^ Northwind Labs — internal',
  '',
  '# Quarterly Report',
  '',
  '## Revenue',
  'Revenue grew by 12% in the third quarter.',
  'Most growth came from the Lisbon office.',
  '',
  'Office | Revenue | Growth',
  'Berlin | 4.1M | 8%',
  'Lisbon | 2.3M | 21%',
  '\f## Outlook',
  'We expect steady growth next year.',
].join('\n');
const enc = (s: string) => new TextEncoder().encode(s);

let fake: FakeDocumentIntelligence;
let events: AiCallEvent[];
beforeAll(async () => {
  fake = await startFakeDocumentIntelligence();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  events = [];
});

const extractor = (extra: Partial<ConstructorParameters<typeof DocumentIntelligenceExtractor>[0]> = {}) =>
  new DocumentIntelligenceExtractor({
    endpoint: fake.url,
    key: fake.key,
    timeoutMs: 2_000,
    pollIntervalMs: 5,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    onCall: (e) => events.push(e),
    ...extra,
  });

async function failure(p: Promise<unknown>): Promise<AiUnavailableError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AiUnavailableError);
  return err as AiUnavailableError;
}

describe('Document Intelligence extractor', () => {
  it('runs the long-running operation and maps pages, lines, paragraph roles and tables into the layout', async () => {
    fake.pollsBeforeDone = 3;
    const layout = await extractor().extract(enc(DOC), 'application/pdf', 'report.pdf');
    expect(layout.model).toBe('azure-document-intelligence:prebuilt-layout');
    expectExactSpans(layout);
    // Submitted once with the key, polled until done.
    const [submit] = fake.requestsTo('analyze');
    expect(fake.requestsTo('analyze')).toHaveLength(1);
    expect(submit!.modelId).toBe('prebuilt-layout');
    expect(new TextDecoder().decode(submit!.body)).toBe(DOC);
    expect(fake.requestsTo('poll')).toHaveLength(4);
    expect(layout.pages.map((p) => [p.pageNumber, p.width, p.height, p.unit])).toEqual([
      [1, 8.5, 11, 'inch'],
      [2, 8.5, 11, 'inch'],
    ]);
    expect(layout.pages[0]!.lines[0]).toEqual({
      content: 'Northwind Labs — internal',
      polygon: [
        { x: 1, y: 1 },
        { x: 3, y: 1 },
        { x: 3, y: 1.2 },
        { x: 1, y: 1.2 },
      ],
      spans: [{ offset: 0, length: 25 }],
    });
    const roles = layout.paragraphs.filter((p) => p.role).map((p) => [p.role, p.content]);
    expect(roles).toEqual([
      ['pageHeader', 'Northwind Labs — internal'],
      ['title', 'Quarterly Report'],
      ['sectionHeading', 'Revenue'],
      ['sectionHeading', 'Outlook'],
    ]);
    expect(layout.paragraphs.every((p) => p.boundingRegions.length === 1 && p.boundingRegions[0]!.polygon.length === 4)).toBe(true);
    const [table] = layout.tables;
    expect([table!.rowCount, table!.columnCount]).toEqual([3, 3]);
    expect(table!.cells.filter((c) => c.kind === 'columnHeader').map((c) => c.content)).toEqual(['Office', 'Revenue', 'Growth']);
    expect(table!.cells.find((c) => c.content === '21%')).toMatchObject({
      rowIndex: 2,
      columnIndex: 2,
      rowSpan: 1,
      columnSpan: 1,
      kind: 'content',
    });
    expect(table!.cells[0]!.boundingRegions[0]!.pageNumber).toBe(1);
    expect(events.map((e) => [e.service, e.outcome, e.attempt])).toEqual([['document-intelligence', 'ok', 1]]);

    // The chunker reads the same shape: sections, pages and boxes from Document Intelligence.
    const chunks = chunkLayout(layout, { maxTokens: 60, overlapTokens: 0 });
    const revenue = chunks.find((c) => c.text.includes('Revenue grew'))!;
    expect(revenue.headings).toEqual(['Quarterly Report', 'Revenue']);
    expect(revenue.pageStart).toBe(1);
    expect(revenue.boxes.length).toBeGreaterThan(0);
    const outlook = chunks.find((c) => c.text.includes('steady growth'))!;
    expect(outlook.headings).toEqual(['Quarterly Report', 'Outlook']);
    expect([outlook.pageStart, outlook.pageEnd]).toEqual([2, 2]);
  });

  it('uses prebuilt-read when asked: text and lines, no roles or tables', async () => {
    const layout = await extractor().extract(enc(DOC), 'application/pdf', 'report.pdf', { model: 'prebuilt-read' });
    expect(layout.model).toBe('azure-document-intelligence:prebuilt-read');
    expect(fake.requestsTo('analyze')[0]!.modelId).toBe('prebuilt-read');
    expect(layout.tables).toEqual([]);
    expect(layout.paragraphs.every((p) => p.role === null)).toBe(true);
    expectExactSpans(layout);
  });

  it('sends a real PDF as the body', async () => {
    const pdf = await makePdf([{ lines: [{ text: 'Hello' }] }]);
    fake.resultFor = () => analyzeResultFromText('Hello');
    const layout = await extractor().extract(pdf, 'application/pdf', 'hello.pdf');
    expect(layout.content).toBe('Hello');
    expect(fake.requestsTo('analyze')[0]!.body).toEqual(pdf);
  });

  it('retries 5xx on submission and on polling, then succeeds', async () => {
    fake.failNext(1, { status: 503 }, 'analyze');
    fake.failNext(1, { status: 500 }, 'poll');
    const layout = await extractor().extract(enc(DOC), 'application/pdf', 'report.pdf');
    expect(layout.content).toContain('Revenue grew');
    expect(events.map((e) => [e.outcome, e.status ?? null])).toEqual([
      ['retry', 503],
      ['retry', 500],
      ['ok', null],
    ]);
  });

  it('gives up after the allowed retries with an AiUnavailableError', async () => {
    fake.failNext(3, { status: 500 }, 'analyze');
    const err = await failure(extractor().extract(enc(DOC), 'application/pdf', 'r.pdf'));
    expect([err.service, err.reason, err.status, err.provider]).toEqual([
      'document-intelligence',
      'unavailable',
      500,
      'azure-document-intelligence',
    ]);
    expect(fake.requestsTo('analyze')).toHaveLength(3);
  });

  it('honours Retry-After on 429, and fails at once when it asks for longer than allowed', async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 0 }, 'analyze');
    await extractor().extract(enc(DOC), 'application/pdf', 'r.pdf');
    expect(events[0]).toMatchObject({ outcome: 'retry', status: 429, delayMs: 0 });
    fake.failNext(1, { status: 429, retryAfterSeconds: 120 }, 'analyze');
    const err = await failure(extractor().extract(enc(DOC), 'application/pdf', 'r.pdf'));
    expect([err.reason, err.retryAfterSeconds]).toEqual(['rate_limited', 120]);
  });

  it('refuses a wrong key as misconfigured, without retrying', async () => {
    const err = await failure(extractor({ key: 'wrong' }).extract(enc(DOC), 'application/pdf', 'r.pdf'));
    expect([err.reason, err.status]).toEqual(['misconfigured', 401]);
    expect(fake.requests).toHaveLength(1);
  });

  it('maps an operation that failed in the service, without retrying it', async () => {
    fake.failOperations(1);
    const err = await failure(extractor().extract(enc(DOC), 'application/pdf', 'r.pdf'));
    expect(err.reason).toBe('rejected');
    expect(err.message).toMatch(/InvalidContent/);
    expect(fake.requestsTo('analyze')).toHaveLength(1);
    // A transient failure inside the service is retried.
    fake.failOperations(1, { code: 'InternalServerError', message: 'try again' });
    await extractor().extract(enc(DOC), 'application/pdf', 'r.pdf');
    expect(fake.requestsTo('analyze')).toHaveLength(3);
  });

  it('stops an operation that never finishes at its own time limit', async () => {
    fake.neverFinish(1);
    const err = await failure(extractor({ operationTimeoutMs: 150 }).extract(enc(DOC), 'application/pdf', 'r.pdf'));
    expect(err.reason).toBe('timeout');
    expect(err.message).toMatch(/did not finish within 150 ms/);
    expect(fake.requestsTo('poll').length).toBeGreaterThan(1);
    expect(fake.requestsTo('analyze')).toHaveLength(1);
  });

  it('stops retrying at the total cap', async () => {
    // No Retry-After: the 30 ms backoff spaces the attempts, so the 100 ms cap ends them after a few.
    fake.failNext(50, { status: 503 }, 'analyze');
    const err = await failure(
      extractor({ totalTimeoutMs: 100, retry: { maxRetries: 1000, baseDelayMs: 30, maxDelayMs: 30 } }).extract(
        enc(DOC),
        'application/pdf',
        'r.pdf',
      ),
    );
    expect(['unavailable', 'timeout']).toContain(err.reason);
    expect(fake.requestsTo('analyze').length).toBeLessThan(50);
  });
});

describe('createExtractor', () => {
  it('is local without Document Intelligence configured, and the providers carry it', async () => {
    const providers = createAiProviders(parseEnv({}));
    const port: ExtractorPort = providers.extractor;
    expect(port).toBe(providers.extractor);
    expect(providers.extractor.provider).toBe('local');
    const layout = await providers.extractor.extract(enc('# Hi\n\nthere'), 'text/markdown', 'a.md');
    expect(layout.model).toBe('local-markdown');
    await providers.extractor.close();
  });

  it('sends PDFs, images, DOCX and HTML to Document Intelligence when configured, and reads text formats locally', async () => {
    const config = parseEnv({
      AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT: fake.url,
      AZURE_DOCUMENT_INTELLIGENCE_KEY: fake.key,
      AI_TIMEOUT_MS: '2000',
    });
    const ex = createExtractor(config, { documentIntelligence: { pollIntervalMs: 5 } });
    expect(ex.provider).toBe('azure-document-intelligence');
    const pdf = await makePdf([{ lines: [{ text: 'Hello' }] }]);
    fake.resultFor = () => analyzeResultFromText('Hello');
    expect((await ex.extract(pdf, 'application/pdf', 'a.pdf')).model).toBe('azure-document-intelligence:prebuilt-layout');
    expect((await ex.extract(enc('<p>x</p>'), 'text/html', 'a.html')).model).toBe('azure-document-intelligence:prebuilt-layout');
    expect((await ex.extract(enc('a,b\n1,2'), 'text/csv', 'a.csv')).model).toBe('local-csv');
    expect((await ex.extract(enc('# T'), 'text/markdown', 'a.md')).model).toBe('local-markdown');
    const sent = fake.requestsTo('analyze').map((r) => new TextDecoder().decode(r.body));
    expect(sent.filter((b) => b.startsWith('%PDF') || b === '<p>x</p>')).toHaveLength(2);
    expect(sent.some((b) => b === 'a,b\n1,2' || b === '# T')).toBe(false);
    await ex.close();
  });
});
