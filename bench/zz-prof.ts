// `pnpm bench` (root `npm run bench`): throughput and latency of boards.view and of
// concurrent moves, each against a floor measured on the same machine.
//
//   - Database: a fresh database on DATABASE_URL's server (dropped afterwards), or
//     the embedded PostgreSQL when DATABASE_URL is unset.
//   - The API server runs as its own process (apps/server/src/main.ts → startServer)
//     in production mode, authenticating against a local RS256 issuer; the floor is
//     bench/floor.ts (bare node:http + one hand-written pg query), also its own
//     process; autocannon drives both from this process. Each side has one thread.
//   - Seed: one board of 5 columns × 1,000 action points, with tags and assignees.
//   - boards.view: REST and tRPC vs the floor, 32 connections.
//   - Moves: 32 connections moving random action points of one column before random
//     neighbours, vs one-row UPDATE transactions on one row (the same serialization
//     point as a column's moves), 32 clients; the rate on 32 distinct rows is shown too.
//
// Environment: DATABASE_URL, BENCH_DURATION (seconds per run, default 10),
// BENCH_CONNECTIONS (default 32).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrate } from '@ap/db/migrate';
import { startEmbeddedPostgres } from '@ap/db/embedded';
import { startTestIssuer } from '@ap/testing/issuer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startChild(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [script], {
    cwd: root,
    env: { ...process.env, ...env },
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
  const base = process.env.DATABASE_URL?.trim();
  if (base) {
    const name = `ap_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(base);
    url.pathname = `/${name}`;
    log(`database ${name} on ${url.host}`);
    return url.toString();
  }
  const embedded = await startEmbeddedPostgres({});
  cleanups.push(() => embedded.close());
  log('embedded PostgreSQL (DATABASE_URL unset): figures are for PGlite, which runs one query at a time');
  return embedded.url;
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
  await db.query(`INSERT INTO "Board" ("id", "name", "description", "ownerId", "updatedAt") VALUES ($1, 'Bench board', 'Seeded by bench/run.ts', $2, now())`, [boardId, ownerId]);
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


async function prof() {
  const url = 'postgresql://postgres@127.0.0.1:5432/ap_prof';
  const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS ap_prof WITH (FORCE)');
  await admin.query('CREATE DATABASE ap_prof');
  await admin.end();
  await migrate(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const u = await db.query(`INSERT INTO "User" ("clerkId", email, "displayName", "updatedAt") VALUES ('user_prof', 'p@example.test', 'Prof', now()) RETURNING id`);
  const data = await seed(db, u.rows[0].id);
  console.log(JSON.stringify({ boardId: data.boardId, col: data.columnIds[0], userId: u.rows[0].id, a: data.items[0][10], b: data.items[0][500] }));
  await db.end();
}
prof().then(() => process.exit(0));
