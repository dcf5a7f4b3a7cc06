import type { JobDefinition, JobHandler, JsonObject, RegisteredJob } from './types.ts';

/** Defaults: 3 retries backing off from 5 s (about 5, 10, 20 s), 15 minutes per attempt, a dead-letter copy. */
export function defineJob(name: string, policy: Partial<Omit<JobDefinition, 'name'>> = {}): JobDefinition {
  return {
    name,
    retryLimit: 3,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: `${name}.dead`,
    ...policy,
  };
}

/** Pairs a definition with its handler (and the handler's data type). */
export function registerJob<T extends JsonObject>(
  definition: JobDefinition,
  handler: JobHandler<T>,
  options: { concurrency?: number } = {},
): RegisteredJob<T> {
  return { definition, handler, ...options };
}
