// The composition of core's services outside HTTP: blob store, AI providers and
// job queue (working core's job registry when asked). The worker runs it alone;
// the server runs it beside its HTTP listener.
import { createAiProviders, type AiProviderOptions } from '@ap/ai/providers';
import { type Env, webhookAllowPrivateTargets } from '@ap/config/env';
import { jobDefinitions, jobRegistrations, jobSchedules } from '@ap/core/jobs/registry';
import { systemClock } from '@ap/core/ports/clock';
import type { Deps, Logger } from '@ap/core/ports/deps';
import type { EventBus } from '@ap/core/shared/events';
import type { Db } from '@ap/db/client';
import { startJobRunner } from '@ap/jobs/runner';
import { createBlobStore, type ConfiguredBlobStore } from '@ap/storage/blob-store';

export interface Services {
  deps: Deps;
  /** Stops working jobs (running ones finish, up to `timeoutMs`, or are handed back), then closes the blob store. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

export interface ServicesOptions {
  databaseUrl: string;
  db: Db;
  events: EventBus;
  log: Logger & { info(obj: object, msg?: string): void };
  /** Work the job queue in this process (RUN_WORKER). */
  runJobs: boolean;
  /** Start the embedded Azurite when no storage account is configured (the server's embedded mode). */
  allowEmbeddedBlobs: boolean;
  /** The blob store, opened beforehand with openBlobStore (the server opens it while the database starts). */
  blobs?: Promise<ConfiguredBlobStore>;
  /** Options of the AI providers (retries, circuit breakers), for tests. */
  ai?: AiProviderOptions;
}

export class ServicesConfigError extends Error {
  override name = 'ServicesConfigError';
}

/** The blob store, its container and CORS rules checked (closed again if that fails). */
export async function openBlobStore(env: Env, o: Pick<ServicesOptions, 'log' | 'allowEmbeddedBlobs'>): Promise<ConfiguredBlobStore> {
  if (!o.allowEmbeddedBlobs && !env.AZURE_STORAGE_CONNECTION_STRING && !env.AZURE_STORAGE_ACCOUNT_URL) {
    throw new ServicesConfigError(
      'AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL is required here: the embedded Azurite belongs to the server process',
    );
  }
  const blobs = await createBlobStore(env);
  try {
    const ready = await blobs.ensureReady();
    o.log.info({ mode: blobs.mode, container: env.AZURE_STORAGE_CONTAINER, cors: ready.cors }, 'blob storage ready');
    return blobs;
  } catch (err) {
    await blobs.close();
    throw err;
  }
}

export async function startServices(env: Env, o: ServicesOptions): Promise<Services> {
  const blobs = await (o.blobs ?? openBlobStore(env, o));
  let ai: ReturnType<typeof createAiProviders> | undefined;
  try {
    ai = createAiProviders(env, {
      ...o.ai,
      breaker: {
        ...o.ai?.breaker,
        onStateChange: (e) => {
          o.log[e.state === 'closed' ? 'info' : 'warn'](e, `AI ${e.service} circuit ${e.state}`);
          o.ai?.breaker?.onStateChange?.(e);
        },
      },
    });
    o.log.info(
      {
        provider: ai.provider,
        embedder: ai.embedder.model,
        chat: ai.chat?.model ?? null,
        extractor: ai.extractor.provider,
        vision: ai.vision.model,
      },
      'AI providers chosen',
    );
    const base = {
      db: o.db,
      events: o.events,
      blobs,
      clock: systemClock,
      embedder: ai.embedder,
      chat: ai.chat,
      vision: ai.vision,
      extractor: ai.extractor,
      log: o.log,
      webhooks: { allowPrivateTargets: webhookAllowPrivateTargets(env) },
    };
    let deps!: Deps;
    const runner = await startJobRunner({
      databaseUrl: o.databaseUrl,
      definitions: jobDefinitions,
      log: o.log,
      handlers: (queue) => {
        deps = { ...base, jobs: queue };
        return o.runJobs ? jobRegistrations(deps) : [];
      },
    });
    if (o.runJobs) for (const s of jobSchedules) await runner.queue.schedule(s.name, s.cron, s.data);
    return {
      deps,
      async close(options = {}) {
        await runner.stop({ graceful: true, timeoutMs: options.timeoutMs ?? 30_000 });
        await ai?.close();
        await blobs.close();
      },
    };
  } catch (err) {
    await ai?.close().catch(() => undefined);
    await blobs.close();
    throw err;
  }
}
