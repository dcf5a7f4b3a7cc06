// A runner stopped while a job runs hands the job back; another runner runs it again,
// and the handler's idempotent effect happens once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/runner.ts';
import type { RunningJob } from '../src/types.ts';
import { ensureEffectTables, eventually, jobState, runner, sql, uniqueName, defineJob, registerJob } from './helpers.ts';

const SCHEMA = 'pgboss_handover';
const slow = defineJob(uniqueName('handover.slow'), { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false });
const started: RunningJob[] = [];
const runners: JobRunner[] = [];

/** Records the effect once per key, then (on the first attempt) runs until the runner gives it up. */
const handler = (runnerName: string) =>
  registerJob<{ key: string }>(slow, async (job) => {
    started.push(job);
    await sql(`INSERT INTO jobs_test.attempt (job_id, key, attempt, runner) VALUES ($1, $2, $3, $4)`, [
      job.id,
      job.data.key,
      job.attempt,
      runnerName,
    ]);
    await sql(`INSERT INTO jobs_test.effect (key, job_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [job.data.key, job.id]);
    if (job.attempt === 1) {
      await new Promise<void>((resolve) => {
        job.signal.addEventListener('abort', () => resolve(), { once: true });
        setTimeout(resolve, 20_000).unref();
      });
      throw new Error('interrupted');
    }
  });

beforeAll(ensureEffectTables);
afterAll(() => Promise.all(runners.map((r) => r.stop({ graceful: false }))));

describe('a runner stopped mid-job', () => {
  it('hands the job back; it runs again elsewhere and its effect happens once', async () => {
    const a = await runner({ schema: SCHEMA, handlers: [handler('a')] });
    runners.push(a);
    const key = randomUUID();
    const id = (await a.queue.enqueueNow({ name: slow.name, data: { key } }))!;
    await eventually(async () => started.some((j) => j.id === id));
    expect(await jobState(SCHEMA, id)).toBe('active');

    // The job outlasts the grace period: it is failed (so retried) and its signal aborts.
    await a.stop({ graceful: true, timeoutMs: 1000 });
    expect(started.find((j) => j.id === id)!.signal.aborted).toBe(true);
    expect(await jobState(SCHEMA, id)).toBe('retry');

    const b = await runner({ schema: SCHEMA, handlers: [handler('b')] });
    runners.push(b);
    await eventually(async () => (await jobState(SCHEMA, id)) === 'completed');

    const runs = await sql(`SELECT attempt, runner FROM jobs_test.attempt WHERE key = $1 ORDER BY attempt`, [key]);
    expect(runs).toEqual([
      { attempt: 1, runner: 'a' },
      { attempt: 2, runner: 'b' },
    ]);
    expect(await sql(`SELECT job_id FROM jobs_test.effect WHERE key = $1`, [key])).toEqual([{ job_id: id }]);
  });

  it('a graceful stop lets a running job finish', async () => {
    const quick = defineJob(uniqueName('handover.quick'), { retryLimit: 0 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done: string[] = [];
    const c = await runner({
      schema: SCHEMA,
      handlers: [
        registerJob(quick, async (job) => {
          await gate;
          done.push(job.id);
        }),
      ],
    });
    runners.push(c);
    const id = (await c.queue.enqueueNow({ name: quick.name, data: {} }))!;
    await eventually(async () => (await jobState(SCHEMA, id)) === 'active');
    const stopping = c.stop({ graceful: true, timeoutMs: 15_000 });
    setTimeout(release, 300);
    await stopping;
    expect(done).toEqual([id]);
    expect(await jobState(SCHEMA, id)).toBe('completed');
  });

  it('an attempt that runs past expireInSeconds is aborted and the job runs again; its effect happens once', async () => {
    const stuck = defineJob(uniqueName('handover.stuck'), { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 1 });
    const aborted: number[] = [];
    const d = await runner({
      schema: SCHEMA,
      handlers: [
        registerJob<{ key: string }>(stuck, async (job) => {
          await sql(`INSERT INTO jobs_test.attempt (job_id, key, attempt, runner) VALUES ($1, $2, $3, 'd')`, [
            job.id,
            job.data.key,
            job.attempt,
          ]);
          await sql(`INSERT INTO jobs_test.effect (key, job_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [job.data.key, job.id]);
          if (job.attempt === 1) {
            await new Promise<void>((resolve) => {
              job.signal.addEventListener('abort', () => resolve(), { once: true });
              setTimeout(resolve, 15_000).unref();
            });
            if (job.signal.aborted) aborted.push(job.attempt);
          }
        }),
      ],
    });
    runners.push(d);
    const key = randomUUID();
    const id = (await d.queue.enqueueNow({ name: stuck.name, data: { key } }))!;
    await eventually(async () => (await jobState(SCHEMA, id)) === 'completed');
    expect(aborted).toEqual([1]);
    expect(await sql(`SELECT attempt FROM jobs_test.attempt WHERE key = $1 ORDER BY attempt`, [key])).toEqual([
      { attempt: 1 },
      { attempt: 2 },
    ]);
    expect(await sql(`SELECT job_id FROM jobs_test.effect WHERE key = $1`, [key])).toEqual([{ job_id: id }]);
  });
});
