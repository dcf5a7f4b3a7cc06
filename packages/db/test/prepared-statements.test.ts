import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { testDatabaseUrl, testDb } from '@ap/testing/db';
import { connectionsHaveOwnBackends, createDb, Prisma, queryDirect, statementNamer } from '../src/client.ts';
import { startEmbeddedPostgres } from '../src/embedded.ts';

const realPostgres = !!inject('adminDatabaseUrl');

describe('prepared statements', () => {
  it('names a statement by its text: the same text the same name, two texts two names, up to a bound', () => {
    const name = statementNamer(2);
    const a = name({ sql: 'SELECT 1' });
    expect(a).toMatch(/^ap_[\w-]{32}$/);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    expect(statementNamer(2)({ sql: 'SELECT 1' })).toBe(a);
    const b = name({ sql: 'SELECT 2' });
    expect(b).not.toBe(a);
    // The bound is reached: a third text runs unnamed, the named ones keep their names.
    expect(name({ sql: 'SELECT 3' })).toBeUndefined();
    expect(name({ sql: 'SELECT 2' })).toBe(b);
  });

  it('are off for the embedded database, whose connections share one backend', async () => {
    const embedded = await startEmbeddedPostgres({ dataDir: await mkdtemp(path.join(tmpdir(), 'ap-prepared-')) });
    try {
      expect(await connectionsHaveOwnBackends(embedded.url)).toBe(false);
    } finally {
      await embedded.close();
    }
  });

  it.skipIf(!realPostgres)('are prepared once per connection on a PostgreSQL server, then reused', async () => {
    const url = testDatabaseUrl();
    expect(await connectionsHaveOwnBackends(url)).toBe(true);
    const db = createDb(url, { max: 1, preparedStatements: true });
    try {
      for (let i = 0; i < 3; i++) {
        const rows = await db.$queryRaw<{ n: number }[]>`SELECT ${i}::int + 1 AS n`;
        expect(rows[0]!.n).toBe(i + 1);
      }
      const prepared = await db.$queryRaw<{ name: string; statement: string }[]>`
        SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'ap\\_%'`;
      expect(prepared.filter((p) => p.statement.includes('::int + 1'))).toHaveLength(1);
    } finally {
      await db.$disconnect();
    }
  });

  it('queryDirect gives what $queryRaw gives, and runs in the transaction of a transaction client', async () => {
    const db = testDb();
    const sql = Prisma.sql`SELECT ${'a'}::text AS t, ${42}::int AS n, true AS b, json_build_object('k', ${'v'}::text) AS j, 12345678901::bigint::text AS big`;
    const [viaPool] = await queryDirect<Record<string, unknown>>(db, sql);
    expect(viaPool).toEqual({ t: 'a', n: 42, b: true, j: { k: 'v' }, big: '12345678901' });
    expect((await db.$queryRaw<Record<string, unknown>[]>(sql))[0]).toEqual(viaPool);

    const clerkId = `user_${Math.random().toString(36).slice(2)}`;
    const seen = await db.$transaction(async (tx) => {
      await tx.user.create({ data: { clerkId } });
      return queryDirect<{ n: number }>(tx, Prisma.sql`SELECT count(*)::int AS n FROM "User" WHERE "clerkId" = ${clerkId}`);
    });
    expect(seen).toEqual([{ n: 1 }]);
  });
});
