// Document processing (`document.process`): a document reaches READY with chunks
// that are exact slices of its extracted text; a run cut short and run again, or
// two runs at once, leave one set of chunks; a stale version's run writes nothing;
// an unsupported format is FAILED with its reason; transient failures are retried
// and FAILED on the last attempt; 429s from the embedding service are ridden out;
// reprocessing reuses the vectors of unchanged chunks.
// Documents run by hand here are inserted without a job, so no worker of the test
// run races the run under test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiProviders } from '@ap/ai/providers';
import { parseEnv } from '@ap/config/env';
import { processDocument, type ProcessingDeps } from '@ap/core/knowledge/processing';
import type { Embedder } from '@ap/core/ports/embedder';
import type { Extractor } from '@ap/core/ports/extractor';
import { makePdf } from '@ap/testing/sample-documents';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { ooxml } from '../../../packages/core/test/documents/fixtures.ts';
import { startHarness, type Harness, type TestUser } from './harness.ts';
import { processJob } from './documents-fixtures.ts';

let h: Harness;
let alice: TestUser;
let fake: FakeOpenAi;

beforeAll(async () => {
  h = await startHarness();
  alice = await h.user();
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake?.close();
  await h?.close();
});

const deps = (): ProcessingDeps => h.server.deps;
const db = () => h.server.deps.db;

/** A QUEUED document of alice's with its blob, and no job: only the test runs it. */
async function insertDocument(file: { fileName: string; contentType: string; bytes: Uint8Array | string }) {
  const blobName = `documents/test/${randomUUID()}`;
  await h.server.deps.blobs.put(blobName, file.bytes, file.contentType);
  const size = typeof file.bytes === 'string' ? Buffer.byteLength(file.bytes) : file.bytes.byteLength;
  return db().document.create({
    data: {
      title: file.fileName,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: size,
      sha256: randomUUID().replace(/-/g, ''),
      status: 'QUEUED',
      ownerId: alice.id,
      blobName,
    },
  });
}

const chunksOf = (documentId: string) =>
  db().$queryRaw<{ ordinal: number; text: string; start: number; end: number; embedding: string | null; contentHash: string }[]>`
    SELECT "ordinal", "text", "start", "end", "embedding"::text AS embedding, "contentHash"
      FROM "DocumentChunk" WHERE "documentId" = ${documentId}::uuid ORDER BY "ordinal"`;

async function waitForStatus(documentId: string, statuses: string[]) {
  for (let i = 0; i < 600; i++) {
    const d = await db().document.findUniqueOrThrow({ where: { id: documentId } });
    if (statuses.includes(d.status)) return d;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`document ${documentId} never reached ${statuses}`);
}

/** Every chunk's text is the slice of the extracted content its offsets name. */
async function expectExactSlices(doc: { id: string; blobName: string; contentType: string; fileName: string }) {
  const bytes = (await h.server.deps.blobs.read(doc.blobName, { maxBytes: 10_000_000 }))!;
  const layout = await h.server.deps.extractor.extract(bytes, doc.contentType, doc.fileName);
  const chunks = await chunksOf(doc.id);
  expect(chunks.length).toBeGreaterThan(0);
  for (const c of chunks) expect(c.text).toBe(layout.content.slice(c.start, c.end));
  expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
  return { chunks, layout };
}

const MARKDOWN = [
  '# Launch plan',
  '',
  'The launch is planned for the spring, after the beta closes.',
  '',
  '## Risks',
  '',
  '- The vendor may slip the delivery of the hardware.',
  '- Support staff need training before the launch.',
  '',
  '## Budget',
  '',
  'The budget is capped at forty thousand euros for the first quarter.',
].join('\n');

describe('document.process through the queue', () => {
  it('takes Markdown and plain text documents to READY with exact chunks, progress 1 and counts', async () => {
    const a = h.caller(alice.token);
    const md = await a.documents.create({ title: 'Launch plan', text: MARKDOWN });
    const txt = await a.documents.create({ title: 'Notes', text: 'First paragraph of notes.\n\nSecond paragraph here.', format: 'plain' });
    for (const created of [md, txt]) {
      const done = await waitForStatus(created.id, ['READY', 'FAILED']);
      expect(done).toMatchObject({ status: 'READY', progress: 1, error: null, pageCount: null });
      const { chunks } = await expectExactSlices(done);
      expect(done.chunkCount).toBe(chunks.length);
      expect(chunks.every((c) => c.embedding !== null)).toBe(true);
      const listed = await a.documents.chunks({ documentId: created.id });
      expect(listed.items.map((c) => c.text)).toEqual(chunks.map((c) => c.text));
    }
    const rows = await db().$queryRaw<{ embeddingModel: string; embeddingDimensions: number }[]>`
      SELECT DISTINCT "embeddingModel", "embeddingDimensions" FROM "DocumentChunk" WHERE "documentId" = ${md.id}::uuid`;
    expect(rows).toEqual([{ embeddingModel: h.server.deps.embedder.model, embeddingDimensions: h.server.deps.embedder.dimensions }]);
  });
});

describe('processDocument', () => {
  it('reads a PDF into READY with its page count and pages on the chunks', async () => {
    const bytes = await makePdf([
      { lines: [{ text: 'Quarterly report', size: 20 }, { text: 'Revenue grew in every region this quarter.' }] },
      { lines: [{ text: 'Outlook', size: 16 }, { text: 'Hiring continues in the second half of the year.' }] },
    ]);
    const doc = await insertDocument({ fileName: 'report.pdf', contentType: 'application/pdf', bytes });
    await processDocument(deps(), processJob(doc));
    const done = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(done).toMatchObject({ status: 'READY', pageCount: 2, progress: 1 });
    const { chunks } = await expectExactSlices(done);
    const pages = await db().documentChunk.findMany({ where: { documentId: doc.id }, orderBy: { ordinal: 'asc' } });
    expect(pages.some((c) => c.pageStart === 2 || c.pageEnd === 2)).toBe(true);
    expect(done.chunkCount).toBe(chunks.length);
  });

  it('a run cut short during embedding, run again, leaves one set of chunks; so do two runs at once', async () => {
    const doc = await insertDocument({ fileName: 'plan.md', contentType: 'text/markdown', bytes: MARKDOWN });
    const real = h.server.deps.embedder;
    const dying: Embedder = {
      model: real.model,
      dimensions: real.dimensions,
      async embed(texts, opts) {
        await real.embed(texts, opts);
        throw new Error('worker stopped');
      },
    };
    await expect(processDocument({ ...deps(), embedder: dying }, processJob(doc))).rejects.toThrow('worker stopped');
    const cut = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(cut.status).toBe('EMBEDDING');
    expect(await chunksOf(doc.id)).toHaveLength(0);

    await processDocument(deps(), processJob(doc, 2));
    const first = await chunksOf(doc.id);
    expect(first.length).toBeGreaterThan(0);
    expect((await db().document.findUniqueOrThrow({ where: { id: doc.id } })).chunkCount).toBe(first.length);

    // Delivered again while another delivery runs (an expired attempt): still one set.
    await db().document.update({ where: { id: doc.id }, data: { status: 'EMBEDDING' } });
    await Promise.all([processDocument(deps(), processJob(doc, 3)), processDocument(deps(), processJob(doc, 3))]);
    const again = await chunksOf(doc.id);
    expect(again.map((c) => [c.ordinal, c.start, c.end])).toEqual(first.map((c) => [c.ordinal, c.start, c.end]));
    expect((await db().document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe('READY');
  });

  it('a run whose version moved on while it extracted writes nothing', async () => {
    const doc = await insertDocument({ fileName: 'plan.md', contentType: 'text/markdown', bytes: MARKDOWN });
    const real = h.server.deps.extractor;
    const racing: Extractor = {
      async extract(...args) {
        // A reprocess (or rename) commits meanwhile.
        await db().document.update({ where: { id: doc.id }, data: { version: { increment: 1 }, status: 'QUEUED', progress: 0 } });
        return real.extract(...args);
      },
    };
    await processDocument({ ...deps(), extractor: racing }, processJob(doc));
    const after = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(after).toMatchObject({ version: 2, status: 'QUEUED', progress: 0, chunkCount: 0 });
    expect(await chunksOf(doc.id)).toHaveLength(0);
    // And a late delivery of the old version does nothing either.
    await processDocument(deps(), processJob(doc));
    expect(await chunksOf(doc.id)).toHaveLength(0);
  });

  it('a format without an extractor is FAILED with its reason, without a retry', async () => {
    const doc = await insertDocument({
      fileName: 'deck.pptx',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      bytes: ooxml('pptx'),
    });
    await processDocument(deps(), processJob(doc));
    const failed = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/No extractor for .*pptx/i);
    expect(failed.error).not.toMatch(/\n\s+at /);
    expect(await chunksOf(doc.id)).toHaveLength(0);
  });

  it('a transient failure is thrown for the queue to retry, and FAILED with the reason on the last attempt', async () => {
    const doc = await insertDocument({ fileName: 'plan.md', contentType: 'text/markdown', bytes: MARKDOWN });
    const down: Embedder = {
      model: 'down',
      dimensions: h.server.deps.embedder.dimensions,
      embed: async () => {
        throw Object.assign(new Error('openai embeddings: the service is unavailable (503)'), {
          name: 'AiUnavailableError',
          reason: 'unavailable',
        });
      },
    };
    await expect(processDocument({ ...deps(), embedder: down }, processJob(doc, 1, 4))).rejects.toThrow(/unavailable/);
    expect((await db().document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe('EMBEDDING');
    await expect(processDocument({ ...deps(), embedder: down }, processJob(doc, 4, 4))).rejects.toThrow(/unavailable/);
    const failed = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'openai embeddings: the service is unavailable (503)' });
  });

  it('an internal failure on the last attempt is FAILED with a generic reason, never its internals', async () => {
    const doc = await insertDocument({ fileName: 'plan.md', contentType: 'text/markdown', bytes: MARKDOWN });
    const broken: Embedder = {
      model: 'broken',
      dimensions: h.server.deps.embedder.dimensions,
      embed: async () => {
        throw new Error('relation "secret_table" does not exist\n    at Query.run (internal.js:1:1)');
      },
    };
    await expect(processDocument({ ...deps(), embedder: broken }, processJob(doc, 4, 4))).rejects.toThrow(/secret_table/);
    const failed = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Processing failed because of an internal error' });
  });

  it('rides out two 429s of the embedding service, then reuses the stored vectors of unchanged chunks on reprocess', async () => {
    const ai = createAiProviders(
      parseEnv({
        OPENAI_API_KEY: fake.apiKey,
        OPENAI_BASE_URL: fake.baseURL,
        EMBEDDING_DIMENSIONS: String(h.server.deps.embedder.dimensions),
      }),
      { embeddingEncoding: 'float' },
    );
    const withFake = { ...deps(), embedder: ai.embedder };
    const doc = await insertDocument({ fileName: 'plan.md', contentType: 'text/markdown', bytes: MARKDOWN });
    fake.failNext(2, { status: 429, retryAfterMs: 20 }, 'embeddings');
    const before = fake.requestsTo('embeddings').length;
    await processDocument(withFake, processJob(doc));
    const done = await db().document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(done.status).toBe('READY');
    const first = await chunksOf(doc.id);
    expect(done.chunkCount).toBe(first.length);
    expect(new Set(first.map((c) => c.ordinal)).size).toBe(first.length);
    const calls = fake.requestsTo('embeddings').slice(before);
    expect(calls.map((r) => r.outcome)).toEqual([429, 429, 200]);
    expect(calls[2]!.inputCount).toBe(first.length);

    // Reprocess, same bytes: nothing is embedded again, the vectors are the stored ones.
    await db().document.update({ where: { id: doc.id }, data: { version: 2, status: 'QUEUED', progress: 0 } });
    const mark = fake.requestsTo('embeddings').length;
    await processDocument(withFake, processJob({ id: doc.id, version: 2 }));
    expect(fake.requestsTo('embeddings').length).toBe(mark);
    const second = await chunksOf(doc.id);
    expect(second.map((c) => c.embedding)).toEqual(first.map((c) => c.embedding));

    // One paragraph changed: only its chunk is embedded.
    await h.server.deps.blobs.put(done.blobName, MARKDOWN.replace('forty thousand', 'fifty thousand'), 'text/markdown');
    await db().document.update({ where: { id: doc.id }, data: { version: 3, status: 'QUEUED', progress: 0 } });
    await processDocument(withFake, processJob({ id: doc.id, version: 3 }));
    const changed = fake.requestsTo('embeddings').slice(mark);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.inputCount).toBe(1);
    expect(JSON.stringify(changed[0]!.body.input)).toContain('fifty thousand');
    const third = await chunksOf(doc.id);
    expect(third.filter((c, i) => c.embedding !== second[i]?.embedding)).toHaveLength(1);
    await ai.extractor.close();
  });
});
