import { cp, mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@ap/testing/db';
import { checksum, migrate, migrationStatus, MIGRATIONS_DIR, readMigrations } from '../src/migrate.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('migration runner', () => {
  let db: { url: string; close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    db = await freshDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'ap-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterAll(async () => db.close());

  it('reports every migration pending on an empty database', async () => {
    const s = await migrationStatus(db.url, dir);
    expect(s.applied).toEqual([]);
    expect(s.pending).toEqual((await readMigrations(dir)).map((m) => m.name));
  });

  it('applies all migrations once, two runners at the same time', async () => {
    const [a, b] = await Promise.all([migrate(db.url, { dir }), migrate(db.url, { dir })]);
    const all = (await readMigrations(dir)).map((m) => m.name);
    // The advisory lock serializes them: one applies everything, the other nothing.
    expect([...a, ...b].sort()).toEqual(all.sort());
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      db.url,
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"',
    );
    expect(rows).toHaveLength(all.length);
    for (const m of await readMigrations(dir)) {
      const row = rows.find((r) => r.migration_name === m.name)!;
      expect(row.checksum).toBe(checksum(m.sql));
      expect(row.finished_at).not.toBeNull();
    }
    expect((await migrationStatus(db.url, dir)).pending).toEqual([]);
    expect(await migrate(db.url, { dir })).toEqual([]);
  });

  it('applies a new migration and records it like Prisma Migrate', async () => {
    await mkdir(path.join(dir, '29990101000000_add_probe'));
    await writeFile(path.join(dir, '29990101000000_add_probe', 'migration.sql'), 'CREATE TABLE "Probe" ("id" INT PRIMARY KEY);');
    expect((await migrationStatus(db.url, dir)).pending).toEqual(['29990101000000_add_probe']);
    expect(await migrate(db.url, { dir })).toEqual(['29990101000000_add_probe']);
    expect(await query(db.url, 'SELECT * FROM "Probe"')).toEqual([]);
  });

  it('rolls back a failing migration entirely and reports it pending', async () => {
    await mkdir(path.join(dir, '29990102000000_broken'));
    await writeFile(
      path.join(dir, '29990102000000_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" ("id" INT); SELECT no_such_function();',
    );
    await expect(migrate(db.url, { dir })).rejects.toThrow(/29990102000000_broken failed and was rolled back/);
    const exists = await query<{ t: string | null }>(db.url, `SELECT to_regclass('"HalfDone"')::text AS t`);
    expect(exists[0]!.t).toBeNull();
    expect((await migrationStatus(db.url, dir)).pending).toContain('29990102000000_broken');
    await writeFile(path.join(dir, '29990102000000_broken', 'migration.sql'), 'CREATE TABLE "HalfDone" ("id" INT);');
    expect(await migrate(db.url, { dir })).toEqual(['29990102000000_broken']);
  });

  it('refuses to run when an applied migration was edited', async () => {
    await writeFile(path.join(dir, '29990101000000_add_probe', 'migration.sql'), 'CREATE TABLE "Probe" ("id" BIGINT PRIMARY KEY);');
    const s = await migrationStatus(db.url, dir);
    expect(s.modified).toEqual(['29990101000000_add_probe']);
    await expect(migrate(db.url, { dir })).rejects.toThrow(/edited after being applied: 29990101000000_add_probe/);
  });
});
