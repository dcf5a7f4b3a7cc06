// Permission-aware retrieval: vectorDocuments.search and vectorDocuments.ask rank
// and quote only what the caller may see (the visibility predicate is inside the
// search statement), a grant and its revoke and a delete take effect on the next
// request, another user's many near-duplicates do not crowd out the caller's own
// hits, each mode works, and every document returned is audited once per request.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTHING_FOUND } from '@ap/core/knowledge/answers';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { replaceDocumentChunks, vectorLiteral } from '@ap/db/chunks';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';
import { processedHere } from './documents-fixtures.ts';

let h: Harness;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;

const CANARY = 'The vault combination of project zephyr is marmalade seven seven four one.';

let privateDoc: string;
let bobsDoc: string;

async function ready(documentId: string) {
  for (let i = 0; i < 600; i++) {
    const d = await h.server.deps.db.document.findUniqueOrThrow({ where: { id: documentId } });
    if (d.status === 'READY') return d;
    if (d.status === 'FAILED') throw new Error(`document failed: ${d.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('document never became READY');
}

async function createReady(user: TestUser, title: string, text: string) {
  const doc = await h.caller(user.token).documents.create({ title, text });
  await ready(doc.id);
  return doc.id;
}

const retrievedRows = (documentId: string) => h.server.deps.db.auditLog.count({ where: { documentId, action: 'document.retrieved' } });

beforeAll(async () => {
  h = await startHarness();
  alice = await h.user();
  bob = await h.user();
  carol = await h.user();
  privateDoc = await createReady(
    alice,
    'Zephyr secrets',
    `# Zephyr\n\n${CANARY}\n\n## Timeline\n\nThe zephyr launch review happens every quarter with the finance team.`,
  );
  bobsDoc = await createReady(
    bob,
    'Bob notes',
    '# Garden\n\nThe tomatoes need water every morning in the summer.\n\n## Tools\n\nThe shed holds the spade and the rake.',
  );
});
afterAll(() => h?.close());

const MODES = ['hybrid', 'semantic', 'keyword'] as const;

describe('vectorDocuments.search', () => {
  it('finds the owner’s text in every mode, with exact slices, citation fields and one audit row per document', async () => {
    const a = h.caller(alice.token);
    for (const mode of MODES) {
      const before = await retrievedRows(privateDoc);
      const { items } = await a.vectorDocuments.search({ query: 'zephyr vault combination marmalade', mode });
      expect(items.length, mode).toBeGreaterThan(0);
      expect(items[0]!.documentId).toBe(privateDoc);
      expect(items[0]!.text).toContain('marmalade');
      const chunks = await h.server.deps.db.documentChunk.findMany({ where: { documentId: privateDoc } });
      for (const hit of items) {
        const stored = chunks.find((c) => c.id === hit.chunkId)!;
        expect(hit).toMatchObject({ documentTitle: 'Zephyr secrets', start: stored.start, end: stored.end, text: stored.text });
        expect(hit.headings[0]).toBe('Zephyr');
        expect(hit.pageStart).toBeNull();
        expect(Array.isArray(hit.boxes)).toBe(true);
        expect(hit.score).toBeGreaterThan(0);
      }
      // Two chunks of one document returned: one row for the document.
      expect(await retrievedRows(privateDoc)).toBe(before + 1);
    }
    const audit = await a.audit.list({ documentId: privateDoc });
    expect(audit.items[0]).toMatchObject({ action: 'document.retrieved', actorId: alice.id });
  });

  it('never shows alice’s private canary to bob, in any mode; a grant shows it, the revoke hides it again', async () => {
    const b = h.caller(bob.token);
    const bobSees = async () => {
      const texts: string[] = [];
      for (const mode of MODES) {
        const { items } = await b.vectorDocuments.search({ query: 'zephyr vault combination marmalade seven', mode, limit: 50 });
        for (const i of items) texts.push(`${i.documentId} ${i.text}`);
      }
      return texts;
    };
    const before = await retrievedRows(privateDoc);
    expect((await bobSees()).filter((t) => t.includes(privateDoc) || t.includes('marmalade'))).toEqual([]);
    expect(await retrievedRows(privateDoc)).toBe(before);

    await h.caller(alice.token).documentShares.grant({ documentId: privateDoc, userId: bob.id, level: 'VIEW' });
    expect((await bobSees()).some((t) => t.includes('marmalade'))).toBe(true);
    expect(
      (await b.vectorDocuments.search({ query: 'marmalade', documentIds: [privateDoc], mode: 'keyword' })).items.length,
    ).toBeGreaterThan(0);

    await h.caller(alice.token).documentShares.revoke({ documentId: privateDoc, userId: bob.id });
    expect((await bobSees()).filter((t) => t.includes('marmalade'))).toEqual([]);
    expect(await codeOf(b.vectorDocuments.search({ query: 'marmalade', documentIds: [privateDoc] }))).toBe('NOT_FOUND');
  });

  it('a deleted document is gone from the next search', async () => {
    const a = h.caller(alice.token);
    const doomed = await createReady(alice, 'Doomed', '# Doomed\n\nThe quince orchard is sold in autumn.');
    expect((await a.vectorDocuments.search({ query: 'quince orchard', mode: 'keyword' })).items.map((i) => i.documentId)).toContain(doomed);
    await a.documents.delete({ documentId: doomed });
    for (const mode of MODES) {
      expect((await a.vectorDocuments.search({ query: 'quince orchard', mode })).items.map((i) => i.documentId)).not.toContain(doomed);
    }
  });

  it('1,000 of alice’s near-duplicate chunks do not crowd out bob’s own 3 hits', { timeout: 120_000 }, async () => {
    const { db, embedder } = h.server.deps;
    const topic = 'quarterly budget review for the northern region';
    const crowd = await db.document.create({
      data: {
        title: 'Crowd',
        fileName: 'crowd.md',
        contentType: 'text/markdown',
        sizeBytes: 1,
        sha256: randomUUID(),
        status: 'READY',
        ownerId: alice.id,
        blobName: `documents/test/${randomUUID()}`,
      },
    });
    const texts = Array.from({ length: 1000 }, (_, i) => `The ${topic}, copy ${i}.`);
    const { vectors } = await embedder.embed(texts);
    let offset = 0;
    await db.$transaction(
      (tx) =>
        replaceDocumentChunks(
          tx,
          crowd.id,
          texts.map((text, i) => {
            const start = offset;
            offset += text.length + 2;
            return {
              ordinal: i,
              text,
              start,
              end: start + text.length,
              pageStart: null,
              pageEnd: null,
              headings: [],
              boxes: [],
              contentHash: String(i),
              tokenCount: 12,
              embedding: vectorLiteral(
                vectors[i]!.map((x) => Math.round(x * 1e5) / 1e5),
                embedder.dimensions,
              ),
              embeddingModel: embedder.model,
              embeddingDimensions: embedder.dimensions,
            };
          }),
        ),
      { timeout: 120_000 },
    );
    const own = await createReady(
      bob,
      'Bob budget',
      `# North\n\nThe ${topic} starts on Monday.\n\n# Review\n\nBob writes the ${topic} summary.\n\n# Region\n\nThe ${topic} ends with a vote.`,
    );
    const b = h.caller(bob.token);
    for (const mode of MODES) {
      const { items } = await b.vectorDocuments.search({ query: topic, mode, limit: 3 });
      expect(
        items.map((i) => i.documentId),
        mode,
      ).toEqual([own, own, own]);
    }
    // Alice sees her crowd (and is not limited to it).
    const mine = await h.caller(alice.token).vectorDocuments.search({ query: topic, mode: 'semantic', limit: 5 });
    expect(mine.items.every((i) => i.documentId === crowd.id)).toBe(true);
    expect(mine.items).toHaveLength(5);
  });

  it('refuses bad input with a 400 naming the field, and answers over REST', async () => {
    const b = h.caller(bob.token);
    expect(await codeOf(b.vectorDocuments.search({ query: '' }))).toBe('BAD_REQUEST');
    expect(await codeOf(b.vectorDocuments.search({ query: 'x', limit: 51 }))).toBe('BAD_REQUEST');
    expect(await codeOf(b.vectorDocuments.search({ query: 'x', limit: 0 }))).toBe('BAD_REQUEST');
    expect(await codeOf(b.vectorDocuments.search({ query: 'x', mode: 'fuzzy' as 'hybrid' }))).toBe('BAD_REQUEST');
    expect(await codeOf(b.vectorDocuments.search({ query: 'x', documentIds: [] }))).toBe('BAD_REQUEST');
    expect(await codeOf(b.vectorDocuments.search({ query: 'x', documentIds: ['nope'] }))).toBe('BAD_REQUEST');
    const rest = await h.rest('POST', '/api/vector-documents/search', { token: bob.token, body: { query: 'tomatoes water', limit: 2 } });
    expect(rest.status).toBe(200);
    expect(rest.body.items[0]).toMatchObject({ documentId: bobsDoc, documentTitle: 'Bob notes' });
    const bad = await h.rest('POST', '/api/vector-documents/search', { token: bob.token, body: { query: 'x', limit: 99 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
    expect((await h.rest('POST', '/api/vector-documents/search', { body: { query: 'x' } })).status).toBe(401);
  });
});

describe('vectorDocuments.ask', () => {
  it('answers the owner extractively, with citations that quote the document exactly; audited', async () => {
    const before = await retrievedRows(privateDoc);
    const res = await h.caller(alice.token).vectorDocuments.ask({ question: 'What is the vault combination of project zephyr?' });
    expect(res).toMatchObject({ mode: 'extractive', model: 'extractive-v1' });
    expect(res.answer).toContain('marmalade');
    expect(res.answer).toMatch(/\[1\]/);
    expect(res.citations.length).toBeGreaterThan(0);
    const chunks = await h.server.deps.db.documentChunk.findMany({ where: { documentId: privateDoc } });
    for (const c of res.citations) {
      expect(c.documentId).toBe(privateDoc);
      const chunk = chunks.find((k) => k.id === c.chunkId)!;
      expect(chunk.text.slice(c.start - chunk.start, c.end - chunk.start)).toBe(c.quote);
    }
    expect(await retrievedRows(privateDoc)).toBe(before + 1);
  });

  it('never cites or quotes alice’s private canary to bob; after the revoke it is gone again', async () => {
    const b = h.caller(bob.token);
    const ask = () => b.vectorDocuments.ask({ question: 'What is the vault combination of project zephyr? marmalade' });
    const hidden = await ask();
    expect(hidden.answer).not.toContain('marmalade');
    expect(hidden.citations.filter((c) => c.documentId === privateDoc || c.quote.includes('marmalade'))).toEqual([]);
    await h.caller(alice.token).documentShares.grant({ documentId: privateDoc, userId: bob.id, level: 'VIEW' });
    expect((await ask()).answer).toContain('marmalade');
    await h.caller(alice.token).documentShares.revoke({ documentId: privateDoc, userId: bob.id });
    const again = await ask();
    expect(again.answer).not.toContain('marmalade');
    expect(again.citations.filter((c) => c.documentId === privateDoc)).toEqual([]);
    expect(await codeOf(b.vectorDocuments.ask({ question: 'vault?', documentIds: [privateDoc] }))).toBe('NOT_FOUND');
  });

  it('with nothing visible, says so and cites nothing', async () => {
    const res = await h.caller(carol.token).vectorDocuments.ask({ question: 'What is the vault combination of project zephyr?' });
    expect(res).toEqual({ answer: NOTHING_FOUND, citations: [], mode: 'extractive', model: 'extractive-v1' });
    expect(await codeOf(h.caller(carol.token).vectorDocuments.ask({ question: '  ' }))).toBe('BAD_REQUEST');
    const rest = await h.rest('POST', '/api/vector-documents/ask', { token: carol.token, body: { question: 'anything?' } });
    expect(rest.status).toBe(200);
    expect(rest.body.citations).toEqual([]);
  });
});

describe('embeddings.status', () => {
  it('counts the chunks of the caller’s visible documents by embedding state, with the active model', async () => {
    const { db, embedder } = h.server.deps;
    const dave = await h.user();
    const d = h.caller(dave.token);
    expect(await d.embeddings.status()).toEqual({
      model: embedder.model,
      dimensions: embedder.dimensions,
      chunks: { active: 0, otherModel: 0, notEmbedded: 0 },
      documents: 0,
    });
    const id = await createReady(dave, 'Dave', '# One\n\nFirst part.\n\n# Two\n\nSecond part.\n\n# Three\n\nThird part.');
    const n = (await db.document.findUniqueOrThrow({ where: { id } })).chunkCount;
    expect(n).toBe(3);
    expect((await d.embeddings.status()).chunks).toEqual({ active: 3, otherModel: 0, notEmbedded: 0 });
    // As after a model change: one chunk of another model, one without a vector.
    const [c1, c2] = await db.documentChunk.findMany({ where: { documentId: id }, orderBy: { ordinal: 'asc' } });
    await db.documentChunk.update({ where: { id: c1!.id }, data: { embeddingModel: 'older-model' } });
    await db.$executeRaw`UPDATE "DocumentChunk" SET "embedding" = NULL, "embeddingModel" = NULL, "embeddingDimensions" = NULL WHERE "id" = ${c2!.id}::uuid`;
    expect((await d.embeddings.status()).chunks).toEqual({ active: 1, otherModel: 1, notEmbedded: 1 });
    // The other-model chunk is never compared semantically.
    const semantic = await d.vectorDocuments.search({ query: 'First part', mode: 'semantic' });
    expect(semantic.items.map((i) => i.chunkId)).not.toContain(c1!.id);
    expect(semantic.items.map((i) => i.chunkId)).not.toContain(c2!.id);
    // Nobody else's chunks are counted: carol sees none of dave's.
    const rest = await h.rest('GET', '/api/embeddings/status', { token: carol.token });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ chunks: { active: 0, otherModel: 0, notEmbedded: 0 }, documents: 0 });
  });
});

describe('vectorDocuments.ask with a chat model (the real SDK against the fake OpenAI)', () => {
  let h2: Harness;
  let fake: FakeOpenAi;
  let owner: TestUser;
  let other: TestUser;
  let secret: string;
  let own: string;

  /** A document processed here (this server works no jobs: its embedder is the fake's). */
  const readyHere = (user: TestUser, title: string, text: string) => processedHere(h2, user.token, title, text);

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    h2 = await startHarness({ OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: fake.baseURL, RUN_WORKER: 'false', AI_TIMEOUT_MS: '2000' });
    owner = await h2.user();
    other = await h2.user();
    secret = await readyHere(owner, 'Owner secrets', `# Vault\n\n${CANARY}`);
    own = await readyHere(other, 'Other notes', '# Vault\n\nThe bike shed vault holds the spare tyres.');
  }, 120_000);
  afterAll(async () => {
    await h2?.close();
    await fake?.close();
  });

  it('sends the model only chunks the caller may see, and keeps only citations of them', async () => {
    fake.replies.push({ content: JSON.stringify({ sentences: [{ text: 'The vault holds the spare tyres.', sources: ['S1'] }] }) });
    const mark = fake.requestsTo('chat').length;
    const res = await h2.caller(other.token).vectorDocuments.ask({ question: 'What is in the vault of project zephyr?' });
    const sent = fake.requestsTo('chat').slice(mark);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.body)).not.toContain('marmalade');
    expect(JSON.stringify(sent[0]!.body)).toContain('spare tyres');
    expect(res.mode).toBe('model');
    expect(res.citations.map((c) => c.documentId)).toEqual([own]);
    expect(secret).not.toBe(own);
  });

  it('a failing model is SERVICE_UNAVAILABLE with Retry-After, over REST and tRPC', async () => {
    fake.failNext(6, { status: 503 }, 'chat');
    const rest = await h2.rest('POST', '/api/vector-documents/ask', { token: other.token, body: { question: 'What is in the vault?' } });
    expect(rest.status).toBe(503);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await codeOf(h2.caller(other.token).vectorDocuments.ask({ question: 'What is in the vault?' }))).toBe('SERVICE_UNAVAILABLE');
  });
});
