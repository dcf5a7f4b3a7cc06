// Documents tests run against a real Blob Storage emulator (Azurite, in this process,
// data in a temporary directory) and the real job queue on the run's database. The
// callers here are the harness's, with the file services added to their context.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCallerFactory } from '@ap/api/trpc';
import { appRouter } from '@ap/api/root';
import { createContextFactory } from '@ap/api/context';
import { jobDefinitions } from '@ap/core/jobs/registry';
import type { BlobStore } from '@ap/core/ports/blob-store';
import { systemClock, type Clock } from '@ap/core/ports/clock';
import type { JobQueue } from '@ap/core/ports/job-queue';
import { startJobRunner, type JobRunner } from '@ap/jobs/runner';
import { createBlobStore, type ConfiguredBlobStore } from '@ap/storage/blob-store';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '@ap/storage/embedded-azurite';
import { testDatabaseUrl } from '@ap/testing/db';
import type { Caller, Harness } from './harness.ts';

export interface FileWorld {
  blobs: ConfiguredBlobStore;
  jobs: JobQueue;
  azurite: EmbeddedAzurite;
  /** A blob store on the same account whose clock is `offsetMs` away (SAS validity tests). */
  storeAt(offsetMs: number): Promise<ConfiguredBlobStore>;
  /** A caller whose context carries the file services (and this clock). */
  caller(token: string, clock?: Clock): Caller;
  close(): Promise<void>;
}

const createCaller = createCallerFactory(appRouter);

/**
 * Gives a server's services a blob store (an Azurite of its own, in a temporary
 * directory) and a job queue on the run's database, unless they have them already.
 */
export async function attachFileServices(deps: object): Promise<{ close(): Promise<void> }> {
  const d = deps as { blobs?: BlobStore; jobs?: JobQueue; clock?: Clock };
  if (d.blobs && d.jobs) return { close: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'ap-blobs-'));
  const azurite = await startEmbeddedAzurite({ dataDir: path.join(dir, 'blob'), port: 0 });
  const blobs = await createBlobStore({
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_CONTAINER: 'documents',
    EMBEDDED_BLOB_PORT: 0,
    DATA_DIR: dir,
    CORS_ORIGINS: [],
  } as unknown as Parameters<typeof createBlobStore>[0]);
  await blobs.ensureReady();
  const runner = await startJobRunner({ databaseUrl: testDatabaseUrl(), handlers: [], definitions: jobDefinitions, max: 2 });
  Object.assign(d, { blobs, jobs: runner.queue, clock: d.clock ?? systemClock });
  return {
    async close() {
      await runner.stop({ graceful: false });
      await blobs.close?.();
      await azurite.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function startFileWorld(h: Harness): Promise<FileWorld> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ap-documents-'));
  const azurite = await startEmbeddedAzurite({ dataDir: path.join(dir, 'blob'), port: 0 });
  const config = {
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_ACCOUNT_URL: undefined,
    AZURE_STORAGE_CONTAINER: 'documents',
    EMBEDDED_BLOB_PORT: 0,
    DATA_DIR: dir,
    CORS_ORIGINS: [],
  } as unknown as Parameters<typeof createBlobStore>[0];
  const blobs = await createBlobStore(config);
  await blobs.ensureReady();
  const runner: JobRunner = await startJobRunner({ databaseUrl: testDatabaseUrl(), handlers: [], definitions: jobDefinitions, max: 2 });
  const extra: BlobStore[] = [];
  return {
    blobs,
    jobs: runner.queue,
    azurite,
    async storeAt(offsetMs) {
      const store = await createBlobStore(config, { now: () => new Date(Date.now() + offsetMs) });
      extra.push(store);
      return store;
    },
    caller(token, clock = systemClock) {
      const deps = { ...h.server.deps, blobs, jobs: runner.queue, clock };
      const ctx = createContextFactory(deps as typeof h.server.deps);
      return createCaller(ctx({ req: new Request('http://test.local/trpc', { headers: { authorization: `Bearer ${token}` } }), requestId: `req-${Math.random().toString(36).slice(2, 10)}` }));
    },
    async close() {
      await runner.stop({ graceful: false });
      for (const s of extra) await (s as ConfiguredBlobStore).close?.();
      await blobs.close?.();
      await azurite.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Asks for an upload and PUTs `bytes` to its URL, as a browser would. */
export async function upload(
  caller: Caller,
  file: { fileName: string; contentType: string; bytes: Uint8Array; declaredSize?: number },
): Promise<{ uploadId: string; url: string; status: number }> {
  const u = await caller.blobStorage.createUpload({
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.declaredSize ?? file.bytes.byteLength,
  });
  const res = await fetch(u.url, { method: 'PUT', headers: u.headers, body: file.bytes });
  return { uploadId: u.uploadId, url: u.url, status: res.status };
}
