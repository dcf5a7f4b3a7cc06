// A worker process: the job runner alone, against a PostgreSQL server.
import type { Env } from '@ap/config/env';
import type { JobQueue } from '@ap/core/ports/job-queue';
import { jobHandlers } from '@ap/jobs/registry';
import { startJobRunner, type JobRunner } from '@ap/jobs/runner';
import type { JobLog, JobRegistration } from '@ap/jobs/types';

export const EMBEDDED_REFUSAL =
  'The worker needs DATABASE_URL (a PostgreSQL server). Without it the database is the ' +
  'embedded one, which belongs to the server process: `npm start` runs the jobs itself ' +
  'while RUN_WORKER is true (the default).';

export class WorkerConfigError extends Error {
  override name = 'WorkerConfigError';
}

export async function startWorker(
  env: Pick<Env, 'DATABASE_URL'>,
  options: { log: JobLog; handlers?: readonly JobRegistration[]; pollingIntervalSeconds?: number },
): Promise<JobRunner> {
  if (!env.DATABASE_URL) throw new WorkerConfigError(EMBEDDED_REFUSAL);
  const runner = await startJobRunner({
    databaseUrl: env.DATABASE_URL,
    handlers: options.handlers ?? jobHandlers,
    log: options.log,
    ...(options.pollingIntervalSeconds !== undefined ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
  });
  // The composition root holds the queue to the core port.
  const port: JobQueue = runner.queue;
  void port;
  return runner;
}
