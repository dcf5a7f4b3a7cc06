import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { lockDataDir, startEmbeddedPostgres } from '../src/embedded.ts';
import { migrate, migrationStatus } from '../src/migrate.ts';
import { createDb } from '../src/client.ts';

describe('embedded PostgreSQL', () => {
  it('serves pgvector over a PostgreSQL URL and keeps its data across restarts', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ap-embedded-'));
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
    await migrate(first.url);
    const c1 = new pg.Client({ connectionString: first.url });
    await c1.connect();
    await c1.query(`INSERT INTO "User" ("clerkId", "updatedAt") VALUES ('user_persisted', now())`);
    const { rows } = await c1.query(`SELECT '[1,0,0]'::vector <=> '[0,1,0]'::vector AS d`);
    expect(rows[0].d).toBe(1);
    await c1.end();
    await first.close();

    const second = await startEmbeddedPostgres({ dataDir });
    expect((await migrationStatus(second.url)).pending).toEqual([]);
    const c2 = new pg.Client({ connectionString: second.url });
    await c2.connect();
    const again = await c2.query(`SELECT count(*)::int AS n FROM "User" WHERE "clerkId" = 'user_persisted'`);
    expect(again.rows[0].n).toBe(1);
    await c2.end();
    await second.close();
  }, 60_000);

  it('refuses a data directory held by a live process and takes over a stale lock', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-lock-'));
    // process 1 (init) is always alive and is not us.
    await writeFile(path.join(dir, 'embedded.lock'), '1');
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by process 1/);
    await writeFile(path.join(dir, 'embedded.lock'), '999999999');
    const unlock = await lockDataDir(dir);
    await unlock();
  });

  it('keeps concurrent transactions and queries from many connections apart', async () => {
    const embedded = await startEmbeddedPostgres({});
    await migrate(embedded.url);
    const db = createDb(embedded.url, { max: 10 });
    try {
      const owner = await db.user.create({ data: { clerkId: `owner_${crypto.randomUUID()}` } });
      const errors: string[] = [];
      await Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          try {
            if (i % 4 === 0) {
              await db.$transaction(
                async (tx) => {
                  const b = await tx.board.create({ data: { name: `b${i}`, ownerId: owner.id } });
                  await tx.column.create({ data: { boardId: b.id, name: 'c', rank: 'm' } });
                  expect(await tx.column.count({ where: { boardId: b.id } })).toBe(1);
                },
                { maxWait: 60_000, timeout: 60_000 },
              );
            } else if (i % 4 === 1) {
              // Rolled back: its board must never be visible to anyone.
              await db
                .$transaction(
                  async (tx) => {
                    await tx.board.create({ data: { name: 'rolled back', ownerId: owner.id } });
                    throw new Error('rollback');
                  },
                  { maxWait: 60_000, timeout: 60_000 },
                )
                .catch((e: Error) => expect(e.message).toBe('rollback'));
            } else if (i % 4 === 2) {
              await db.board.findMany({ where: { ownerId: owner.id }, take: 5, select: { id: true, name: true } });
            } else {
              expect(await db.board.count({ where: { ownerId: owner.id, name: 'rolled back' } })).toBe(0);
            }
          } catch (err) {
            errors.push((err as Error).message);
          }
        }),
      );
      expect(errors).toEqual([]);
      expect(await db.board.count({ where: { ownerId: owner.id } })).toBe(75);
    } finally {
      await db.$disconnect();
      await embedded.close();
    }
  }, 60_000);
});
