// Documents tests use the test server's own blob store (the run's Azurite) and job
// queue. The callers here are the harness's, with a request id and, when given, a
// clock of the test's.
import { createCallerFactory } from '@ap/api/trpc';
import { appRouter } from '@ap/api/root';
import { createContextFactory } from '@ap/api/context';
import type { BlobStore } from '@ap/core/ports/blob-store';
import type { Clock } from '@ap/core/ports/clock';
import type { JobQueue } from '@ap/core/ports/job-queue';
import { createBlobStore, type ConfiguredBlobStore } from '@ap/storage/blob-store';
import { testBlobConnectionString } from '@ap/testing/db';
import { randomUUID } from 'node:crypto';
import { processDocument } from '@ap/core/knowledge/processing';
import type { Caller, Harness } from './harness.ts';

export interface FileWorld {
  blobs: BlobStore;
  jobs: JobQueue;
  /** A blob store on the same account whose clock is `offsetMs` away (SAS validity tests). */
  storeAt(offsetMs: number): Promise<ConfiguredBlobStore>;
  /** A caller with a request id of its own (and `clock`, when given). */
  caller(token: string, clock?: Clock): Caller;
  close(): Promise<void>;
}

const createCaller = createCallerFactory(appRouter);

export async function startFileWorld(h: Harness): Promise<FileWorld> {
  const extra: ConfiguredBlobStore[] = [];
  const deps = h.server.deps;
  return {
    blobs: deps.blobs,
    jobs: deps.jobs,
    async storeAt(offsetMs) {
      const store = await createBlobStore(
        { ...deps.env, AZURE_STORAGE_CONNECTION_STRING: testBlobConnectionString() },
        { now: () => new Date(Date.now() + offsetMs) },
      );
      extra.push(store);
      return store;
    },
    caller(token, clock) {
      const ctx = createContextFactory(clock ? { ...deps, clock } : deps);
      const req = new Request('http://test.local/trpc', { headers: { authorization: `Bearer ${token}` } });
      return createCaller(ctx({ req, requestId: `req-${Math.random().toString(36).slice(2, 10)}` }));
    },
    async close() {
      for (const s of extra) await s.close();
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

/** A `document.process` job for a document's version, as the job runner hands it to its handler. */
export function processJob(doc: { id: string; version: number }, attempt = 1, maxAttempts = 4) {
  return {
    id: randomUUID(),
    name: 'document.process',
    data: { documentId: doc.id, version: doc.version },
    attempt,
    maxAttempts,
    signal: new AbortController().signal,
  };
}

/** An inline document of `token`'s user, processed in this process with the server's services (for a server that works no jobs). */
export async function processedHere(h: Harness, token: string, title: string, text: string): Promise<string> {
  const doc = await h.caller(token).documents.create({ title, text });
  await processDocument(h.server.deps, processJob(doc));
  return doc.id;
}
