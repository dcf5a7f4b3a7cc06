import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from '@ap/testing/db';
import { startJobRunner, type JobRunner, type JobRunnerOptions } from '../src/runner.ts';
import type { JobDefinition, JobHandler, JobRegistration, JsonObject } from '../src/types.ts';

export { defineJob } from '@ap/core/jobs/registry';

/** Pairs a definition with its handler (and the handler's data type). */
export const registerJob = <T extends JsonObject>(
  definition: JobDefinition,
  handler: JobHandler<T>,
  options: { concurrency?: number } = {},
): JobRegistration<T> => ({ definition, handler, ...options });

/** Effects handlers leave, in a schema of the tests' own (the app's schema stays as migrated). */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function ensureEffectTables(): Promise<void> {
  await sql(`CREATE SCHEMA IF NOT EXISTS jobs_test`);
  await sql(`CREATE TABLE IF NOT EXISTS jobs_test.effect (key text PRIMARY KEY, job_id text NOT NULL)`);
  await sql(`CREATE TABLE IF NOT EXISTS jobs_test.attempt (
    job_id text NOT NULL, key text, attempt int NOT NULL, runner text NOT NULL)`);
}

/** A job name of its own per test, so tests sharing a queue schema never see each other's jobs. */
export const uniqueName = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}`;

export async function runner(
  options: Omit<JobRunnerOptions, 'databaseUrl' | 'handlers'> & Partial<Pick<JobRunnerOptions, 'handlers'>>,
): Promise<JobRunner> {
  return startJobRunner({ databaseUrl: testDatabaseUrl(), pollingIntervalSeconds: 0.5, max: 3, handlers: [], ...options });
}

/** Polls `check` until it returns a value other than undefined/false. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function jobState(schema: string, id: string): Promise<string | undefined> {
  const rows = await sql<{ state: string }>(`SELECT state::text AS state FROM ${schema}.job WHERE id = $1`, [id]);
  return rows[0]?.state;
}
