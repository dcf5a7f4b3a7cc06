// Enqueue inside a Prisma interactive transaction: the job commits or rolls back with
// the change (on the server and on the embedded database, whose connections share one
// session), and a key deduplicates.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import type { JobRunner } from '../src/runner.ts';
import type { RunningJob } from '../src/types.ts';
import { ensureEffectTables, eventually, runner, sql, uniqueName, defineJob, registerJob } from './helpers.ts';

const SCHEMA = 'pgboss_outbox';
const seen: RunningJob<{ tag: string }>[] = [];
const welcome = defineJob(uniqueName('outbox.welcome'), { retryLimit: 0 });
let jobs: JobRunner;

beforeAll(async () => {
  await ensureEffectTables();
  jobs = await runner({
    schema: SCHEMA,
    handlers: [
      registerJob<{ tag: string }>(welcome, async (job) => {
        seen.push(job);
      }),
    ],
  });
});
afterAll(() => jobs?.stop({ graceful: false }));

const jobsTagged = async (tag: string) =>
  Number(
    (await sql<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.job WHERE name = $1 AND data->>'tag' = $2`, [welcome.name, tag]))[0]!.n,
  );

describe('enqueue in a transaction', () => {
  it('delivers a job whose transaction commits, with its id and attempt', async () => {
    const db = testDb();
    const clerkId = `user_${randomUUID()}`;
    const id = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { clerkId } });
      const jobId = await jobs.queue.enqueue(tx, { name: welcome.name, data: { tag: user.id } });
      // Written by this transaction: it sees its own uncommitted row.
      const own = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${SCHEMA}.job WHERE id = $1::uuid`, jobId);
      expect(own).toEqual([{ n: 1 }]);
      // The transaction goes on using its connection after the insert.
      await tx.user.update({ where: { id: user.id }, data: { displayName: 'Queued' } });
      return jobId;
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const user = await db.user.findUniqueOrThrow({ where: { clerkId } });
    const job = await eventually(async () => seen.find((j) => j.data.tag === user.id));
    expect(job).toMatchObject({ id, name: welcome.name, attempt: 1, maxAttempts: 1 });
  });

  it('never delivers a job whose transaction rolls back', async () => {
    const db = testDb();
    const tag = `rolled-back-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { clerkId: `user_${randomUUID()}` } });
        await jobs.queue.enqueue(tx, { name: welcome.name, data: { tag } });
        throw new Error('abort the change');
      }),
    ).rejects.toThrow('abort the change');
    // A job enqueued afterwards is delivered; the rolled-back one does not exist to be.
    const marker = `after-${randomUUID()}`;
    await db.$transaction((tx) => jobs.queue.enqueue(tx, { name: welcome.name, data: { tag: marker } }));
    await eventually(async () => seen.some((j) => j.data.tag === marker));
    expect(await jobsTagged(tag)).toBe(0);
    expect(seen.some((j) => j.data.tag === tag)).toBe(false);
  });

  it('enqueues once per key while the first job is pending', async () => {
    const db = testDb();
    const defer = defineJob(uniqueName('outbox.deferred'));
    const q = await runner({ schema: SCHEMA, definitions: [defer] });
    try {
      const key = `key-${randomUUID()}`;
      // Not before an hour from now, so the first stays pending throughout.
      const later = new Date(Date.now() + 3600_000);
      const [first, second] = await db.$transaction(async (tx) => [
        await q.queue.enqueue(tx, { name: defer.name, data: { n: 1 }, key, startAfter: later }),
        await q.queue.enqueue(tx, { name: defer.name, data: { n: 2 }, key, startAfter: later }),
      ]);
      const third = await db.$transaction((tx) => q.queue.enqueue(tx, { name: defer.name, data: { n: 3 }, key }));
      const fourth = await q.queue.enqueueNow({ name: defer.name, data: { n: 4 }, key });
      expect(first).toBeTruthy();
      expect([second, third, fourth]).toEqual([null, null, null]);
      const rows = await sql<{ n: number }>(`SELECT (data->>'n')::int AS n FROM ${SCHEMA}.job WHERE name = $1 AND data->>'n' < '6'`, [
        defer.name,
      ]);
      expect(rows).toEqual([{ n: 1 }]);
      // Jobs without a key never deduplicate.
      const keyless = await db.$transaction(async (tx) => [
        await q.queue.enqueue(tx, { name: defer.name, data: { n: 6 }, startAfter: later }),
        await q.queue.enqueue(tx, { name: defer.name, data: { n: 6 }, startAfter: later }),
      ]);
      expect(keyless.filter(Boolean)).toHaveLength(2);
      // Another key is another job.
      expect(await q.queue.enqueueNow({ name: defer.name, data: { n: 5 }, key: `${key}-other`, startAfter: later })).toBeTruthy();
    } finally {
      await q.stop({ graceful: false });
    }
  });

  it('refuses a job name nobody defined, before touching the database', async () => {
    await expect(testDb().$transaction((tx) => jobs.queue.enqueue(tx, { name: 'nobody.defined', data: {} }))).rejects.toThrow(
      /Unknown job nobody\.defined/,
    );
  });
});
