// aiVision.analyze and documentIntelligence.analyze over tRPC and REST: with
// nothing configured (local OCR, the local extractors) and with Azure AI Vision and
// Document Intelligence configured (the real adapters against the fakes in
// packages/testing). Files arrive through the real upload flow (Azurite).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAzureVision, type FakeAzureVision } from '@ap/testing/fake-azure-vision';
import {
  analyzeResultFromText,
  startFakeDocumentIntelligence,
  type FakeDocumentIntelligence,
} from '@ap/testing/fake-document-intelligence';
import { makePdf } from '@ap/testing/sample-documents';
import { upload } from './documents-fixtures.ts';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../packages/ai/test/fixtures/${name}`, import.meta.url)));
const SCAN_PNG = fixture('scan.png');
const SCAN_JPG = fixture('scan.jpg');
/** The words printed in the scan fixtures (900 × 260 px). */
const LINES = ['Quarterly budget review', 'Invoices are due within 30 days.', 'Contact the finance team.'];

async function uploadDocument(h: Harness, user: TestUser, file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  const c = h.caller(user.token);
  const { uploadId, status } = await upload(c, file);
  expect(status).toBe(201);
  return c.documents.create({ uploadId });
}

async function uploadAttachment(h: Harness, user: TestUser, file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  const c = h.caller(user.token);
  const ap = await c.actionPoints.create({ title: `Scan ${file.fileName}` });
  const { uploadId } = await upload(c, file);
  return c.attachments.create({ actionPointId: ap.id, uploadId });
}

const retrievedRows = async (h: Harness, owner: TestUser, documentId: string) =>
  (await h.caller(owner.token).audit.list({ documentId })).items.filter((r) => r.action === 'document.retrieved');

/** A PDF with a title, two sections and body text. */
const reportPdf = () =>
  makePdf([
    {
      lines: [
        { text: 'Quarterly Report', size: 22 },
        { text: 'Revenue', size: 15, gapBefore: 10 },
        { text: 'Revenue grew by twelve percent in the third quarter.', gapBefore: 6 },
        { text: 'Most growth came from the Lisbon office.' },
      ],
    },
    {
      lines: [
        { text: 'Outlook', size: 15 },
        { text: 'We expect steady growth next year.', gapBefore: 6 },
      ],
    },
  ]);

describe('with nothing configured: local OCR and the local extractors', () => {
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;
  let stranger: TestUser;
  let pngDoc: { id: string };
  let pdfDoc: { id: string };
  let jpgAttachment: { id: string };

  beforeAll(async () => {
    // No jobs worked here: the documents stay QUEUED, and are analyzed from their blobs all the same.
    h = await startHarness({ RUN_WORKER: 'false' });
    [alice, bob, stranger] = await Promise.all([h.user(), h.user(), h.user()]);
    pngDoc = await uploadDocument(h, alice, { fileName: 'scan.png', contentType: 'image/png', bytes: SCAN_PNG });
    pdfDoc = await uploadDocument(h, alice, { fileName: 'report.pdf', contentType: 'application/pdf', bytes: await reportPdf() });
    jpgAttachment = await uploadAttachment(h, alice, { fileName: 'scan.jpg', contentType: 'image/jpeg', bytes: SCAN_JPG });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('aiVision.analyze reads the words of an image document with their polygons, no caption, and says it is local', async () => {
    const out = await h.caller(alice.token).aiVision.analyze({ documentId: pngDoc.id });
    expect(out.model).toBe('local-ocr-tesseract');
    expect([out.caption, out.captionConfidence, out.tags]).toEqual([null, null, []]);
    expect([out.width, out.height, out.format]).toEqual([900, 260, 'png']);
    expect(out.lines.map((l) => l.text)).toEqual(LINES);
    for (const line of out.lines) {
      expect(line.polygon).toHaveLength(4);
      for (const p of line.polygon) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(900);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(260);
      }
    }
    // Lines top to bottom.
    expect(out.lines.map((l) => l.polygon[0]!.y)).toEqual([...out.lines.map((l) => l.polygon[0]!.y)].sort((a, b) => a - b));
    const [row] = await retrievedRows(h, alice, pngDoc.id);
    expect(row).toMatchObject({
      actorId: alice.id,
      details: { via: 'aiVision.analyze', features: ['caption', 'tags', 'read'], model: 'local-ocr-tesseract' },
    });
  });

  it('reads an attachment over REST, only the features asked for', async () => {
    const res = await h.rest('POST', '/api/ai-vision/analyze', {
      token: alice.token,
      body: { attachmentId: jpgAttachment.id, features: ['read'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lines.map((l: { text: string }) => l.text)).toEqual(LINES);
    expect([res.body.format, res.body.model]).toEqual(['jpeg', 'local-ocr-tesseract']);
    const noRead = await h.caller(alice.token).aiVision.analyze({ attachmentId: jpgAttachment.id, features: ['caption', 'tags'] });
    expect([noRead.lines, noRead.caption, noRead.width, noRead.height]).toEqual([[], null, 900, 260]);
  });

  it('a stranger gets NOT_FOUND for the document and the attachment, before anything about the file is said', async () => {
    const c = h.caller(stranger.token);
    expect(await codeOf(c.aiVision.analyze({ documentId: pngDoc.id }))).toBe('NOT_FOUND');
    expect(await codeOf(c.aiVision.analyze({ attachmentId: jpgAttachment.id }))).toBe('NOT_FOUND');
    // Even a PDF, which the owner is told is not an image.
    expect(await codeOf(c.aiVision.analyze({ documentId: pdfDoc.id }))).toBe('NOT_FOUND');
    expect(await codeOf(c.documentIntelligence.analyze({ documentId: pdfDoc.id }))).toBe('NOT_FOUND');
    const res = await h.rest('POST', '/api/document-intelligence/analyze', { token: stranger.token, body: { documentId: pdfDoc.id } });
    expect(res.status).toBe(404);
    expect(await retrievedRows(h, alice, pdfDoc.id)).toEqual([]);
  });

  it('what is not an image is UNSUPPORTED_MEDIA_TYPE with a clear message; the input is exactly one id and known features', async () => {
    const pdf = await h.rest('POST', '/api/ai-vision/analyze', { token: alice.token, body: { documentId: pdfDoc.id } });
    expect(pdf.status).toBe(415);
    expect(pdf.body.message).toMatch(/reads PNG, JPEG and TIFF images; this document is application\/pdf/);
    expect(pdf.body.message).toMatch(/documentIntelligence\.analyze/);
    expect(pdf.body.data.fields).toEqual([{ path: 'documentId', message: 'is not a PNG, JPEG or TIFF image' }]);
    const fields = (body: { data: { fields: { path: string }[] } }) => body.data.fields.map((f) => f.path);
    const both = await h.rest('POST', '/api/ai-vision/analyze', {
      token: alice.token,
      body: { documentId: pngDoc.id, attachmentId: jpgAttachment.id },
    });
    expect([both.status, fields(both.body)]).toEqual([400, ['attachmentId']]);
    const neither = await h.rest('POST', '/api/ai-vision/analyze', { token: alice.token, body: { features: ['read'] } });
    expect([neither.status, fields(neither.body)]).toEqual([400, ['documentId']]);
    for (const features of [[], ['faces']]) {
      const bad = await h.rest('POST', '/api/ai-vision/analyze', { token: alice.token, body: { documentId: pngDoc.id, features } });
      expect(bad.status).toBe(400);
      expect(fields(bad.body)[0]).toMatch(/^features/);
    }
    const model = await h.rest('POST', '/api/document-intelligence/analyze', {
      token: alice.token,
      body: { documentId: pdfDoc.id, model: 'prebuilt-invoice' },
    });
    expect([model.status, fields(model.body)]).toEqual([400, ['model']]);
  });

  it('a VIEW grant is enough; once it is revoked the next call is NOT_FOUND', async () => {
    const a = h.caller(alice.token);
    await a.documentShares.grant({ documentId: pngDoc.id, userId: bob.id, level: 'VIEW' });
    await a.documentShares.grant({ documentId: pdfDoc.id, userId: bob.id, level: 'VIEW' });
    const b = h.caller(bob.token);
    expect((await b.aiVision.analyze({ documentId: pngDoc.id, features: ['read'] })).lines).toHaveLength(3);
    expect((await b.documentIntelligence.analyze({ documentId: pdfDoc.id })).model).toBe('local-pdf');
    await a.documentShares.revoke({ documentId: pngDoc.id, userId: bob.id });
    expect(await codeOf(b.aiVision.analyze({ documentId: pngDoc.id }))).toBe('NOT_FOUND');
  });

  it('documentIntelligence.analyze gives a PDF’s layout: pages with lines in inches, paragraphs with roles, the text spans index', async () => {
    const res = await h.rest('POST', '/api/document-intelligence/analyze', { token: alice.token, body: { documentId: pdfDoc.id } });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const layout = res.body;
    expect(layout.model).toBe('local-pdf');
    expect(layout.documentId).toBe(pdfDoc.id);
    expect(
      layout.pages.map((p: { pageNumber: number; width: number; height: number; unit: string }) => [
        p.pageNumber,
        p.width,
        p.height,
        p.unit,
      ]),
    ).toEqual([
      [1, 8.5, 11, 'inch'],
      [2, 8.5, 11, 'inch'],
    ]);
    expect(layout.pages[0].lines[0].content).toBe('Quarterly Report');
    expect(layout.pages[0].lines[0].polygon).toHaveLength(4);
    const roles = layout.paragraphs
      .filter((p: { role: string | null }) => p.role)
      .map((p: { role: string; content: string }) => [p.role, p.content]);
    expect(roles).toEqual([
      ['title', 'Quarterly Report'],
      ['sectionHeading', 'Revenue'],
      ['sectionHeading', 'Outlook'],
    ]);
    for (const p of layout.paragraphs) {
      const text = p.spans.map((s: { offset: number; length: number }) => layout.content.slice(s.offset, s.offset + s.length)).join('');
      expect(text).toBe(p.content);
    }
    expect(layout.tables).toEqual([]);
    const [row] = await retrievedRows(h, alice, pdfDoc.id);
    expect(row!.details).toEqual({ via: 'documentIntelligence.analyze', model: 'local-pdf' });

    const read = await h.caller(alice.token).documentIntelligence.analyze({ documentId: pdfDoc.id, model: 'prebuilt-read' });
    expect(read.content).toBe(layout.content);
    expect(read.paragraphs.every((p) => p.role === null && p.headingLevel === null)).toBe(true);
  });

  it('the same shape for an image (OCR, in pixels) and for an inline Markdown document (no pages, with its table)', async () => {
    const a = h.caller(alice.token);
    const image = await a.documentIntelligence.analyze({ documentId: pngDoc.id });
    expect(image.model).toBe('local-ocr');
    expect(image.pages.map((p) => [p.width, p.height, p.unit])).toEqual([[900, 260, 'pixel']]);
    expect(image.pages[0]!.lines.map((l) => l.content)).toEqual(LINES);
    const md = await a.documents.create({
      title: 'Limits',
      text: '# Travel limits\n\nWhat may be spent.\n\n| Item | Limit |\n| --- | --- |\n| Hotel | 150 EUR |\n',
    });
    const layout = await a.documentIntelligence.analyze({ documentId: md.id });
    expect(layout.model).toBe('local-markdown');
    expect(layout.pages).toEqual([]);
    expect(layout.paragraphs[0]).toMatchObject({ role: 'title', content: 'Travel limits', headingLevel: 1 });
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0]!.cells.map((c) => c.content)).toEqual(['Item', 'Limit', 'Hotel', '150 EUR']);
    const read = await a.documentIntelligence.analyze({ documentId: md.id, model: 'prebuilt-read' });
    expect(read.tables).toEqual([]);
    expect(read.paragraphs.map((p) => p.role)).not.toContain('title');
  });
});

describe('with Azure AI Vision and Document Intelligence configured: the real adapters against the fakes', () => {
  let h: Harness;
  let vision: FakeAzureVision;
  let di: FakeDocumentIntelligence;
  let alice: TestUser;
  let stranger: TestUser;
  let pngDoc: { id: string };
  let pdfBytes: Uint8Array;
  let pdfDoc: { id: string };

  beforeAll(async () => {
    [vision, di] = await Promise.all([startFakeAzureVision(), startFakeDocumentIntelligence()]);
    h = await startHarness({
      AZURE_VISION_ENDPOINT: vision.url,
      AZURE_VISION_KEY: vision.key,
      AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT: di.url,
      AZURE_DOCUMENT_INTELLIGENCE_KEY: di.key,
      AI_TIMEOUT_MS: '1500',
      // Jobs of this run's other documents are not sent to these fakes.
      RUN_WORKER: 'false',
    });
    [alice, stranger] = await Promise.all([h.user(), h.user()]);
    pngDoc = await uploadDocument(h, alice, { fileName: 'scan.png', contentType: 'image/png', bytes: SCAN_PNG });
    pdfBytes = await reportPdf();
    pdfDoc = await uploadDocument(h, alice, { fileName: 'report.pdf', contentType: 'application/pdf', bytes: pdfBytes });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await vision?.close();
    await di?.close();
  });
  beforeEach(() => {
    vision.reset();
    di.reset();
    di.pollsBeforeDone = 0;
  });

  it('aiVision.analyze gives the caption, tags and lines Azure AI Vision found, named by its model', async () => {
    const out = await h.caller(alice.token).aiVision.analyze({ documentId: pngDoc.id });
    expect(out).toMatchObject({
      caption: 'a white sign with black text',
      captionConfidence: 0.8321,
      tags: [
        { name: 'text', confidence: 0.9968 },
        { name: 'font', confidence: 0.9012 },
        { name: 'sign', confidence: 0.6543 },
      ],
      width: 900,
      height: 260,
      format: 'png',
      model: 'azure-vision:2023-10-01',
    });
    expect(out.lines[0]).toEqual({
      text: 'Quarterly budget review',
      polygon: [
        { x: 30, y: 40 },
        { x: 450, y: 40 },
        { x: 450, y: 80 },
        { x: 30, y: 80 },
      ],
      confidence: 0.99,
    });
    const [req] = vision.requests;
    expect(req!.query.features).toBe('caption,tags,read');
    expect(Buffer.from(req!.body).equals(Buffer.from(SCAN_PNG))).toBe(true);
    const only = await h.caller(alice.token).aiVision.analyze({ documentId: pngDoc.id, features: ['tags'] });
    expect([only.caption, only.lines, only.tags.length]).toEqual([null, [], 3]);
    expect(vision.requests[1]!.query.features).toBe('tags');
  });

  it('rides out a 429 from Azure AI Vision, honouring its Retry-After', async () => {
    vision.failNext(1, { status: 429, retryAfterSeconds: 1, message: 'Rate limit is exceeded.' });
    const started = Date.now();
    const out = await h.caller(alice.token).aiVision.analyze({ documentId: pngDoc.id, features: ['read'] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(out.lines).toHaveLength(2);
    expect(vision.requests.map((r) => r.outcome)).toEqual([429, 200]);
  });

  it('an Azure AI Vision that never answers is SERVICE_UNAVAILABLE with Retry-After after AI_TIMEOUT_MS, and nothing is audited', async () => {
    const before = (await retrievedRows(h, alice, pngDoc.id)).length;
    vision.hangNext(1);
    const started = Date.now();
    const res = await h.rest('POST', '/api/ai-vision/analyze', { token: alice.token, body: { documentId: pngDoc.id } });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.body.message).toMatch(/vision.*timeout/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await retrievedRows(h, alice, pngDoc.id)).toHaveLength(before);
    // Refused for good (a 429 too long to wait for), over tRPC.
    vision.failNext(1, { status: 429, retryAfterSeconds: 90 });
    expect(await codeOf(h.client(alice.token).aiVision.analyze.mutate({ documentId: pngDoc.id }))).toBe('SERVICE_UNAVAILABLE');
  });

  it('documentIntelligence.analyze gives Document Intelligence’s layout: roles and tables, or text and lines with prebuilt-read', async () => {
    const DOC = [
      '^ Northwind Labs',
      '',
      '# Quarterly Report',
      '',
      '## Revenue',
      'Revenue grew.',
      '',
      'Office | Revenue',
      'Lisbon | 2.3M',
    ].join('\n');
    di.resultFor = (_bytes, modelId) => analyzeResultFromText(DOC, modelId);
    const layout = await h.caller(alice.token).documentIntelligence.analyze({ documentId: pdfDoc.id });
    expect(layout.model).toBe('azure-document-intelligence:prebuilt-layout');
    const [submit] = di.requestsTo('analyze');
    expect(submit!.modelId).toBe('prebuilt-layout');
    expect(Buffer.from(submit!.body!).equals(Buffer.from(pdfBytes))).toBe(true);
    expect(layout.paragraphs.filter((p) => p.role).map((p) => [p.role, p.content])).toEqual([
      ['pageHeader', 'Northwind Labs'],
      ['title', 'Quarterly Report'],
      ['sectionHeading', 'Revenue'],
    ]);
    expect(layout.tables).toHaveLength(1);
    expect(layout.tables[0]!.cells.filter((c) => c.kind === 'columnHeader').map((c) => c.content)).toEqual(['Office', 'Revenue']);
    expect(layout.pages[0]!.unit).toBe('inch');

    const read = await h.caller(alice.token).documentIntelligence.analyze({ documentId: pdfDoc.id, model: 'prebuilt-read' });
    expect(read.model).toBe('azure-document-intelligence:prebuilt-read');
    expect(di.requestsTo('analyze')[1]!.modelId).toBe('prebuilt-read');
    expect(read.tables).toEqual([]);
    expect(read.paragraphs.every((p) => p.role === null)).toBe(true);
    expect(read.pages[0]!.lines.map((l) => l.content)).toContain('Revenue grew.');
  });

  it('Document Intelligence failing past its retries is SERVICE_UNAVAILABLE; a stranger never reaches it', async () => {
    di.failNext(5, { status: 503 }, 'analyze');
    const res = await h.rest('POST', '/api/document-intelligence/analyze', { token: alice.token, body: { documentId: pdfDoc.id } });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    di.reset();
    vision.reset();
    expect(await codeOf(h.caller(stranger.token).documentIntelligence.analyze({ documentId: pdfDoc.id }))).toBe('NOT_FOUND');
    expect(await codeOf(h.caller(stranger.token).aiVision.analyze({ documentId: pngDoc.id }))).toBe('NOT_FOUND');
    expect(di.requests).toEqual([]);
    expect(vision.requests).toEqual([]);
  });

  it('an inline Markdown document stays with the local extractor', async () => {
    const md = await h.caller(alice.token).documents.create({ title: 'Notes', text: '# Notes\n\nPlain words.' });
    const layout = await h.caller(alice.token).documentIntelligence.analyze({ documentId: md.id });
    expect(layout.model).toBe('local-markdown');
    expect(di.requests).toEqual([]);
  });
});
