/**
 * Every background job of the product: its definition (retry policy), and its
 * handler bound to the services it needs. A domain that needs a job adds it here;
 * producers enqueue by its name through the JobQueue port, and every runner (the
 * server's while RUN_WORKER is true, and `npm run worker`) works it. Handlers must
 * be idempotent (see the port).
 */
import {
  ACTION_POINT_EMBED_JOB,
  ACTION_POINT_EMBED_SWEEP_JOB,
  embedActionPointJob,
  sweepActionPointEmbeddings,
  type EmbedJobData,
} from '../action-points/embeddings.ts';
import { purgeDocument } from '../documents/documents.ts';
import { BLOB_DELETE_JOB, DOCUMENT_PROCESS_JOB, DOCUMENT_PURGE_JOB, UPLOADS_SWEEP_JOB } from '../documents/jobs.ts';
import { sweepUploads } from '../documents/uploads.ts';
import { PROCESS_CONCURRENCY, processDocument, type ProcessJobData } from '../knowledge/processing.ts';
import type { Deps } from '../ports/deps.ts';
import { sweepIdempotencyKeys } from '../shared/idempotency.ts';
import { sweepRateLimitWindows } from '@ap/db/rate-limits';
import type { JobDefinition, JobRegistration, JsonObject, RunningJob } from '../ports/job-queue.ts';
import { runRule } from '../workflows/engine.ts';
import { RULE_RUN_JOB } from '../workflows/hook.ts';
import { WORKFLOW_TICK_JOB, workflowTick } from '../workflows/ticks.ts';
import { deliverWebhook, WEBHOOK_JOB, type WebhookJobData } from '../workflows/webhooks.ts';

/**
 * Defaults: 3 retries backing off from 5 s (about 5, 10, 20 s), 15 minutes per attempt,
 * a heartbeat every 15 s (a job whose worker died is retried after 30 s), a dead-letter copy.
 */
export function defineJob(name: string, policy: Partial<Omit<JobDefinition, 'name'>> = {}): JobDefinition {
  return {
    name,
    retryLimit: 3,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    heartbeatSeconds: 30,
    deadLetter: `${name}.dead`,
    ...policy,
  };
}

const definitions = {
  /** Extract, chunk and embed a document (knowledge/processing.ts). */
  documentProcess: defineJob(DOCUMENT_PROCESS_JOB, { retryLimit: 3, expireInSeconds: 30 * 60 }),
  documentPurge: defineJob(DOCUMENT_PURGE_JOB, { retryLimit: 10, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600 }),
  blobDelete: defineJob(BLOB_DELETE_JOB, { retryLimit: 10, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600 }),
  uploadsSweep: defineJob(UPLOADS_SWEEP_JOB, { retryLimit: 1, expireInSeconds: 10 * 60 }),
  /** Idempotency keys older than 24 hours (shared/idempotency.ts) and ended rate-limit windows (shared/rate-limit.ts). */
  requestsSweep: defineJob('requests.sweep', { retryLimit: 1, expireInSeconds: 10 * 60 }),
  /** One run of one rule for one event (workflows/engine.ts); its retries are its own, not the webhooks'. */
  workflowRun: defineJob(RULE_RUN_JOB, { retryLimit: 3, expireInSeconds: 5 * 60 }),
  /** Time-based triggers (workflows/ticks.ts), every minute. */
  workflowTick: defineJob(WORKFLOW_TICK_JOB, { retryLimit: 0, expireInSeconds: 5 * 60 }),
  /** One attempt of an outgoing webhook; the next attempt is a job of its own, queued with its backoff. */
  workflowWebhook: defineJob(WEBHOOK_JOB, { retryLimit: 2, retryDelaySeconds: 30, expireInSeconds: 2 * 60 }),
  /** Embed an action point's title and description (action-points/embeddings.ts). */
  actionPointEmbed: defineJob(ACTION_POINT_EMBED_JOB, {
    retryLimit: 5,
    retryDelaySeconds: 10,
    retryDelayMaxSeconds: 600,
    expireInSeconds: 5 * 60,
  }),
  actionPointEmbedSweep: defineJob(ACTION_POINT_EMBED_SWEEP_JOB, { retryLimit: 1, expireInSeconds: 10 * 60 }),
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
export const jobSchedules: readonly JobSchedule[] = [
  { name: UPLOADS_SWEEP_JOB, cron: '*/15 * * * *', data: {} },
  { name: definitions.requestsSweep.name, cron: '7 * * * *', data: {} },
  { name: WORKFLOW_TICK_JOB, cron: '* * * * *', data: {} },
  { name: ACTION_POINT_EMBED_SWEEP_JOB, cron: '37 * * * *', data: {} },
];

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
      definition: definitions.actionPointEmbed,
      handler: async (job: RunningJob<EmbedJobData>) => embedActionPointJob(deps, job),
      concurrency: 2,
    },
    {
      definition: definitions.actionPointEmbedSweep,
      handler: async (job: RunningJob) => {
        const n = await sweepActionPointEmbeddings(deps, job.signal);
        if (n > 0) deps.log?.info({ actionPoints: n }, 'action points embedded by the sweep');
      },
    },
    {
      definition: definitions.uploadsSweep,
      handler: async () => {
        const n = await sweepUploads(deps);
        if (n > 0) deps.log?.info({ uploads: n }, 'stale uploads deleted');
      },
    },
    {
      definition: definitions.requestsSweep,
      handler: async () => {
        await sweepIdempotencyKeys(deps.db);
        await sweepRateLimitWindows(deps.db);
      },
    },
    {
      definition: definitions.workflowRun,
      handler: async (job: RunningJob<{ runId: string }>) => runRule(deps, job),
      concurrency: 4,
    },
    {
      definition: definitions.workflowTick,
      handler: async () => {
        await workflowTick(deps);
      },
    },
    {
      definition: definitions.workflowWebhook,
      handler: async (job: RunningJob<WebhookJobData>) => deliverWebhook(deps, job),
      concurrency: 4,
    },
  ];
}
