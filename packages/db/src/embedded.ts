import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '@ap/config/env';

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
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  port?: number;
  maxConnections?: number;
}): Promise<OpenDatabase> {
  const [{ PGlite }, { vector }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
    import('@electric-sql/pglite-socket'),
  ]);
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
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
  await server.start();
  const conn = server.getServerConn();
  const url = `postgresql://postgres@${conn}/postgres?sslmode=disable`;
  return {
    url,
    embedded: true,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/** DATABASE_URL when set, else the embedded database in DATA_DIR/pg. */
export async function openDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, async close() {} };
  }
  return startEmbeddedPostgres({ dataDir: path.resolve(env.DATA_DIR, 'pg') });
}
