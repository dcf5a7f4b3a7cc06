import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pgConnection } from './connection.ts';

/** prisma/migrations at the repository root. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/** The same advisory lock key Prisma Migrate takes, so both never run at once. */
const LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since. */
  modified: string[];
  /** Started but never finished (a failed run); must be resolved by hand. */
  failed: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"              VARCHAR(64) NOT NULL,
  "finished_at"           TIMESTAMPTZ,
  "migration_name"        VARCHAR(255) NOT NULL,
  "logs"                  TEXT,
  "rolled_back_at"        TIMESTAMPTZ,
  "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function appliedRows(client: pg.ClientBase): Promise<AppliedRow[] | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}

function compare(migrations: Migration[], rows: AppliedRow[]): MigrationStatus {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const finished = new Map(live.filter((r) => r.finished_at).map((r) => [r.migration_name, r]));
  const failed = live.filter((r) => !r.finished_at).map((r) => r.migration_name);
  const status: MigrationStatus = { applied: [], pending: [], modified: [], failed };
  for (const m of migrations) {
    const row = finished.get(m.name);
    if (!row) {
      if (!failed.includes(m.name)) status.pending.push(m.name);
    } else {
      status.applied.push(m.name);
      if (row.checksum !== m.checksum) status.modified.push(m.name);
    }
  }
  return status;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, timeoutMs?: number): Promise<T> {
  const client = new pg.Client({
    ...pgConnection(url),
    ...(timeoutMs ? { connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs } : {}),
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** What is applied, pending, edited or failed; with `timeoutMs`, a database that does not answer in time is an error. */
export async function migrationStatus(url: string, dir = MIGRATIONS_DIR, options: { timeoutMs?: number } = {}): Promise<MigrationStatus> {
  const migrations = await readMigrations(dir);
  return withClient(url, async (client) => compare(migrations, (await appliedRows(client)) ?? []), options.timeoutMs);
}

function refuse(status: MigrationStatus): void {
  if (status.modified.length) {
    throw new MigrationError(
      `Applied migration(s) were edited after being applied: ${status.modified.join(', ')}. ` +
        'Restore the original file and add a new migration for the change.',
    );
  }
  if (status.failed.length) {
    throw new MigrationError(
      `Migration(s) started but did not finish: ${status.failed.join(', ')}. ` +
        'Inspect the database, then mark them rolled back (`prisma migrate resolve --rolled-back`) to retry.',
    );
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction, under
 * Prisma Migrate's advisory lock, recording them in `_prisma_migrations` exactly
 * as Prisma does. Safe when several processes start at once: the lock serializes
 * them and the later ones find nothing pending.
 */
export async function migrate(url: string, options: { dir?: string; log?: (msg: string) => void } = {}): Promise<string[]> {
  // The embedded database has one session for all connections, where advisory locks
  // never block: runs in this process are also chained per database.
  const previous = running.get(url) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => migrateLocked(url, options));
  running.set(url, run);
  try {
    return await run;
  } finally {
    if (running.get(url) === run) running.delete(url);
  }
}

const running = new Map<string, Promise<string[]>>();

async function migrateLocked(url: string, options: { dir?: string; log?: (msg: string) => void }): Promise<string[]> {
  const migrations = await readMigrations(options.dir);
  const log = options.log ?? (() => {});
  return withClient(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const status = compare(migrations, (await appliedRows(client)) ?? []);
      refuse(status);
      const done: string[] = [];
      for (const m of migrations.filter((x) => status.pending.includes(x.name))) {
        const id = randomUUID();
        await client.query('BEGIN');
        try {
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, m.checksum, m.name],
          );
          await client.query(m.sql);
          await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
        }
        log(`applied migration ${m.name}`);
        done.push(m.name);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    }
  });
}
