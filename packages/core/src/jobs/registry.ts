/**
 * Every background job of the product: its definition (retry policy), and its
 * handler bound to the services it needs. A domain that needs a job adds it here;
 * producers enqueue by its name through the JobQueue port, and every runner (the
 * server's while RUN_WORKER is true, and `npm run worker`) works it. Handlers must
 * be idempotent (see the port).
 */
import type { Deps } from '../ports/deps.ts';
import type { JobDefinition, JobRegistration } from '../ports/job-queue.ts';

/** Defaults: 3 retries backing off from 5 s (about 5, 10, 20 s), 15 minutes per attempt, a dead-letter copy. */
export function defineJob(name: string, policy: Partial<Omit<JobDefinition, 'name'>> = {}): JobDefinition {
  return { name, retryLimit: 3, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 15 * 60, deadLetter: `${name}.dead`, ...policy };
}

/** The definitions of every job: what a process that only enqueues needs. */
export const jobDefinitions: readonly JobDefinition[] = [];

/** Every job with its handler, bound to `deps`. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds handlers of every data type
export function jobRegistrations(_deps: Deps): readonly JobRegistration<any>[] {
  return [];
}
