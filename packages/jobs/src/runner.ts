// The job runner: a started queue working the jobs it is given (core's registry, in
// the composition roots: the server's when RUN_WORKER is true, and `npm run worker`).
import { createJobQueue, type PgBossJobQueue } from './queue.ts';
import type { JobDefinition, JobLog, AnyJobRegistration, StopOptions } from './types.ts';

export interface JobRunnerOptions {
  databaseUrl: string;
  /** The jobs to work, or a function of the queue that gives them (when their handlers enqueue too). */
  handlers: readonly AnyJobRegistration[] | ((queue: PgBossJobQueue) => readonly AnyJobRegistration[]);
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
  const definitions = new Map<string, JobDefinition>();
  const given = typeof options.handlers === 'function' ? null : options.handlers;
  for (const d of [...(options.definitions ?? []), ...(given ?? []).map((h) => h.definition)]) definitions.set(d.name, d);
  const queue = await createJobQueue({
    databaseUrl: options.databaseUrl,
    definitions: [...definitions.values()],
    ...(options.schema !== undefined ? { schema: options.schema } : {}),
    ...(options.pollingIntervalSeconds !== undefined ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  let handlers: readonly AnyJobRegistration[] = [];
  try {
    handlers = given ?? (options.handlers as (queue: PgBossJobQueue) => readonly AnyJobRegistration[])(queue);
    for (const h of handlers) {
      if (!definitions.has(h.definition.name)) throw new Error(`Job ${h.definition.name} has a handler but no definition`);
      await queue.work(h.definition.name, h.handler, { ...(h.concurrency !== undefined ? { concurrency: h.concurrency } : {}) });
    }
  } catch (err) {
    await queue.stop({ graceful: false });
    throw err;
  }
  options.log?.info({ jobs: handlers.map((h) => h.definition.name) }, 'job runner started');
  return { queue, stop: (o) => queue.stop(o) };
}
