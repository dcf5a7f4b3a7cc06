// The job queue's types, the same shapes as the core port (packages/core/src/ports/
// job-queue.ts), which composition roots check this package's queue against.
import type { DbTx } from '@ap/db/client';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface JobDefinition {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  retryDelayMaxSeconds?: number;
  expireInSeconds: number;
  deadLetter?: string;
}

export interface NewJob<T extends JsonObject = JsonObject> {
  name: string;
  data: T;
  key?: string;
  startAfter?: Date;
  priority?: number;
}

export interface RunningJob<T extends JsonObject = JsonObject> {
  id: string;
  name: string;
  data: T;
  attempt: number;
  maxAttempts: number;
  signal: AbortSignal;
}

/** Must be idempotent: a job can run again after its effect happened (see the core port). */
export type JobHandler<T extends JsonObject = JsonObject> = (job: RunningJob<T>) => Promise<void>;

export interface WorkOptions {
  concurrency?: number;
}

export interface ScheduleOptions {
  tz?: string;
  key?: string;
}

export interface StopOptions {
  graceful?: boolean;
  timeoutMs?: number;
}

export interface FailedJob {
  id: string;
  name: string;
  data: JsonObject;
  key: string | null;
  attempts: number;
  error: string | null;
  failedAt: Date | null;
}

/** A job's definition with the handler that runs it. */
export interface RegisteredJob<T extends JsonObject = JsonObject> {
  definition: JobDefinition;
  handler: JobHandler<T>;
  /** Jobs of this name run at once per process. Default 1. */
  concurrency?: number;
}

/** A registered job of any data type (what runners take). */
export type JobRegistration = RegisteredJob<any>;

/** pino-compatible (pino loggers and console both fit). */
export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type { DbTx };
