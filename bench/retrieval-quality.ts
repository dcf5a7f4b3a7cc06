// Retrieval quality on the labelled set (packages/core/test/knowledge/fixtures): its
// documents go through the real `document.process` path (local extractors, chunker,
// the local hashing embedder) into the bench database, owned by one user; then each
// question is searched as that user with vectorDocuments.search's code in each mode.
// A returned chunk is a hit when it is of the question's document and overlaps the
// labelled answer span. Prints recall@5 (a hit in the first 5) and MRR@10.
//   npm run quality            (also a section of npm run bench)
// Environment: DATABASE_URL (else the embedded PostgreSQL), QUALITY_VERBOSE=1 lists misses.
import { pathToFileURL } from 'node:url';
import { searchDocuments, type SearchMode } from '@ap/core/knowledge/search';
import { findAnswer, labelledDocuments, questions } from '../packages/core/test/knowledge/fixtures/labels.ts';
import { openBenchDatabase } from './db.ts';
import { openDocumentKit } from './documents-kit.ts';

const MODES: SearchMode[] = ['hybrid', 'semantic', 'keyword'];
const RECALL_AT = 5;
const MRR_AT = 10;

export interface QualityRow {
  mode: SearchMode;
  recall: number;
  /** Questions whose first result is a hit. */
  top1: number;
  mrr: number;
  misses: string[];
}

export async function retrievalQuality(url: string, log: (msg: string) => void): Promise<{ rows: QualityRow[]; chunks: number }> {
  const kit = await openDocumentKit(url);
  try {
    const userId = await kit.user();
    const docs = new Map<string, { id: string; content: string }>();
    let chunks = 0;
    for (const file of await labelledDocuments()) {
      const doc = await kit.insert(userId, { fileName: file.name, contentType: file.contentType, bytes: file.bytes });
      chunks += (await kit.process(doc)).chunkCount;
      const layout = await kit.deps.extractor.extract(file.bytes, file.contentType, file.name);
      docs.set(file.name, { id: doc.id, content: layout.content });
    }
    log(
      `quality: ${docs.size} labelled documents processed into ${chunks} chunks (${kit.deps.embedder.model}), ${questions.length} questions`,
    );
    const svc = { db: kit.db, events: kit.deps.events, embedder: kit.deps.embedder, userId, actor: { type: 'user' as const } };
    const rows: QualityRow[] = [];
    for (const mode of MODES) {
      let found = 0;
      let first = 0;
      let reciprocal = 0;
      const misses: string[] = [];
      for (const q of questions) {
        const doc = docs.get(q.document)!;
        const spans = findAnswer(doc.content, q.answer);
        if (spans.length !== 1) throw new Error(`${q.id}: the answer is ${spans.length} times in ${q.document}`);
        const { start, end } = spans[0]!;
        const { items } = await searchDocuments(svc, { query: q.question, limit: MRR_AT, mode });
        const rank = items.findIndex((c) => c.documentId === doc.id && c.start < end && c.end > start) + 1;
        if (rank > 0) reciprocal += 1 / rank;
        if (rank === 1) first++;
        if (rank > 0 && rank <= RECALL_AT) found++;
        else misses.push(`${q.id} (${rank ? `rank ${rank}` : 'not in 10'}): ${q.question}`);
      }
      rows.push({ mode, recall: found / questions.length, top1: first / questions.length, mrr: reciprocal / questions.length, misses });
    }
    return { rows, chunks };
  } finally {
    await kit.close();
  }
}

export function printQuality(rows: QualityRow[]): void {
  console.log(`Retrieval quality (${questions.length} labelled questions)`);
  console.log(`  ${'mode'.padEnd(9)} ${`recall@${RECALL_AT}`.padStart(9)} ${'hit@1'.padStart(6)} ${`MRR@${MRR_AT}`.padStart(7)}`);
  for (const r of rows) {
    console.log(
      `  ${r.mode.padEnd(9)} ${r.recall.toFixed(3).padStart(9)} ${r.top1.toFixed(3).padStart(6)} ${r.mrr.toFixed(3).padStart(7)}`,
    );
  }
  if (process.env.QUALITY_VERBOSE) {
    for (const r of rows) for (const m of r.misses) console.log(`  miss ${r.mode}: ${m}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const log = (msg: string) => console.log(`[quality] ${msg}`);
  const database = await openBenchDatabase(log);
  try {
    const { rows } = await retrievalQuality(database.url, log);
    printQuality(rows);
  } finally {
    await database.close();
  }
  process.exit(0);
}
