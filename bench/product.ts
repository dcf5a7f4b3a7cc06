// `npm run bench -- product` (also the last section of `npm run bench`): the whole
// product as a team runs it.
//
//   - Cold start: the server process from spawn to `/health/ready` 200, in embedded
//     mode (no DATABASE_URL), with the embedded database's own start, as the server
//     reports it, shown apart; and against DATABASE_URL's server. Goal: ready within
//     1.5 s beyond the database's own start.
//   - Idle RSS of the server process, ready, after a first request, and idle. Goal
//     ≤ 150 MB in the shape a team deploys: DATABASE_URL and a storage account (here
//     Azurite in a process of its own, standing in for Azure Blob Storage). Shown too:
//     with the embedded Azurite in the process, and fully embedded.
//   - A mixed soak at 32 connections (SOAK_SECONDS, default 300), in that deployed
//     shape: board views, moves, comments, searches and uploads (ask, PUT to Blob
//     Storage, create the document, which the server's worker then processes), with
//     RSS sampled every 10 s. Goal: zero errors and flat RSS.
//
// Rate limits are off for the run (RATE_LIMIT_PER_MINUTE=0, AI_REQUESTS_PER_MINUTE=0),
// and it says so. The server is one process, as `npm start` runs it (plain node on the
// bundle of scripts/build.mjs), in production mode, authenticating against a local
// RS256 issuer.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startTestIssuer, type TestIssuer } from '@ap/testing/issuer';
import { freePort } from '@ap/testing/net';
import { EMULATOR_ACCOUNT_NAME, emulatorConnectionString } from '@ap/storage/embedded-azurite';
import { buildServer } from './server-bundle.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const READY_GOAL_MS = 1_500;
const RSS_GOAL_MB = 150;
const LIMITS_OFF = { RATE_LIMIT_PER_MINUTE: '0', AI_REQUESTS_PER_MINUTE: '0' };

const log = (msg: string) => console.log(`[bench:product] ${msg}`);

interface Server {
  child: ChildProcess;
  url: string;
  /** The start-up parts the server logged with 'listening'. */
  startup: Record<string, number>;
  /** Spawn to /health/ready 200. */
  readyMs: number;
  stop(): Promise<void>;
}

/** This process's environment without what the bench sets itself (no DATABASE_URL: embedded mode unless given). */
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'AZURE_STORAGE_CONNECTION_STRING', 'DATA_DIR'].includes(k)),
);

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const launch = buildServer();
  const child = spawn(process.execPath, launch.args, {
    cwd: root,
    env: {
      ...inherited,
      ...launch.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...LIMITS_OFF,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const startup = await new Promise<Record<string, number>>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) resolve((JSON.parse(line) as { startup: Record<string, number> }).startup);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const status = await fetch(`${url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - t0;
  child.stdout!.resume();
  return {
    child,
    url,
    startup,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const rssMb = (pid: number) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
};

/** Azurite in a process of its own (the stand-in for a storage account), data in `dir`. */
async function startAzuriteProcess(dir: string): Promise<{ connectionString: string; stop(): void }> {
  const port = await freePort();
  const bin = path.join(root, 'packages', 'storage', 'node_modules', '.bin', 'azurite-blob');
  const args = [
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(port),
    '--location',
    dir,
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
  ];
  const child = spawn(bin, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/${EMULATOR_ACCOUNT_NAME}`;
  for (let i = 0; ; i++) {
    // Any HTTP answer (Azurite refuses an unsigned request) means it listens.
    if (
      (await fetch(url).then(
        (r) => r.status,
        () => 0,
      )) > 0
    )
      break;
    if (i > 300) throw new Error('Azurite did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    connectionString: emulatorConnectionString(url),
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * RSS once ready, after one authenticated request (which loads the query compiler) and
 * 20 s idle.
 */
async function idleRss(s: Server, issuer: TestIssuer): Promise<number> {
  const { token } = await issuer.newUser({ email: `idle-${Date.now()}@example.test` });
  await call(s.url, token, 'GET', '/api/boards');
  await new Promise((r) => setTimeout(r, 20_000));
  return rssMb(s.child.pid!);
}

async function coldStart(issuer: TestIssuer): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ap-bench-cold-'));
  try {
    // The first start creates the embedded database; the second is a restart on it.
    for (const run of ['first start', 'restart']) {
      const s = await startServer({ DATA_DIR: dataDir, CLERK_ISSUER: issuer.issuer, EMBEDDED_BLOB_PORT: String(await freePort()) });
      const db = s.startup.embeddedDatabaseMs ?? 0;
      const beyond = s.readyMs - db;
      log(
        `cold start, embedded (${run}): ready in ${s.readyMs.toFixed(0)} ms = embedded database ${db} ms + ${beyond.toFixed(0)} ms ` +
          `(server's own parts: ${JSON.stringify(s.startup)}; goal ≤ ${READY_GOAL_MS} ms beyond the database: ${beyond <= READY_GOAL_MS ? 'met' : 'NOT met'})`,
      );
      if (run === 'restart')
        log(`idle RSS, fully embedded (database and Azurite in the process): ${(await idleRss(s, issuer)).toFixed(0)} MB`);
      await s.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Seeded {
  token: string;
  boardId: string;
  columns: string[];
  actionPoints: string[];
}

async function call(url: string, token: string, method: string, p: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function seed(url: string, issuer: TestIssuer): Promise<Seeded> {
  // Valid for the whole soak, seeding included (a token's default life is 5 minutes).
  const token = await issuer.sign({
    sub: `user_soak_${Date.now()}`,
    expiresIn: SOAK_SECONDS + 3_600,
    claims: { email: `soak-${Date.now()}@example.test` },
  });
  const board = await call(url, token, 'POST', '/api/boards', { name: 'Soak', columns: ['A', 'B', 'C', 'D', 'E'] });
  const columns = (board.json.columns as { id: string }[]).map((c) => c.id);
  const actionPoints: string[] = [];
  for (let i = 0; i < 500; i++) {
    const ap = await call(url, token, 'POST', '/api/action-points', {
      title: `Soak item ${i}`,
      boardId: board.json.id,
      columnId: columns[i % 5],
    });
    actionPoints.push(ap.json.id);
  }
  for (let i = 0; i < 5; i++) {
    await call(url, token, 'POST', '/api/documents', {
      title: `Soak handbook ${i}`,
      text: `# Handbook ${i}\n\n## Travel\n\nTravel is booked through the portal and approved by a manager.\n\n## Leave\n\nLeave requests go to the team lead two weeks ahead.`,
    });
  }
  return { token, boardId: board.json.id, columns, actionPoints };
}

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

async function soak(url: string, pid: number, s: Seeded): Promise<void> {
  const kinds = ['view', 'move', 'comment', 'search', 'upload'] as const;
  const weights: Record<(typeof kinds)[number], number> = { view: 40, move: 30, comment: 15, search: 13, upload: 2 };
  const bag = kinds.flatMap((k) => Array.from({ length: weights[k] }, () => k));
  const stats = Object.fromEntries(kinds.map((k) => [k, { n: 0, errors: 0, ms: [] as number[] }]));
  const errors: string[] = [];
  const until = Date.now() + SOAK_SECONDS * 1_000;
  const rss: number[] = [rssMb(pid)];
  const sampler = setInterval(() => rss.push(rssMb(pid)), 10_000);

  async function one(kind: (typeof kinds)[number]): Promise<number> {
    switch (kind) {
      case 'view':
        return (await call(url, s.token, 'GET', `/api/boards/${s.boardId}/view`)).status;
      case 'move':
        return (
          await call(url, s.token, 'POST', `/api/boards/${s.boardId}/action-points/${pick(s.actionPoints)}/move`, {
            columnId: pick(s.columns),
          })
        ).status;
      case 'comment':
        return (await call(url, s.token, 'POST', `/api/action-points/${pick(s.actionPoints)}/comments`, { body: 'Soak comment' })).status;
      case 'search':
        return (
          await call(url, s.token, 'POST', '/api/vector-documents/search', { query: pick(['travel approval', 'leave requests', 'portal']) })
        ).status;
      case 'upload': {
        const bytes = Buffer.from(`# Upload ${Math.random()}\n\nA small note uploaded during the soak.`);
        const u = await call(url, s.token, 'POST', '/api/blob-storage/uploads', {
          fileName: 'note.md',
          contentType: 'text/markdown',
          sizeBytes: bytes.length,
        });
        if (u.status !== 201) return u.status;
        const put = await fetch(u.json.url, { method: 'PUT', headers: u.json.headers, body: bytes });
        if (put.status !== 201) return put.status;
        return (await call(url, s.token, 'POST', '/api/documents', { uploadId: u.json.uploadId })).status;
      }
    }
  }

  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const kind = pick(bag);
        const t = performance.now();
        const status = await one(kind).catch((err: Error) => {
          errors.push(`${kind}: ${err.message}`);
          return 0;
        });
        const st = stats[kind]!;
        st.n++;
        st.ms.push(performance.now() - t);
        if (status < 200 || status >= 300) {
          st.errors++;
          if (errors.length < 10) errors.push(`${kind}: HTTP ${status}`);
        }
      }
    }),
  );
  clearInterval(sampler);
  rss.push(rssMb(pid));

  const total = Object.values(stats).reduce((a, x) => a + x.n, 0);
  const failed = Object.values(stats).reduce((a, x) => a + x.errors, 0);
  log(`soak: ${SOAK_SECONDS} s at ${CONNECTIONS} connections, rate limits off (RATE_LIMIT_PER_MINUTE=0, AI_REQUESTS_PER_MINUTE=0)`);
  for (const k of kinds) {
    const st = stats[k]!;
    const sorted = [...st.ms].sort((a, b) => a - b);
    const p = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1) : '-');
    log(`  ${k.padEnd(8)} ${String(st.n).padStart(7)} requests, ${st.errors} errors, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
  }
  const third = Math.max(1, Math.floor(rss.length / 3));
  const early = Math.max(...rss.slice(0, third));
  const late = Math.max(...rss.slice(-third));
  log(
    `  total ${total} requests (${(total / SOAK_SECONDS).toFixed(0)}/s), error rate ${(failed / Math.max(1, total)).toFixed(4)} (goal 0: ${failed === 0 ? 'met' : 'NOT met'})`,
  );
  log(
    `  RSS: start ${rss[0]!.toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB, first third max ${early.toFixed(0)} MB, last third max ${late.toFixed(0)} MB ` +
      `(${late <= early * 1.1 ? 'flat' : 'GROWING'}: last third within 10% of the first)`,
  );
  if (errors.length) log(`  first errors: ${errors.slice(0, 10).join('; ')}`);
}

export async function productBench(databaseUrl: string | undefined): Promise<void> {
  const issuer = await startTestIssuer();
  try {
    await coldStart(issuer);
    if (!databaseUrl) {
      log('soak: skipped (needs DATABASE_URL)');
      return;
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const name = `ap_bench_product_${Date.now()}`;
    await client.query(`CREATE DATABASE "${name}"`);
    const u = new URL(databaseUrl);
    u.pathname = `/${name}`;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ap-bench-soak-'));
    const azurite = await startAzuriteProcess(path.join(dataDir, 'azurite'));
    try {
      const withEmbeddedBlobs = await startServer({
        DATABASE_URL: u.toString(),
        CLERK_ISSUER: issuer.issuer,
        DATA_DIR: dataDir,
        EMBEDDED_BLOB_PORT: String(await freePort()),
      });
      log(
        `cold start, DATABASE_URL, embedded Azurite: ready in ${withEmbeddedBlobs.readyMs.toFixed(0)} ms ` +
          `(server's own parts: ${JSON.stringify(withEmbeddedBlobs.startup)}, migrations of a new database included)`,
      );
      log(`idle RSS, DATABASE_URL with the embedded Azurite in the process: ${(await idleRss(withEmbeddedBlobs, issuer)).toFixed(0)} MB`);
      await withEmbeddedBlobs.stop();

      const s = await startServer({
        DATABASE_URL: u.toString(),
        CLERK_ISSUER: issuer.issuer,
        DATA_DIR: dataDir,
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      });
      log(
        `cold start, DATABASE_URL and a storage account: ready in ${s.readyMs.toFixed(0)} ms (server's own parts: ${JSON.stringify(s.startup)}; ` +
          `goal ≤ ${READY_GOAL_MS} ms: ${s.readyMs <= READY_GOAL_MS ? 'met' : 'NOT met'})`,
      );
      const rss = await idleRss(s, issuer);
      log(
        `idle RSS, DATABASE_URL and a storage account: ${rss.toFixed(0)} MB (goal ≤ ${RSS_GOAL_MB} MB: ${rss <= RSS_GOAL_MB ? 'met' : 'NOT met'})`,
      );
      const seeded = await seed(s.url, issuer);
      await soak(s.url, s.child.pid!, seeded);
      await s.stop();
    } finally {
      azurite.stop();
      await rm(dataDir, { recursive: true, force: true });
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    }
  } finally {
    await issuer.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await productBench(process.env.DATABASE_URL);
}
