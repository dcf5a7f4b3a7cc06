import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '@ap/config/env';
import { SessionQueue } from './embedded-queue.ts';

export interface OpenDatabase {
  /** A PostgreSQL URL: the configured one, or the embedded server's loopback address. */
  url: string;
  /** True when this process serves the embedded database. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly, with
 * pgvector) on a loopback port, so every other part of the system talks to it
 * through an ordinary PostgreSQL URL, exactly as in production. Its data lives in
 * `dataDir` and survives restarts.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number; maxConnections?: number }): Promise<OpenDatabase> {
  const [{ PGlite }, { vector }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
    import('@electric-sql/pglite-socket'),
  ]);
  let unlock = async () => {};
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { vector },
  });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 100,
  });
  // See embedded-queue.ts: the stock queue lets connections interleave.
  (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
  await server.start();
  const conn = server.getServerConn();
  const url = `postgresql://postgres@${conn}/postgres?sslmode=disable`;
  return {
    url,
    embedded: true,
    async close() {
      await server.stop();
      await db.close();
      await unlock();
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time may open an embedded data directory (PGlite has no
 * multi-process locking). A lock left by a process that is gone is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'embedded.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${pid}. ` +
            'Stop that process, use another DATA_DIR, or set DATABASE_URL.',
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** DATABASE_URL when set, else the embedded database in DATA_DIR/pg. */
export async function openDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, async close() {} };
  }
  return startEmbeddedPostgres({ dataDir: path.resolve(env.DATA_DIR, 'pg') });
}
