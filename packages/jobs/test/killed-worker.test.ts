// A worker process killed with SIGKILL in the middle of a job: it sends no more
// heartbeats, so the job is failed and retried by another worker after its
// heartbeatSeconds (not after expireInSeconds), and its effect happens once.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@ap/testing/db';
import type { JobRunner } from '../src/runner.ts';
import { defineJob, ensureEffectTables, eventually, jobState, registerJob, runner, sql, uniqueName } from './helpers.ts';

const SCHEMA = 'pgboss_killed';
const root = fileURLToPath(new URL('../../..', import.meta.url));
const runners: JobRunner[] = [];

beforeAll(ensureEffectTables);
afterAll(() => Promise.all(runners.map((r) => r.stop({ graceful: false }))));

describe('a worker killed with SIGKILL mid-job', () => {
  it('the job runs again in another worker after its heartbeat lapses, and its effect happens once', async () => {
    const name = uniqueName('killed.job');
    const definition = defineJob(name, { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false, heartbeatSeconds: 10 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/jobs/test/killed-worker.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), JOB_SCHEMA: SCHEMA, JOB_NAME: name },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await eventually(async () => out.includes('ready'), 60_000);
      // This process enqueues; after the kill it works the job's next attempt.
      const producer = await runner({ schema: SCHEMA, definitions: [definition] });
      runners.push(producer);
      const key = randomUUID();
      const id = (await producer.queue.enqueueNow({ name, data: { key } }))!;
      await eventually(async () => out.includes(`started ${id}`), 30_000);
      expect(await jobState(SCHEMA, id)).toBe('active');

      child.kill('SIGKILL');
      await exited;
      const other = await runner({
        schema: SCHEMA,
        handlers: [
          registerJob<{ key: string }>(definition, async (job) => {
            await sql(`INSERT INTO jobs_test.attempt (job_id, key, attempt, runner) VALUES ($1, $2, $3, 'other')`, [
              job.id,
              job.data.key,
              job.attempt,
            ]);
            await sql(`INSERT INTO jobs_test.effect (key, job_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [job.data.key, job.id]);
          }),
        ],
      });
      runners.push(other);
      await eventually(async () => (await jobState(SCHEMA, id)) === 'completed', 60_000);
      const runs = await sql(`SELECT attempt, runner FROM jobs_test.attempt WHERE key = $1 ORDER BY attempt`, [key]);
      expect(runs).toEqual([
        { attempt: 1, runner: 'killed' },
        { attempt: 2, runner: 'other' },
      ]);
      expect(await sql(`SELECT job_id FROM jobs_test.effect WHERE key = $1`, [key])).toEqual([{ job_id: id }]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
