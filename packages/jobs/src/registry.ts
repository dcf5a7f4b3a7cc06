// The job registry: every background job of the product, with its retry policy and
// handler. A domain that needs a job adds one entry here (defineJob + registerJob in
// definitions.ts); producers enqueue by its name, and every runner (the server's, when
// RUN_WORKER is true, and `npm run worker`) works it.
import type { JobDefinition, JobRegistration } from './types.ts';

export const jobHandlers: readonly JobRegistration[] = [];

/** The definitions of every registered job: what a process that only enqueues needs. */
export const jobDefinitions: readonly JobDefinition[] = jobHandlers.map((j) => j.definition);
