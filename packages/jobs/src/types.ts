// The job queue port this package implements (types only: no runtime import of core),
// and what the runner adds.
import type { JobRegistration } from '@ap/core/ports/job-queue';

export type {
  FailedJob,
  JobDefinition,
  JobHandler,
  JobQueue,
  JobRegistration,
  JsonObject,
  JsonValue,
  NewJob,
  RunningJob,
  ScheduleOptions,
  StopOptions,
  WorkOptions,
} from '@ap/core/ports/job-queue';

/** A registered job of any data type (what runners take). */
// biome-ignore lint/suspicious/noExplicitAny: runners take handlers of every data type
export type AnyJobRegistration = JobRegistration<any>;

/** pino-compatible (pino loggers and console both fit). */
export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
