// `pnpm bench` (root `npm run bench`): throughput and latency of boards.view and of
// concurrent moves, each against a floor measured on the same machine; then the
// section "Documents: ingestion and search" (bench/documents.ts) and retrieval
// quality on the labelled set (bench/retrieval-quality.ts), on the same database;
// then the whole product (bench/product.ts: cold start, idle RSS, a mixed soak).
// Rate limits are off for every server it starts, and it says so.
//
//   - Database: a fresh database on DATABASE_URL's server (dropped afterwards), or
//     the embedded PostgreSQL when DATABASE_URL is unset.
//   - The API server runs as its own process, as `npm start` runs it (the bundle of
//     scripts/build.mjs, built first), in production mode, authenticating against a
//     local RS256 issuer; the floor is bench/floor.ts (bare node:http + one
//     hand-written pg query), also its own process; autocannon drives both from this
//     process. Each side has one thread.
//   - Seed: one board of 5 columns × 1,000 action points, with tags and assignees.
//   - boards.view: REST and tRPC vs the floor, 32 connections.
//   - Moves: 32 connections moving random action points of one column before random
//     neighbours, vs one-row UPDATE transactions on one row (the same serialization
//     point as a column's moves), 32 clients, measured before and after the moves (the
//     higher rate counts); the rate on 32 distinct rows is shown too.
//
// Environment: DATABASE_URL, BENCH_DURATION (seconds per run, default 10),
// BENCH_CONNECTIONS (default 32); the documents section's are listed in bench/documents.ts,
// the product section's (SOAK_SECONDS) in bench/product.ts; BENCH_SECTIONS (default
// `documents,product`) chooses the sections run after the kanban one.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startTestIssuer } from '@ap/testing/issuer';
import { openBenchDatabase } from './db.ts';
import { documentsBench } from './documents.ts';
import { productBench } from './product.ts';
import { printQuality, retrievalQuality } from './retrieval-quality.ts';
import { freePort } from '@ap/testing/net';
import { buildServer, type ServerLaunch } from './server-bundle.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The sections after the kanban one to run (BENCH_SECTIONS, comma-separated): `documents`, `product`. Default: both. */
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'documents,product').split(',').map((s) => s.trim()));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const COLUMNS = 5;
const PER_COLUMN = 1_000;
const TAGS = 8;
const VIEW_GOAL = 0.7;
const MOVE_GOAL = 0.5;

const log = (msg: string) => console.log(`[bench] ${msg}`);
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

/** Starts `node <args>` (the server's launch) or a TypeScript script with tsx. */
function startChild(script: string | ServerLaunch, env: Record<string, string>): ChildProcess {
  const [cmd, args, launchEnv] =
    typeof script === 'string' ? [path.join(root, 'node_modules/.bin/tsx'), [script], {}] : [process.execPath, script.args, script.env];
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...launchEnv, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, ok: (status: number) => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (ok(res.status)) return;
    } catch {}
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Evenly spaced base-36 ranks of 5 digits (the shape lexorank's rebalance writes). */
function ranks(n: number): string[] {
  const total = 36 ** 5;
  const gap = Math.floor(total / (n + 1));
  return Array.from({ length: n }, (_, i) => ((i + 1) * gap).toString(36).padStart(5, '0').replace(/0+$/, ''));
}

async function openDatabase(): Promise<string> {
  const database = await openBenchDatabase(log);
  cleanups.push(() => database.close());
  return database.url;
}

interface Seeded {
  boardId: string;
  columnIds: string[];
  /** Action point ids per column, in rank order. */
  items: string[][];
}

async function seed(db: pg.Client, ownerId: string): Promise<Seeded> {
  const boardId = randomUUID();
  const columnIds = Array.from({ length: COLUMNS }, () => randomUUID());
  const tagIds = Array.from({ length: TAGS }, () => randomUUID());
  const items = columnIds.map(() => Array.from({ length: PER_COLUMN }, () => randomUUID()));
  const itemRanks = ranks(PER_COLUMN);
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO "Board" ("id", "name", "description", "ownerId", "updatedAt") VALUES ($1, 'Bench board', 'Seeded by bench/run.ts', $2, now())`,
    [boardId, ownerId],
  );
  await db.query(
    `INSERT INTO "Column" ("id", "boardId", "name", "rank", "updatedAt")
     SELECT id, $1, name, rank, now() FROM unnest($2::uuid[], $3::text[], $4::text[]) AS v(id, name, rank)`,
    [boardId, columnIds, ['Backlog', 'To do', 'In progress', 'Review', 'Done'], ranks(COLUMNS)],
  );
  await db.query(
    `INSERT INTO "Tag" ("id", "boardId", "name", "color", "updatedAt")
     SELECT id, $1, 'tag-' || ord, '#' || lpad(to_hex(ord * 1234567 % 16777216), 6, '0'), now()
       FROM unnest($2::uuid[]) WITH ORDINALITY AS v(id, ord)`,
    [boardId, tagIds],
  );
  await db.query(`INSERT INTO "BoardTag" ("boardId", "tagId") SELECT $1, unnest($2::uuid[])`, [boardId, tagIds]);
  const all = items.flat();
  await db.query(
    `INSERT INTO "ActionPoint" ("id", "title", "description", "dueDate", "ownerId", "assigneeId", "updatedAt")
     SELECT id, 'Action point ' || ord, 'Something to do, described in a sentence or two (' || ord || ').',
            CASE WHEN ord % 4 = 0 THEN now() + (ord || ' hours')::interval END,
            $2, CASE WHEN ord % 3 = 0 THEN $2::uuid END, now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, ord)`,
    [all, ownerId],
  );
  await db.query(
    `INSERT INTO "ActionPointBoardAssociation" ("actionPointId", "boardId", "columnId", "rank", "updatedAt")
     SELECT id, $1, col, rank, now() FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS v(id, col, rank)`,
    [boardId, all, items.flatMap((col, c) => col.map(() => columnIds[c]!)), items.flatMap(() => itemRanks)],
  );
  // One or two tags on each action point.
  const tagAp: string[] = [];
  const tagTag: string[] = [];
  all.forEach((id, i) => {
    tagAp.push(id);
    tagTag.push(tagIds[i % TAGS]!);
    if (i % 2 === 0) {
      tagAp.push(id);
      tagTag.push(tagIds[(i + 3) % TAGS]!);
    }
  });
  await db.query(
    `INSERT INTO "ActionPointTag" ("actionPointId", "tagId", "boardId") SELECT ap, tag, $1 FROM unnest($2::uuid[], $3::uuid[]) AS v(ap, tag)`,
    [boardId, tagAp, tagTag],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
  return { boardId, columnIds, items };
}

interface Run {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function cannon(name: string, opts: autocannon.Options, duration = DURATION): Promise<Run> {
  const result = await autocannon({ connections: CONNECTIONS, duration, ...opts });
  const ok = (result as unknown as Record<string, number>)['2xx'] ?? 0;
  const run: Run = {
    name,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  if (result.non2xx) log(`${name}: status codes ${JSON.stringify(result.statusCodeStats)}`);
  return run;
}

/** One-row UPDATE transactions per second from `clients` concurrent connections. */
async function updateRate(url: string, clients: number, rowIds: string[], table: 'Column' | 'ActionPoint'): Promise<number> {
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const sql = `UPDATE "${table}" SET "updatedAt" = now() WHERE "id" = $1`;
  let count = 0;
  const stopAt = Date.now() + DURATION * 1000;
  const start = Date.now();
  await Promise.all(
    conns.map(async (c, i) => {
      const id = rowIds[i % rowIds.length]!;
      while (Date.now() < stopAt) {
        await c.query('BEGIN');
        await c.query(sql, [id]);
        await c.query('COMMIT');
        count++;
      }
    }),
  );
  const seconds = (Date.now() - start) / 1000;
  await Promise.all(conns.map((c) => c.end()));
  return count / seconds;
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  const started = Date.now();
  const url = await openDatabase();
  const issuer = await startTestIssuer();
  cleanups.push(() => issuer.close());

  // The API server, as `npm start` runs it.
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const server = startChild(buildServer(), {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: url,
    MIGRATE_ON_START: 'false',
    CLERK_ISSUER: issuer.issuer,
    LOG_LEVEL: 'error',
    // The benchmark measures the API, not its limits: both are off for this run.
    RATE_LIMIT_PER_MINUTE: '0',
    AI_REQUESTS_PER_MINUTE: '0',
    // Its blob store: an embedded Azurite on a free port, in a directory of its own.
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ap-bench-')),
    EMBEDDED_BLOB_PORT: '0',
  });
  server.stdout!.resume();
  await waitFor(`${api}/health/ready`, (s) => s === 200);
  log(`API server ${api} (pid ${server.pid}), rate limits off (RATE_LIMIT_PER_MINUTE=0, AI_REQUESTS_PER_MINUTE=0)`);

  const token = await issuer.sign({
    sub: `user_bench_${randomUUID().slice(0, 8)}`,
    expiresIn: 3600,
    claims: { email: 'bench@example.test', name: 'Bench User' },
  });
  const auth = { authorization: `Bearer ${token}` };
  const me = (await (await fetch(`${api}/api/users/me`, { headers: auth })).json()) as { id: string };

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const t0 = Date.now();
  const data = await seed(db, me.id);
  log(`seeded ${COLUMNS} columns × ${PER_COLUMN} action points with tags in ${fmt((Date.now() - t0) / 1000, 1)} s`);

  // The floor.
  const floorChild = startChild('bench/floor.ts', { DATABASE_URL: url, PORT: '0', POOL_SIZE: '10' });
  const floorUrl = await new Promise<string>((resolve, reject) => {
    let buf = '';
    floorChild.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    floorChild.once('exit', (code) => reject(new Error(`floor exited with ${code}`)));
  });

  // Same payload on all three paths.
  const restPath = `/api/boards/${data.boardId}/view`;
  const trpcPath = `/trpc/boards.view?input=${encodeURIComponent(JSON.stringify({ boardId: data.boardId }))}`;
  const floorPath = `/view/${data.boardId}`;
  const [restBody, trpcBody, floorBody] = await Promise.all([
    fetch(api + restPath, { headers: auth }).then((r) => r.json()),
    fetch(api + trpcPath, { headers: auth }).then((r) => r.json() as Promise<{ result: { data: unknown } }>),
    fetch(floorUrl + floorPath).then((r) => r.json()),
  ]);
  const same = isDeepStrictEqual(restBody, floorBody) && isDeepStrictEqual(trpcBody.result.data, floorBody);
  const bytes = JSON.stringify(restBody).length;
  const items = (restBody as { columns: { items: unknown[] }[] }).columns.reduce((n, c) => n + c.items.length, 0);
  log(`view payload: ${items} action points, ${fmt(bytes / 1024, 1)} KiB; REST = tRPC = floor: ${same}`);
  if (!same) throw new Error('the floor does not serve the same payload as boards.view');

  // boards.view
  log(`boards.view: ${CONNECTIONS} connections, ${DURATION} s per run (after a 3 s warm-up each)`);
  await cannon('warm-up', { url: floorUrl + floorPath }, 3);
  const floor = await cannon('floor (node:http + pg)', { url: floorUrl + floorPath });
  await cannon('warm-up', { url: api + restPath, headers: auth }, 3);
  const rest = await cannon('boards.view REST', { url: api + restPath, headers: auth });
  await cannon('warm-up', { url: api + trpcPath, headers: auth }, 3);
  const trpc = await cannon('boards.view tRPC', { url: api + trpcPath, headers: auth });

  // Moves: random action points of the first column, each before a random other one.
  const col = data.columnIds[0]!;
  const ids = data.items[0]!;
  const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
  const moveOpts = (transport: 'rest' | 'trpc'): autocannon.Options => ({
    url: api,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const id = pick();
          let before = pick();
          while (before === id) before = pick();
          const headers = { ...auth, 'content-type': 'application/json' };
          return transport === 'rest'
            ? {
                ...req,
                headers,
                path: `/api/boards/${data.boardId}/action-points/${id}/move`,
                body: JSON.stringify({ columnId: col, beforeId: before }),
              }
            : {
                ...req,
                headers,
                path: '/trpc/actionPoints.move',
                body: JSON.stringify({ boardId: data.boardId, actionPointId: id, columnId: col, beforeId: before }),
              };
        },
      },
    ],
  });
  // The machine's one-row UPDATE rate is measured before and after the moves; the
  // higher of the two is the one the moves are held to.
  const sameRowBefore = await updateRate(url, CONNECTIONS, [data.columnIds[4]!], 'Column');
  log(`moves: ${CONNECTIONS} connections on one column of ${PER_COLUMN}`);
  await cannon('warm-up', moveOpts('rest'), 3);
  const moves = await cannon('moves REST', moveOpts('rest'));
  const movesTrpc = await cannon('moves tRPC', moveOpts('trpc'));
  const check = await db.query<{ n: string; distinct: string; maxlen: number }>(
    `SELECT count(*) AS n, count(DISTINCT "rank") AS distinct, max(length("rank")) AS maxlen
       FROM "ActionPointBoardAssociation" WHERE "columnId" = $1`,
    [col],
  );
  const c = check.rows[0]!;
  log(`after the moves: ${c.n} action points in the column, ${c.distinct} distinct ranks, longest rank ${c.maxlen}`);

  // One-row UPDATE transactions (BEGIN; UPDATE …; COMMIT) on this machine.
  const sameRowAfter = await updateRate(url, CONNECTIONS, [data.columnIds[4]!], 'Column');
  const sameRow = Math.max(sameRowBefore, sameRowAfter);
  const distinctRows = await updateRate(url, CONNECTIONS, data.items[4]!.slice(0, CONNECTIONS), 'ActionPoint');
  await db.end();

  const line = (r: Run) =>
    `${r.name.padEnd(26)} ${fmt(r.rps).padStart(8)} req/s   p50 ${fmt(r.p50, 1).padStart(7)} ms   p99 ${fmt(r.p99, 1).padStart(7)} ms${
      r.non2xx || r.errors ? `   non-2xx ${r.non2xx}, errors ${r.errors}` : ''
    }`;
  const viewRest = rest.rps / floor.rps;
  const viewTrpc = trpc.rps / floor.rps;
  const moveRatio = moves.rps / sameRow;
  const moveRatioTrpc = movesTrpc.rps / sameRow;
  console.log('');
  console.log(`boards.view (${items} action points per view, ${CONNECTIONS} connections)`);
  console.log(`  ${line(floor)}`);
  console.log(`  ${line(rest)}`);
  console.log(`  ${line(trpc)}`);
  console.log(`Moves on one column (${CONNECTIONS} connections)`);
  console.log(`  ${line(moves)}`);
  console.log(`  ${line(movesTrpc)}`);
  console.log(
    `  ${'one-row UPDATE tx, one row'.padEnd(26)} ${fmt(sameRow).padStart(8)} tx/s   (before ${fmt(sameRowBefore)}, after ${fmt(sameRowAfter)})`,
  );
  console.log(`  ${'one-row UPDATE tx, 32 rows'.padEnd(26)} ${fmt(distinctRows).padStart(8)} tx/s`);
  console.log('');
  console.log(
    `view ratio   REST ${fmt(viewRest, 2)}×  tRPC ${fmt(viewTrpc, 2)}× the floor   (goal ≥ ${VIEW_GOAL}×: ${Math.min(viewRest, viewTrpc) >= VIEW_GOAL ? 'met' : 'NOT met'})`,
  );
  console.log(
    `move ratio   REST ${fmt(moveRatio, 2)}×  tRPC ${fmt(moveRatioTrpc, 2)}× one-row UPDATE tx on one row ` +
      `(${fmt(moves.rps / distinctRows, 2)}× / ${fmt(movesTrpc.rps / distinctRows, 2)}× on 32 rows)   ` +
      `(goal ≥ ${MOVE_GOAL}×: ${Math.min(moveRatio, moveRatioTrpc) >= MOVE_GOAL ? 'met' : 'NOT met'})`,
  );

  if (SECTIONS.has('documents')) {
    const quality = await retrievalQuality(url, log);
    await documentsBench(url, log);
    printQuality(quality.rows);
  }
  if (SECTIONS.has('product')) await productBench(process.env.DATABASE_URL);
  console.log(`total ${fmt((Date.now() - started) / 1000, 0)} s`);
}

async function shutdown() {
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 8_000);
          child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        }),
    ),
  );
  for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
}

main()
  .then(shutdown, async (err: unknown) => {
    console.error(err);
    await shutdown();
    process.exitCode = 1;
  })
  .finally(() => process.exit());
