// The job queue port: durable background jobs written as an outbox. A job enqueued
// through a transaction commits or rolls back with the change that caused it.
import type { DbTx } from '@ap/db/client';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A job's name and retry policy, declared once per job. An attempt that throws (or
 * runs past expireInSeconds) is retried up to retryLimit times, then the job is
 * failed (see JobQueue.failed) and a copy goes to the deadLetter queue, if named.
 */
export interface JobDefinition {
  name: string;
  /** Retries after the first attempt: a job runs at most retryLimit + 1 times. */
  retryLimit: number;
  /** Delay before the first retry; with retryBackoff it roughly doubles on each retry (with jitter). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** Upper bound of a backed-off delay. Unset: none. */
  retryDelayMaxSeconds?: number;
  /** How long one attempt may run before it counts as failed and its signal aborts. */
  expireInSeconds: number;
  /** Queue that keeps a copy of each job that failed for good. Unset: none. */
  deadLetter?: string;
  /**
   * A running job's worker refreshes it at half this interval; a job not refreshed
   * for this long (its process was killed) counts as failed and is retried by
   * another worker, long before `expireInSeconds`. At least 10. Unset: none.
   */
  heartbeatSeconds?: number;
}

export interface NewJob<T extends JsonObject = JsonObject> {
  name: string;
  data: T;
  /**
   * Idempotency key: while a job with this name and key is pending, retrying or
   * running, another enqueue with the same key does nothing (and returns null).
   */
  key?: string;
  /** Not before this time. */
  startAfter?: Date;
  /** Higher runs first. Default 0. */
  priority?: number;
}

/** What a handler gets: one attempt of one job. */
export interface RunningJob<T extends JsonObject = JsonObject> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** retryLimit + 1. */
  maxAttempts: number;
  /** Aborted when the attempt expires or the runner stops without waiting for it. */
  signal: AbortSignal;
}

/**
 * Handles one attempt. Delivery is at least once: an attempt can be cut short (a
 * process stopped, an attempt expired) after its effect happened, and the job then
 * runs again. Handlers must be idempotent — key their effects on the job's data (or
 * id), e.g. an insert with ON CONFLICT DO NOTHING, or a state check before acting.
 * Throwing fails the attempt (retried per the job's definition).
 */
export type JobHandler<T extends JsonObject = JsonObject> = (job: RunningJob<T>) => Promise<void>;

/** A job's definition with the handler that runs it (what runners are given). */
export interface JobRegistration<T extends JsonObject = JsonObject> {
  definition: JobDefinition;
  handler: JobHandler<T>;
  /** Jobs of this name run at once per process. Default 1. */
  concurrency?: number;
}

export interface WorkOptions {
  /** Jobs of this name run at once in this process. Default 1. */
  concurrency?: number;
}

export interface ScheduleOptions {
  /** IANA time zone the cron expression is read in. Default UTC. */
  tz?: string;
  /** Several schedules of one job name are told apart by key. */
  key?: string;
}

export interface StopOptions {
  /** Wait for running jobs (up to timeoutMs) before stopping. Default true. */
  graceful?: boolean;
  /** Then, jobs still running are handed back (failed, so retried per their definition). */
  timeoutMs?: number;
}

/** A job that failed for good: its retries are used up. */
export interface FailedJob {
  id: string;
  name: string;
  data: JsonObject;
  key: string | null;
  attempts: number;
  /** The last attempt's error message. */
  error: string | null;
  failedAt: Date | null;
}

export interface JobQueue {
  /**
   * Writes the job through the transaction's own connection (an outbox row): it is
   * delivered only if the transaction commits. Returns the job id, or null when
   * `key` deduplicated it.
   */
  enqueue<T extends JsonObject>(tx: DbTx, job: NewJob<T>): Promise<string | null>;
  /** Enqueues outside any transaction (sweeps, schedules, scripts). */
  enqueueNow<T extends JsonObject>(job: NewJob<T>): Promise<string | null>;
  /** Runs `handler` for jobs of this name until stop(). */
  work<T extends JsonObject>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  /**
   * Enqueues `data` as a job of this name on each cron tick. Stored in the database,
   * so with many processes each tick fires once; scheduling again replaces it.
   */
  schedule(name: string, cron: string, data: JsonObject, options?: ScheduleOptions): Promise<void>;
  unschedule(name: string, key?: string): Promise<void>;
  /** Jobs of this name that failed for good, newest first. */
  failed(name: string, options?: { limit?: number }): Promise<FailedJob[]>;
  /** Stops working; see StopOptions. */
  stop(options?: StopOptions): Promise<void>;
}

/** What domain code that only causes jobs needs. */
export type JobProducer = Pick<JobQueue, 'enqueue' | 'enqueueNow'>;
