import { inject } from 'vitest';
import { createDb, type Db } from '@ap/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string | null;
    blobConnectionString: string;
  }
}

let shared: Db | undefined;

/** The run's migrated test database URL (see global-setup.ts). */
export const testDatabaseUrl = (): string => inject('databaseUrl');

/** The connection string of the run's Azurite (see global-setup.ts): what test servers store blobs in. */
export const testBlobConnectionString = (): string => inject('blobConnectionString');

/** One Prisma client per test worker, on the run's database. */
export function testDb(): Db {
  shared ??= createDb(testDatabaseUrl(), { max: 5 });
  return shared;
}

/**
 * An empty database of its own (not migrated): a new database on the DATABASE_URL
 * server, or a new in-memory embedded PostgreSQL. For migration tests.
 */
export async function freshDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const admin = inject('adminDatabaseUrl');
  if (!admin) {
    const { startEmbeddedPostgres } = await import('@ap/db/embedded');
    return startEmbeddedPostgres({});
  }
  const pg = (await import('pg')).default;
  const name = `ap_fresh_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), close: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
