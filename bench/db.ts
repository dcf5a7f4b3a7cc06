// The bench's database: a fresh database on DATABASE_URL's server (dropped by
// `close`, kept with BENCH_KEEP_DB=1), or the embedded PostgreSQL (PGlite) when
// DATABASE_URL is unset; migrated.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '@ap/db/embedded';
import { migrate } from '@ap/db/migrate';

export interface BenchDatabase {
  url: string;
  /** PGlite: one query at a time, figures are not those of a server. */
  embedded: boolean;
  close(): Promise<void>;
}

export async function openBenchDatabase(log: (msg: string) => void): Promise<BenchDatabase> {
  const base = process.env.DATABASE_URL?.trim();
  if (base) {
    const name = `ap_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    log(`database ${name} on ${url.host}`);
    await migrate(url.toString());
    return {
      url: url.toString(),
      embedded: false,
      async close() {
        if (process.env.BENCH_KEEP_DB) return log(`database ${name} kept`);
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres({});
  log('embedded PostgreSQL (DATABASE_URL unset): figures are for PGlite, which runs one query at a time');
  await migrate(embedded.url);
  return { url: embedded.url, embedded: true, close: () => embedded.close() };
}
