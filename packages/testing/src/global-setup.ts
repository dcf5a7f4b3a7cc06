// vitest globalSetup: one isolated, migrated database for the whole run (the run's
// Azurite is started by packages/storage/test/azurite-setup.ts).
// DATABASE_URL given: a fresh database on that server, dropped afterwards.
// Otherwise: the embedded PostgreSQL (PGlite) in memory on a loopback port.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { parseEnv } from '@ap/config/env';
import { startEmbeddedPostgres } from '@ap/db/embedded';
import { migrate } from '@ap/db/migrate';
import './db.ts';

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default function setup(project: TestProject) {
  return setupDatabase(project);
}

async function setupDatabase(project: TestProject): Promise<() => Promise<void>> {
  const base = parseEnv().DATABASE_URL;
  if (base) {
    const name = `ap_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const url = new URL(base);
    await adminQuery(base, `CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    const testUrl = url.toString();
    await migrate(testUrl);
    project.provide('databaseUrl', testUrl);
    project.provide('adminDatabaseUrl', base);
    return async () => {
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  }
  const embedded = await startEmbeddedPostgres({});
  await migrate(embedded.url);
  project.provide('databaseUrl', embedded.url);
  project.provide('adminDatabaseUrl', null);
  return () => embedded.close();
}
