// A worker process: core's services with the job runner, against a PostgreSQL
// server and a configured storage account.
import type { Env } from '@ap/config/env';
import type { Logger } from '@ap/core/ports/deps';
import { createEventBus } from '@ap/core/shared/event-bus';
import { createDb } from '@ap/db/client';
import { startServices, type Services } from './services.ts';

export const EMBEDDED_REFUSAL =
  'The worker needs DATABASE_URL (a PostgreSQL server). Without it the database is the ' +
  'embedded one, which belongs to the server process: `npm start` runs the jobs itself ' +
  'while RUN_WORKER is true (the default).';

export class WorkerConfigError extends Error {
  override name = 'WorkerConfigError';
}

export interface Worker {
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export async function startWorker(env: Env, options: { log: Logger & { info(obj: object, msg?: string): void } }): Promise<Worker> {
  if (!env.DATABASE_URL) throw new WorkerConfigError(EMBEDDED_REFUSAL);
  const db = createDb(env.DATABASE_URL, { max: 4 });
  const events = await createEventBus({ url: env.DATABASE_URL, db, log: options.log });
  let services: Services;
  try {
    services = await startServices(env, {
      databaseUrl: env.DATABASE_URL,
      db,
      events,
      log: options.log,
      runJobs: true,
      allowEmbeddedBlobs: false,
    });
  } catch (err) {
    await events.close?.();
    await db.$disconnect();
    throw err;
  }
  return {
    async stop(o) {
      await services.close(o);
      await events.close?.();
      await db.$disconnect();
    },
  };
}
