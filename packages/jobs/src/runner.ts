// The job runner: a started queue working every registered job. The server starts
// one when RUN_WORKER is true; `npm run worker` (apps/worker) runs one alone.
import { createJobQueue, type PgBossJobQueue } from './queue.ts';
import { jobHandlers } from './registry.ts';
import type { JobDefinition, JobLog, JobRegistration, StopOptions } from './types.ts';

export interface JobRunnerOptions {
  databaseUrl: string;
  /** The jobs to work. Default: the registry's (registry.ts). */
  handlers?: readonly JobRegistration[];
  /** Jobs this process only enqueues (their queues are created too). */
  definitions?: readonly JobDefinition[];
  log?: JobLog;
  /** Seconds between polls for new jobs (≥ 0.5). Default 1. */
  pollingIntervalSeconds?: number;
  /** Schema of the queue's tables. Default `pgboss`. */
  schema?: string;
  /** Pool size of the runner's own connections. Default 4. */
  max?: number;
}

export interface JobRunner {
  /** The runner's queue (also for enqueueing). */
  queue: PgBossJobQueue;
  /** Stops taking jobs, waits for running ones (30 s by default), hands back the rest. */
  stop(options?: StopOptions): Promise<void>;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const handlers = options.handlers ?? jobHandlers;
  const definitions = new Map<string, JobDefinition>();
  for (const d of [...(options.definitions ?? []), ...handlers.map((h) => h.definition)]) definitions.set(d.name, d);
  const queue = await createJobQueue({
    databaseUrl: options.databaseUrl,
    definitions: [...definitions.values()],
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.pollingIntervalSeconds !== undefined ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    for (const h of handlers) {
      await queue.work(h.definition.name, h.handler, { ...(h.concurrency !== undefined ? { concurrency: h.concurrency } : {}) });
    }
  } catch (err) {
    await queue.stop({ graceful: false });
    throw err;
  }
  options.log?.info({ jobs: handlers.map((h) => h.definition.name) }, 'job runner started');
  return { queue, stop: (o) => queue.stop(o) };
}
