/**
 * Every background job of the product: its definition (retry policy), and its
 * handler bound to the services it needs. A domain that needs a job adds it here;
 * producers enqueue by its name through the JobQueue port, and every runner (the
 * server's while RUN_WORKER is true, and `npm run worker`) works it. Handlers must
 * be idempotent (see the port).
 */
import { purgeDocument } from '../documents/documents.ts';
import { BLOB_DELETE_JOB, DOCUMENT_PROCESS_JOB, DOCUMENT_PURGE_JOB, UPLOADS_SWEEP_JOB } from '../documents/jobs.ts';
import { sweepUploads } from '../documents/uploads.ts';
import { PROCESS_CONCURRENCY, processDocument, type ProcessJobData } from '../knowledge/processing.ts';
import type { Deps } from '../ports/deps.ts';
import type { JobDefinition, JobRegistration, JsonObject, RunningJob } from '../ports/job-queue.ts';

/** Defaults: 3 retries backing off from 5 s (about 5, 10, 20 s), 15 minutes per attempt, a dead-letter copy. */
export function defineJob(name: string, policy: Partial<Omit<JobDefinition, 'name'>> = {}): JobDefinition {
  return { name, retryLimit: 3, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 15 * 60, deadLetter: `${name}.dead`, ...policy };
}

const definitions = {
  /** Extract, chunk and embed a document (knowledge/processing.ts). */
  documentProcess: defineJob(DOCUMENT_PROCESS_JOB, { retryLimit: 3, expireInSeconds: 30 * 60 }),
  documentPurge: defineJob(DOCUMENT_PURGE_JOB, { retryLimit: 10, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600 }),
  blobDelete: defineJob(BLOB_DELETE_JOB, { retryLimit: 10, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600 }),
  uploadsSweep: defineJob(UPLOADS_SWEEP_JOB, { retryLimit: 1, expireInSeconds: 10 * 60 }),
};

/** The definitions of every job: what a process that only enqueues needs. */
export const jobDefinitions: readonly JobDefinition[] = Object.values(definitions);

/** A job enqueued on a cron schedule by the processes that work jobs. */
export interface JobSchedule {
  name: string;
  cron: string;
  data: JsonObject;
}

/** Periodic jobs (stored in the queue: with many processes each tick fires once). */
export const jobSchedules: readonly JobSchedule[] = [{ name: UPLOADS_SWEEP_JOB, cron: '*/15 * * * *', data: {} }];

/** Every job with its handler, bound to `deps`. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds handlers of every data type
export function jobRegistrations(deps: Deps): readonly JobRegistration<any>[] {
  return [
    {
      definition: definitions.documentProcess,
      handler: async (job: RunningJob<ProcessJobData>) => processDocument(deps, job),
      concurrency: PROCESS_CONCURRENCY,
    },
    {
      definition: definitions.documentPurge,
      handler: async (job: { data: { documentId: string } }) => purgeDocument(deps, job.data.documentId),
    },
    {
      definition: definitions.blobDelete,
      handler: async (job: { data: { blobName: string } }) => {
        await deps.blobs.delete(job.data.blobName);
      },
    },
    {
      definition: definitions.uploadsSweep,
      handler: async () => {
        const n = await sweepUploads(deps);
        if (n > 0) deps.log?.info({ uploads: n }, 'stale uploads deleted');
      },
    },
  ];
}
