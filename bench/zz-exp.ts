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
  const child = process.env.PROF && script.includes('main.ts') ? spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', script], {
    cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] }) : spawn(path.join(root, 'node_modules/.bin/tsx'), [script], {
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


import { readFileSync } from 'node:fs';
function cpuMs(pid: number): number {
  // utime+stime of the process and its threads, in ms (clock ticks of 10 ms)
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
async function exp() {
  const url = 'postgresql://postgres@127.0.0.1:5432/ap_prof';
  const issuer = await startTestIssuer();
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const server = startChild('apps/server/src/main.ts', { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: url, MIGRATE_ON_START: 'false', CLERK_ISSUER: issuer.issuer, LOG_LEVEL: 'error', });
  server.stdout!.resume();
  await waitFor(`${api}/health/ready`, (s) => s === 200);
  const { execSync } = await import('node:child_process');
  const nodePid = Number(execSync(`pgrep -P ${server.pid} node || echo ${server.pid}`).toString().trim().split('\n')[0]);
  const token = await issuer.sign({ sub: 'user_prof', expiresIn: 3600, claims: { email: 'p@example.test', name: 'Prof' } });
  const auth = { authorization: `Bearer ${token}` };
  const B = process.env.B!;
  const targets: [string, autocannon.Options][] = [
    ['health', { url: `${api}/health/live` }],
    ['users.me REST', { url: `${api}/api/users/me`, headers: auth }],
    ['users.me tRPC', { url: `${api}/trpc/users.me`, headers: auth }],
    ['view REST', { url: `${api}/api/boards/${B}/view`, headers: auth }],
    ['view tRPC', { url: `${api}/trpc/boards.view?input=${encodeURIComponent(JSON.stringify({ boardId: B }))}`, headers: auth }],
  ];
  const db = new pg.Client({ connectionString: url }); await db.connect();
  const col = (await db.query(`SELECT id::text FROM "Column" WHERE "boardId" = $1 ORDER BY rank LIMIT 1`, [B])).rows[0].id;
  const ids = (await db.query(`SELECT "actionPointId"::text AS id FROM "ActionPointBoardAssociation" WHERE "columnId" = $1`, [col])).rows.map((r: any) => r.id);
  await db.end();
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const mv = (trpc: boolean): autocannon.Options => ({ url: api, requests: [{ method: 'POST', setupRequest: (req: any) => {
    const id = pick(); let b = pick(); while (b === id) b = pick();
    return trpc ? { ...req, path: '/trpc/actionPoints.move', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ boardId: B, actionPointId: id, columnId: col, beforeId: b }) }
      : { ...req, path: `/api/boards/${B}/action-points/${id}/move`, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ columnId: col, beforeId: b }) };
  } }] });
  if (process.env.ONLY_MOVES) targets.length = 0;
  targets.push(['move tRPC c1', { ...mv(true), connections: 1 }], ['move tRPC', mv(true)], ['move REST', mv(false)]);
  for (const [name, o] of targets) {
    await autocannon({ connections: 32, duration: 2, ...o });
    const c0 = cpuMs(nodePid);
    const r = await autocannon({ connections: 32, duration: 4, ...o });
    const c1 = cpuMs(nodePid);
    const n = (r as any)['2xx'];
    console.log(name.padEnd(16), (n / r.duration).toFixed(0), 'req/s', 'p50', r.latency.p50, ((c1 - c0) / n).toFixed(2), 'ms server cpu/req', r.non2xx);
  }
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await new Promise((r) => setTimeout(r, 2000));
  await issuer.close();
}
exp().then(() => process.exit(0));
