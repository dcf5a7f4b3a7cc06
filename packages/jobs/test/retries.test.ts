// Retries with backoff, and jobs that fail for good: failed(name) with their error and
// a copy in the dead-letter queue.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/runner.ts';
import { eventually, jobState, runner, sql, uniqueName, defineJob, registerJob } from './helpers.ts';

const SCHEMA = 'pgboss_retries';
const attempts = new Map<string, number[]>();
const record = (tag: string, attempt: number) => attempts.set(tag, [...(attempts.get(tag) ?? []), attempt]);

const flaky = defineJob(uniqueName('retries.flaky'), { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: true });
const doomed = defineJob(uniqueName('retries.doomed'), { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: true });
let jobs: JobRunner;

beforeAll(async () => {
  jobs = await runner({
    schema: SCHEMA,
    handlers: [
      registerJob<{ tag: string }>(flaky, async (job) => {
        record(job.data.tag, job.attempt);
        if (job.attempt < 3) throw new Error(`not yet (attempt ${job.attempt})`);
      }),
      registerJob<{ tag: string }>(doomed, async (job) => {
        record(job.data.tag, job.attempt);
        throw new Error(`boom on attempt ${job.attempt} of ${job.maxAttempts}`);
      }),
    ],
  });
});
afterAll(() => jobs?.stop({ graceful: false }));

describe('retries', () => {
  it('retries a failing handler with backoff until it succeeds: 3 attempts', async () => {
    const tag = randomUUID();
    const id = (await jobs.queue.enqueueNow({ name: flaky.name, data: { tag } }))!;
    await eventually(async () => (await jobState(SCHEMA, id)) === 'completed', 18_000);
    expect(attempts.get(tag)).toEqual([1, 2, 3]);
    const [row] = await sql(`SELECT retry_count, retry_limit, retry_delay, retry_backoff FROM ${SCHEMA}.job WHERE id = $1`, [id]);
    expect(row).toEqual({ retry_count: 2, retry_limit: 3, retry_delay: 1, retry_backoff: true });
    expect(await jobs.queue.failed(flaky.name)).toEqual([]);
  }, 20_000);

  it('fails a job for good past its retry limit: listed as failed with its error, copied to the dead-letter queue', async () => {
    const tag = randomUUID();
    const id = (await jobs.queue.enqueueNow({ name: doomed.name, data: { tag }, key: `doomed-${tag}` }))!;
    await eventually(async () => (await jobState(SCHEMA, id)) === 'failed', 15_000);
    expect(attempts.get(tag)).toEqual([1, 2]);
    const failed = await jobs.queue.failed(doomed.name);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      id,
      name: doomed.name,
      data: { tag },
      key: `doomed-${tag}`,
      attempts: 2,
      error: 'boom on attempt 2 of 2',
    });
    expect(failed[0]!.failedAt).toBeInstanceOf(Date);
    const dead = await jobs.queue.deadLettered(doomed.deadLetter!);
    expect(dead).toEqual([expect.objectContaining({ sourceId: id, data: { tag } })]);
    // Its key is free again: a new job with it is accepted.
    expect(await jobs.queue.enqueueNow({ name: doomed.name, data: { tag: `${tag}-again` }, key: `doomed-${tag}` })).toBeTruthy();
  }, 20_000);
});
