// Several runners on one database (server mode, or two in one process on the embedded
// database): each job is handled once; a schedule is stored once, whoever schedules it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/runner.ts';
import { ensureEffectTables, eventually, runner, sql, uniqueName, defineJob, registerJob } from './helpers.ts';

const SCHEMA = 'pgboss_runners';
const shared = defineJob(uniqueName('runners.shared'), { retryLimit: 0 });
const nightly = defineJob(uniqueName('runners.nightly'));
const runners: JobRunner[] = [];

const handler = (runnerName: string) =>
  registerJob<{ n: number }>(
    shared,
    async (job) => {
      await sql(`INSERT INTO jobs_test.attempt (job_id, key, attempt, runner) VALUES ($1, $2, $3, $4)`, [
        job.id,
        shared.name,
        job.attempt,
        runnerName,
      ]);
    },
    { concurrency: 2 },
  );

const SESSION_SETTINGS = ['lock_timeout', 'idle_in_transaction_session_timeout', 'statement_timeout', 'search_path'];
const sessionSettings = async () => {
  const out: Record<string, unknown> = {};
  for (const s of SESSION_SETTINGS) out[s] = (await sql(`SELECT current_setting($1) AS v`, [s]))[0]!.v;
  return out;
};
let settingsBefore: Record<string, unknown>;

beforeAll(async () => {
  await ensureEffectTables();
  settingsBefore = await sessionSettings();
  for (const name of ['a', 'b']) runners.push(await runner({ schema: SCHEMA, handlers: [handler(name)], definitions: [nightly] }));
});
afterAll(() => Promise.all(runners.map((r) => r.stop({ graceful: false }))));

describe('two runners on one database', () => {
  it('handle each job once', async () => {
    const [a, b] = runners as [JobRunner, JobRunner];
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) ids.push((await (n % 2 ? a : b).queue.enqueueNow({ name: shared.name, data: { n } }))!);
    await eventually(async () => {
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.job WHERE name = $1 AND state = 'completed'`, [
        shared.name,
      ]);
      return row!.n === 20;
    });
    // Completed jobs are never fetched again: the handling so far is all there will be.
    const rows = await sql<{ job_id: string; times: number }>(
      `SELECT job_id, count(*)::int AS times FROM jobs_test.attempt WHERE key = $1 GROUP BY job_id`,
      [shared.name],
    );
    expect(rows.map((r) => r.job_id).sort()).toEqual([...ids].sort());
    expect(rows.every((r) => r.times === 1)).toBe(true);
  });

  it('store one schedule per job name and key, whichever runner schedules it', async () => {
    const [a, b] = runners as [JobRunner, JobRunner];
    await a.queue.schedule(nightly.name, '0 3 * * *', { scope: 'all' }, { tz: 'Europe/Amsterdam' });
    await b.queue.schedule(nightly.name, '30 3 * * *', { scope: 'all' }, { tz: 'Europe/Amsterdam' });
    await b.queue.schedule(nightly.name, '0 4 * * *', { scope: 'eu' }, { key: 'eu' });
    const stored = (await a.queue.schedules(nightly.name)).sort((x, y) => x.key.localeCompare(y.key));
    expect(stored).toEqual([
      { name: nightly.name, key: '', cron: '30 3 * * *', timezone: 'Europe/Amsterdam', data: { scope: 'all' } },
      { name: nightly.name, key: 'eu', cron: '0 4 * * *', timezone: 'UTC', data: { scope: 'eu' } },
    ]);
    await a.queue.unschedule(nightly.name, 'eu');
    expect((await b.queue.schedules(nightly.name)).map((s) => s.key)).toEqual(['']);
    await expect(a.queue.schedule(nightly.name, 'not a cron', {})).rejects.toThrow();
  });

  it('leave session settings as they were (on the embedded database every connection shares one session)', async () => {
    expect(await sessionSettings()).toEqual(settingsBefore);
  });
});
