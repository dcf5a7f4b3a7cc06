// The job registry: every background job of the product, with its retry policy and
// handler. A domain that needs a job adds one entry here (defineJob + registerJob in
// definitions.ts); producers enqueue by its name, and every runner (the server's, when
// RUN_WORKER is true, and `npm run worker`) works it.
import type { JobDefinition, RegisteredJob } from './types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jobHandlers: readonly RegisteredJob<any>[] = [];

/** The definitions of every registered job: what a process that only enqueues needs. */
export const jobDefinitions: readonly JobDefinition[] = jobHandlers.map((j) => j.definition);
