// Search over many chunks of which the caller sees few: SEARCH_CHUNKS chunks of
// 1536-dimension vectors in documents of 100 chunks each; the caller owns 0.5% of
// the documents and has 0.5% shared with them (DocumentPermission), 1% in all.
//
// The vectors are made in SQL: each is the normalized sum of one vector from each of
// five pools (64 random vectors each, of decreasing weight), so a chunk shares more
// or less of its direction with others, as embeddings of related texts do; each
// chunk's text names the words of its two heaviest pool picks among 150 filler words.
// A query is made the same way from a visible chunk's two heaviest picks and three
// random ones. The HNSW index is built after the rows are in (as the migration
// defines it), then ANALYZE.
//
// Measured: vectorDocuments.search's core function (searchDocuments: the visibility
// check, the one ranking statement, the audit rows, in its transaction) in semantic
// and hybrid mode, with an embedder whose vector for the query is the one made above;
// and recall@10 of semantic against exact search: brute-force cosine over the same
// visible rows (an ORDER BY the index does not cover).
import pg from 'pg';
import { searchDocuments, type SearchMode } from '@ap/core/knowledge/search';
import type { Embedder } from '@ap/core/ports/embedder';
import { createEventBus } from '@ap/core/shared/event-bus';
import { EXACT_SEARCH_MAX_CHUNKS } from '@ap/db/chunks';
import { connectionsHaveOwnBackends, createDb } from '@ap/db/client';

const CHUNKS = Number(process.env.BENCH_SEARCH_CHUNKS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const PER_DOC = 100;
/** Words of a chunk's text besides its two topic words, drawn from FILLER made-up words, the first ones far more often (as in prose). */
const WORDS = Number(process.env.BENCH_CHUNK_WORDS ?? 150);
const FILLER = 20_000;
const DIMS = 1536;
const MODEL = 'bench-synthetic';
const POOL = 64;
const WEIGHTS = [1, 0.7, 0.5, 0.35, 0.25];
const P50_GOAL_MS = 10;
const RECALL_GOAL = 0.95;
const INDEX = 'DocumentChunk_embedding_1536_idx';

const VOCABULARY = (
  'account action agenda approval archive audit backlog balance billing board branch budget calendar campaign ' +
  'capacity change client column comment contract cost customer dashboard deadline delivery deployment design ' +
  'device discount document draft estimate event expense feature feedback finance forecast goal hardware hiring ' +
  'incident invoice issue kickoff laptop launch license meeting milestone network office onboarding order owner ' +
  'partner payment plan policy priority process product project quarter release report request review risk'
).split(' ');

/** The query's vector, whatever its text: the bench sets it before each search. */
class PresetEmbedder implements Embedder {
  readonly model = MODEL;
  readonly dimensions = DIMS;
  vector: number[] = [];
  async embed(texts: string[]) {
    return { vectors: texts.map(() => this.vector) };
  }
}

export interface CallerResult {
  /** Share of the chunks the caller sees. */
  share: number;
  visibleChunks: number;
  modes: { mode: SearchMode; p50: number; p99: number }[];
  exact: { p50: number; p99: number };
  recall: number;
}

export interface SearchResult {
  chunks: number;
  /** p50 of a Prisma transaction of one `SELECT 1`, on the same pool: the floor of any search call. */
  floorP50: number;
  seedSeconds: number;
  indexSeconds: number;
  callers: CallerResult[];
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function seed(
  c: pg.Client,
  caller: string,
  wide: string,
  other: string,
  log: (msg: string) => void,
): Promise<{ seedSeconds: number; indexSeconds: number }> {
  const t0 = performance.now();
  const docs = Math.ceil(CHUNKS / PER_DOC);
  const { rows: idx } = await c.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = $1`, [INDEX]);
  if (!idx[0]) throw new Error(`index ${INDEX} is missing`);
  await c.query(`DROP INDEX "${INDEX}"`);
  await c.query(
    `CREATE TEMP TABLE bench_pool AS
    SELECT l.level, j, (SELECT array_agg((random() - 0.5) * l.weight + 0 * x) FROM generate_series(1, ${DIMS}) x WHERE j >= 0)::vector(${DIMS}) AS v
      FROM unnest($1::float8[]) WITH ORDINALITY AS l(weight, level), generate_series(0, ${POOL - 1}) j`,
    [WEIGHTS],
  );
  await c.query(`CREATE UNIQUE INDEX ON bench_pool (level, j)`);
  await c.query(
    `INSERT INTO "Document" ("id", "title", "fileName", "contentType", "sizeBytes", "sha256", "status", "chunkCount", "ownerId", "blobName", "updatedAt")
     SELECT gen_random_uuid(), 'Bench ' || i, 'bench-' || i || '.md', 'text/markdown', 1, md5(i::text), 'READY', ${PER_DOC},
            CASE WHEN i % 200 = 0 THEN $1::uuid ELSE $2::uuid END, 'documents/bench-search/' || i, now()
       FROM generate_series(0, ${docs - 1}) i`,
    [caller, other],
  );
  await c.query(
    `INSERT INTO "DocumentPermission" ("documentId", "userId", "level", "grantedById", "updatedAt")
     SELECT d."id", $1::uuid, 'VIEW', $2::uuid, now() FROM "Document" d
      WHERE d."ownerId" = $2::uuid AND split_part(d."title", ' ', 2)::int % 200 = 100`,
    [caller, other],
  );
  // A second caller with a fifth of the documents shared with them: searched through the HNSW index.
  await c.query(
    `INSERT INTO "DocumentPermission" ("documentId", "userId", "level", "grantedById", "updatedAt")
     SELECT d."id", $1::uuid, 'VIEW', $2::uuid, now() FROM "Document" d
      WHERE d."ownerId" = $2::uuid AND split_part(d."title", ' ', 2)::int % 5 = 1`,
    [wide, other],
  );
  await c.query(`CREATE TEMP TABLE bench_picks AS
    SELECT g, floor(random() * ${POOL})::int AS j1, floor(random() * ${POOL})::int AS j2, floor(random() * ${POOL})::int AS j3,
           floor(random() * ${POOL})::int AS j4, floor(random() * ${POOL})::int AS j5
      FROM generate_series(0, ${CHUNKS - 1}) g`);
  await c.query(
    `INSERT INTO "DocumentChunk" ("documentId", "ordinal", "text", "start", "end", "headings", "contentHash", "tokenCount",
                                  "embedding", "embeddingModel", "embeddingDimensions")
     SELECT d."id", k.g % ${PER_DOC}, k.text, (k.g % ${PER_DOC}) * 1000, (k.g % ${PER_DOC}) * 1000 + length(k.text), '{}', md5(k.g::text), 60,
            l2_normalize(p1.v + p2.v + p3.v + p4.v + p5.v), $2, ${DIMS}
       FROM (SELECT b.*, $1::text[] AS vocab FROM bench_picks b) k0
       CROSS JOIN LATERAL (SELECT k0.*, k0.vocab[1 + k0.j1 % ${VOCABULARY.length}] || ' ' || k0.vocab[1 + k0.j2 % ${VOCABULARY.length}] || ' ' ||
                 array_to_string(ARRAY(SELECT 'w' || floor(pow(random(), 3) * ${FILLER})::int FROM generate_series(1, ${WORDS}) WHERE k0.g >= 0), ' ') AS text) k
       JOIN "Document" d ON d."blobName" = 'documents/bench-search/' || (k.g / ${PER_DOC})
       JOIN bench_pool p1 ON p1.level = 1 AND p1.j = k.j1
       JOIN bench_pool p2 ON p2.level = 2 AND p2.j = k.j2
       JOIN bench_pool p3 ON p3.level = 3 AND p3.j = k.j3
       JOIN bench_pool p4 ON p4.level = 4 AND p4.j = k.j4
       JOIN bench_pool p5 ON p5.level = 5 AND p5.j = k.j5`,
    [VOCABULARY, MODEL],
  );
  const seedSeconds = (performance.now() - t0) / 1000;
  log(
    `search: ${CHUNKS.toLocaleString('en-US')} chunks in ${docs} documents seeded in ${seedSeconds.toFixed(1)} s; building the HNSW index`,
  );
  const t1 = performance.now();
  await c.query(`SET maintenance_work_mem = '1GB'`);
  await c.query(idx[0].indexdef);
  await c.query('ANALYZE');
  return { seedSeconds, indexSeconds: (performance.now() - t1) / 1000 };
}

const VISIBLE = (param: string) => `d."deletedAt" IS NULL AND (d."ownerId" = ${param}
  OR EXISTS (SELECT 1 FROM "DocumentPermission" p WHERE p."documentId" = d."id" AND p."userId" = ${param}))`;

async function measureCaller(
  c: pg.Client,
  svc: { db: ReturnType<typeof createDb>; events: Awaited<ReturnType<typeof createEventBus>>; userId: string },
): Promise<CallerResult> {
  const { rows: vis } = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "DocumentChunk" c JOIN "Document" d ON d."id" = c."documentId" WHERE ${VISIBLE('$1::uuid')}`,
    [svc.userId],
  );
  const visibleChunks = vis[0]!.n;
  // Queries near what the caller can see: a visible chunk's two heaviest picks, three random ones.
  const { rows: queries } = await c.query<{ text: string; vector: string }>(
    `WITH v AS (
       SELECT b.* FROM "DocumentChunk" ch JOIN "Document" d ON d."id" = ch."documentId"
         JOIN bench_picks b ON b.g = split_part(d."title", ' ', 2)::int * ${PER_DOC} + ch."ordinal"
        WHERE ${VISIBLE('$1::uuid')} ORDER BY random() LIMIT ${QUERIES}),
     q AS (SELECT v.j1, v.j2, floor(random() * ${POOL})::int AS j3, floor(random() * ${POOL})::int AS j4,
                  floor(random() * ${POOL})::int AS j5 FROM v)
     SELECT ($2::text[])[1 + q.j1 % ${VOCABULARY.length}] || ' ' || ($2::text[])[1 + q.j2 % ${VOCABULARY.length}] AS text,
            l2_normalize(p1.v + p2.v + p3.v + p4.v + p5.v)::text AS vector
       FROM q
       JOIN bench_pool p1 ON p1.level = 1 AND p1.j = q.j1 JOIN bench_pool p2 ON p2.level = 2 AND p2.j = q.j2
       JOIN bench_pool p3 ON p3.level = 3 AND p3.j = q.j3 JOIN bench_pool p4 ON p4.level = 4 AND p4.j = q.j4
       JOIN bench_pool p5 ON p5.level = 5 AND p5.j = q.j5`,
    [svc.userId, VOCABULARY],
  );
  const embedder = new PresetEmbedder();
  const ctx = { ...svc, embedder, actor: { type: 'user' as const } };
  const modes: CallerResult['modes'] = [];
  let semantic: string[][] = [];
  for (const mode of ['semantic', 'hybrid'] as const) {
    // Warm-up, not counted.
    for (const q of queries.slice(0, 20)) {
      embedder.vector = JSON.parse(q.vector);
      await searchDocuments(ctx, { query: q.text, mode, limit: 10 });
    }
    const times: number[] = [];
    const ids: string[][] = [];
    for (const q of queries) {
      embedder.vector = JSON.parse(q.vector);
      const t = performance.now();
      const { items } = await searchDocuments(ctx, { query: q.text, mode, limit: 10 });
      times.push(performance.now() - t);
      ids.push(items.map((i) => i.chunkId));
    }
    if (mode === 'semantic') semantic = ids;
    times.sort((a, b) => a - b);
    modes.push({ mode, p50: quantile(times, 0.5), p99: quantile(times, 0.99) });
  }
  // Exact: every visible chunk's cosine distance, sorted (the index covers "embedding"::vector(1536), not this expression).
  const exactTimes: number[] = [];
  let recall = 0;
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const { rows } = await c.query<{ id: string }>(
      `SELECT c."id"::text AS id FROM "DocumentChunk" c
        WHERE c."documentId" = ANY(ARRAY(SELECT d."id" FROM "Document" d WHERE ${VISIBLE('$1::uuid')}))
          AND c."embeddingModel" = $3 AND c."embeddingDimensions" = ${DIMS}
        ORDER BY c."embedding" <=> $2::vector, c."id" LIMIT 10`,
      [svc.userId, q.vector, MODEL],
    );
    exactTimes.push(performance.now() - t);
    const got = new Set(semantic[i]);
    recall += rows.filter((r) => got.has(r.id)).length / Math.max(1, rows.length);
  }
  exactTimes.sort((a, b) => a - b);
  return {
    share: 0,
    visibleChunks,
    modes,
    exact: { p50: quantile(exactTimes, 0.5), p99: quantile(exactTimes, 0.99) },
    recall: recall / queries.length,
  };
}

export async function searchBench(url: string, log: (msg: string) => void): Promise<SearchResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const db = createDb(url, { max: 4, preparedStatements: await connectionsHaveOwnBackends(url) });
  const events = await createEventBus({ url, db });
  try {
    const { rows: users } = await c.query<{ id: string }>(
      `INSERT INTO "User" ("clerkId", "updatedAt")
       VALUES ('user_bench_caller', now()), ('user_bench_wide', now()), ('user_bench_other', now()) RETURNING "id"`,
    );
    const [caller, wide, other] = [users[0]!.id, users[1]!.id, users[2]!.id];
    const { seedSeconds, indexSeconds } = await seed(c, caller, wide, other, log);
    log(`search: HNSW index built in ${indexSeconds.toFixed(1)} s`);
    const floor: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      await db.$transaction((tx) => tx.$queryRaw`SELECT 1`);
      floor.push(performance.now() - t);
    }
    floor.sort((a, b) => a - b);
    const callers: CallerResult[] = [];
    for (const userId of [caller, wide]) {
      const r = await measureCaller(c, { db, events, userId });
      r.share = r.visibleChunks / CHUNKS;
      callers.push(r);
    }
    return { chunks: CHUNKS, floorP50: quantile(floor, 0.5), seedSeconds, indexSeconds, callers };
  } finally {
    await c.end();
    await events.close?.();
    await db.$disconnect();
  }
}

export function printSearch(r: SearchResult): void {
  const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`Search floor: a Prisma transaction of one SELECT 1, p50 ${fmt(r.floorP50)} ms`);
  for (const [i, c] of r.callers.entries()) {
    console.log(
      `Search (${r.chunks.toLocaleString('en-US')} chunks; the caller sees ${c.visibleChunks.toLocaleString('en-US')}, ${fmt(100 * c.share)}%: ${c.visibleChunks <= EXACT_SEARCH_MAX_CHUNKS ? 'exact' : 'HNSW'}; ${QUERIES} queries, limit 10)`,
    );
    for (const m of c.modes) {
      const note =
        i === 0 ? `   (goal p50 ≤ ${P50_GOAL_MS} ms: ${goal(m.p50 <= P50_GOAL_MS)}, ${fmt(m.p50 / P50_GOAL_MS, 2)}× the goal)` : '';
      console.log(`  ${m.mode.padEnd(9)} p50 ${fmt(m.p50).padStart(6)} ms   p99 ${fmt(m.p99).padStart(6)} ms${note}`);
    }
    console.log(
      `  ${'exact'.padEnd(9)} p50 ${fmt(c.exact.p50).padStart(6)} ms   p99 ${fmt(c.exact.p99).padStart(6)} ms   (brute-force cosine over the visible rows, the statement alone)`,
    );
    console.log(
      `  semantic recall@10 against exact: ${c.recall.toFixed(3)}${i === 0 ? `   (goal ≥ ${RECALL_GOAL}: ${goal(c.recall >= RECALL_GOAL)})` : ''}`,
    );
  }
}
