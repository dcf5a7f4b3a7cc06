// "Documents: ingestion and search", a section of `npm run bench` (also alone:
// `tsx bench/documents.ts`).
//
//   - Ingestion: multi-page PDFs (pdf-lib, packages/testing) of known page counts go
//     through the real `document.process` handler, PROCESS_CONCURRENCY at a time as
//     one worker runs them (BENCH_PROCESS_CONCURRENCY): blob from an embedded Azurite, local extractors, the chunker, the
//     real `openai` SDK embedder (createAiProviders with OPENAI_BASE_URL) against the
//     fake OpenAI-compatible server answering each call after 50 ms, and the chunk
//     set's transaction. Pages per second end to end, and the time per stage.
//   - Search: 100,000 chunks of 1536-dimension vectors in 1,000 documents, 1% of them
//     the caller's; p50/p99 of vectorDocuments.search's statement (semantic, hybrid)
//     and recall@10 of semantic against exact search over the same visible rows.
//
// Environment: DATABASE_URL (else the embedded PostgreSQL), BENCH_DOC_PAGES (pages
// in all, default 200), BENCH_SEARCH_CHUNKS (default 100000), BENCH_QUERIES (default 200),
// BENCH_PROCESS_CONCURRENCY (default: the job's), BENCH_SKIP_INGESTION=1, BENCH_SKIP_SEARCH=1.
import { pathToFileURL } from 'node:url';
import { PROCESS_CONCURRENCY } from '@ap/core/knowledge/processing';
import { makePdf, pdfPagesFrom, type SampleBlock } from '@ap/testing/sample-documents';
import { startFakeOpenAi } from '@ap/testing/fake-openai';
import { openBenchDatabase } from './db.ts';
import { openDocumentKit, type Processed } from './documents-kit.ts';
import { printSearch, searchBench } from './search.ts';

const PAGES = Number(process.env.BENCH_DOC_PAGES ?? 200);
const PAGES_PER_DOC = 10;
const EMBED_DELAY_MS = 50;
const INGEST_GOAL = 20;
/** Documents processed at once (the job's concurrency by default). */
const CONCURRENCY = Number(process.env.BENCH_PROCESS_CONCURRENCY ?? PROCESS_CONCURRENCY);

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** A deterministic pseudo-random source (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  'account action agenda approval archive audit backlog balance billing board branch budget calendar campaign ' +
  'capacity change client column comment contract cost customer dashboard deadline delivery deployment design ' +
  'device discount document draft estimate event expense feature feedback finance forecast goal hardware hiring ' +
  'incident invoice issue kickoff laptop launch license meeting milestone network office onboarding order owner ' +
  'partner payment plan policy priority process product project quarter release report request review risk ' +
  'roadmap sales schedule security server service sprint staff supplier support survey task team ticket training ' +
  'travel update vendor version warehouse workflow approved delayed pending shipped signed blocked urgent weekly'
).split(' ');

/** Synthetic prose: headed paragraphs, about 20 lines of 90 characters for each of `sections`. */
function syntheticBlocks(rand: () => number, title: string, sections: number): SampleBlock[] {
  const word = () => VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!;
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 10);
    const words = Array.from({ length: n }, word);
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const blocks: SampleBlock[] = [{ heading: title, level: 0 }];
  for (let p = 0; p < sections; p++) {
    blocks.push({ heading: `Section ${p + 1}: ${word()} ${word()}`, level: 1 });
    for (let i = 0; i < 5; i++) blocks.push({ paragraph: Array.from({ length: 4 }, sentence).join(' ') });
  }
  return blocks;
}

async function pdfOf(rand: () => number, title: string, pages: number): Promise<Uint8Array> {
  // Two sections fill a page of 40 lines; one more makes sure the last page is full.
  const laid = pdfPagesFrom(syntheticBlocks(rand, title, 2 * pages + 1), 40);
  return makePdf(laid.slice(0, pages));
}

export interface IngestionResult {
  documents: number;
  pages: number;
  chunks: number;
  seconds: number;
  stages: Processed['ms'];
  embedCalls: number;
  maxInFlight: number;
}

export async function ingestionBench(url: string, log: (msg: string) => void): Promise<IngestionResult> {
  const fake = await startFakeOpenAi();
  fake.delayMs = EMBED_DELAY_MS;
  const kit = await openDocumentKit(url, { env: { OPENAI_API_KEY: fake.apiKey, OPENAI_BASE_URL: fake.baseURL } });
  try {
    const owner = await kit.user();
    const rand = random(42);
    const docs = [];
    for (let i = 0; i * PAGES_PER_DOC < PAGES; i++) {
      const pages = Math.min(PAGES_PER_DOC, PAGES - i * PAGES_PER_DOC);
      const bytes = await pdfOf(rand, `Report ${i + 1}`, pages);
      docs.push({ doc: await kit.insert(owner, { fileName: `report-${i + 1}.pdf`, contentType: 'application/pdf', bytes }), pages });
    }
    log(`ingestion: ${docs.length} PDFs of ${PAGES_PER_DOC} pages, embedder ${kit.deps.embedder.model} (${EMBED_DELAY_MS} ms a call)`);
    // Warm-up (the PDF reader's first load), not counted.
    const warm = await kit.insert(owner, {
      fileName: 'warm.pdf',
      contentType: 'application/pdf',
      bytes: await pdfOf(random(7), 'Warm-up', 2),
    });
    await kit.process(warm);
    const callsBefore = fake.requestsTo('embeddings').length;
    fake.maxInFlight = 0;
    const stages = { read: 0, extract: 0, chunk: 0, embed: 0, write: 0 };
    let pages = 0;
    let chunks = 0;
    const t0 = performance.now();
    // As one worker runs them: CONCURRENCY documents at a time.
    let next = 0;
    const worker = async () => {
      while (next < docs.length) {
        const { doc, pages: expected } = docs[next++]!;
        const r = await kit.process(doc);
        if (r.pageCount !== expected) throw new Error(`document ${doc.id}: ${r.pageCount} pages, expected ${expected}`);
        pages += expected;
        chunks += r.chunkCount;
        for (const k of Object.keys(stages) as (keyof typeof stages)[]) stages[k] += r.ms[k];
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - t0) / 1000;
    return {
      documents: docs.length,
      pages,
      chunks,
      seconds,
      stages,
      embedCalls: fake.requestsTo('embeddings').length - callsBefore,
      maxInFlight: fake.maxInFlight,
    };
  } finally {
    await kit.close();
    await fake.close();
  }
}

export function printIngestion(r: IngestionResult): void {
  const rate = r.pages / r.seconds;
  console.log(
    `Ingestion (${r.documents} PDFs, ${r.pages} pages, ${r.chunks} chunks, ${CONCURRENCY} document${CONCURRENCY > 1 ? 's' : ''} at a time)`,
  );
  console.log(
    `  ${fmt(rate, 1)} pages/s end to end (${fmt(r.seconds, 2)} s; ${r.embedCalls} embedding calls, at most ${r.maxInFlight} in flight)   (goal ≥ ${INGEST_GOAL} pages/s: ${rate >= INGEST_GOAL ? 'met' : 'NOT met'}, ${fmt(rate / INGEST_GOAL, 2)}×)`,
  );
  // Stage times are summed over documents, which overlap: the total exceeds the wall time.
  const total = Object.values(r.stages).reduce((a, b) => a + b, 0);
  for (const [stage, ms] of Object.entries(r.stages)) {
    console.log(
      `  ${stage.padEnd(8)} ${fmt(ms, 0).padStart(7)} ms   ${fmt(ms / r.pages, 1).padStart(6)} ms/page   ${fmt((100 * ms) / total, 0).padStart(3)}%`,
    );
  }
}

export async function documentsBench(url: string, log: (msg: string) => void): Promise<void> {
  const ingestion = process.env.BENCH_SKIP_INGESTION ? null : await ingestionBench(url, log);
  const search = process.env.BENCH_SKIP_SEARCH ? null : await searchBench(url, log);
  console.log('');
  console.log('Documents: ingestion and search');
  if (ingestion) printIngestion(ingestion);
  if (search) printSearch(search);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const log = (msg: string) => console.log(`[bench] ${msg}`);
  const database = await openBenchDatabase(log);
  try {
    await documentsBench(database.url, log);
  } finally {
    await database.close();
  }
  process.exit(0);
}
