import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';
import { pgConnection } from './connection.ts';

import type { Prisma } from './generated/prisma/client.ts';

export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export type * from './generated/prisma/models.ts';
export * from './generated/prisma/enums.ts';

export type Db = PrismaClient;
/** A client or an interactive transaction: what data functions accept. */
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface DbOptions {
  /** Pool size; the embedded database serializes queries, so a few suffice there. */
  max?: number;
  /** How long a query waits for a connection from the pool (default 10 s). */
  connectTimeoutMs?: number;
  /**
   * Prepare each statement once per connection (named statements) instead of
   * parsing and planning it on every execution. Only where each connection has a
   * backend of its own (see connectionsHaveOwnBackends).
   */
  preparedStatements?: boolean;
}

/** Distinct SQL texts given a statement name; later ones run unnamed, which bounds what a connection keeps prepared. */
export const MAX_PREPARED_STATEMENTS = 500;

/**
 * Names statements by a hash of their SQL text (the same text always gets the same
 * name, two texts never share one), for the first MAX_PREPARED_STATEMENTS texts.
 */
export function statementNamer(max = MAX_PREPARED_STATEMENTS): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `ap_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * True when two connections to `url` are served by two backends (pg_backend_pid
 * differs), as on a PostgreSQL server: prepared statements live in a backend, so
 * they are only safe then. The embedded database serves all its connections from
 * one backend, where a statement one connection prepared clashes with another's.
 */
export async function connectionsHaveOwnBackends(url: string): Promise<boolean> {
  const clients = [new pg.Client(pgConnection(url)), new pg.Client(pgConnection(url))];
  try {
    const pids = await Promise.all(
      clients.map(async (c) => {
        c.on('error', () => {});
        await c.connect();
        return (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      }),
    );
    return pids[0] !== pids[1];
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
}

/** The pg pool behind each client made by createDb, and how its statements are named. */
const direct = new WeakMap<object, { pool: pg.Pool; name: (query: { sql: string }) => string | undefined }>();

export function createDb(url: string, options: DbOptions = {}): Db {
  // A request waits at most this long for a pooled connection; then it fails (503), never hangs.
  const pool = new pg.Pool({ ...pgConnection(url), max: options.max ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  // Errors of idle connections surface on their next query (Prisma adds its listener once connected).
  pool.on('error', () => {});
  const name = options.preparedStatements ? statementNamer() : () => undefined;
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    ...(options.preparedStatements ? { statementNameGenerator: name as (query: { sql: string }) => string } : {}),
  });
  const db = new PrismaClient({ adapter });
  direct.set(db, { pool, name });
  return db;
}

/**
 * Runs one statement straight on the pg pool behind a client made by createDb
 * (prepared where statements are), without Prisma's query pipeline: for the
 * hottest statements. Values come back as pg parses them, so a statement should
 * return only text, json, booleans and integers (cast bigints and timestamps to
 * text): then $queryRaw, used for any other client (a transaction's), gives the same.
 */
export async function queryDirect<T>(db: DbTx, sql: Prisma.Sql): Promise<T[]> {
  const d = direct.get(db);
  if (!d) return db.$queryRaw<T[]>(sql);
  const { rows } = await d.pool.query({ text: sql.text, values: sql.values, name: d.name({ sql: sql.text }) });
  return rows as T[];
}
