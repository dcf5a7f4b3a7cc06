// What the document benches share: core's processing services on a bench database
// (Prisma client, event bus, an embedded Azurite for the blobs, the local
// extractors, an embedder), users, documents inserted with their blob and no job,
// and runs of the real `document.process` handler that report their stage timings.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAiProviders } from '@ap/ai/providers';
import { parseEnv } from '@ap/config/env';
import { processDocument, type ProcessingDeps, type StageTimings } from '@ap/core/knowledge/processing';
import type { Embedder } from '@ap/core/ports/embedder';
import { createEventBus } from '@ap/core/shared/event-bus';
import { connectionsHaveOwnBackends, createDb, type Db } from '@ap/db/client';
import { createBlobStore } from '@ap/storage/blob-store';

export interface DocumentFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface Processed {
  documentId: string;
  pageCount: number | null;
  chunkCount: number;
  ms: StageTimings;
}

export interface DocumentKit {
  db: Db;
  deps: ProcessingDeps;
  /** A new user's id. */
  user(): Promise<string>;
  /** A QUEUED document of `ownerId` with its blob, and no job. */
  insert(ownerId: string, file: DocumentFile): Promise<{ id: string; version: number }>;
  /** Runs `document.process` for the document; its stage timings. */
  process(doc: { id: string; version: number }): Promise<Processed>;
  close(): Promise<void>;
}

/** `env`: configuration overrides (OPENAI_* for a hosted embedder); `embedder` replaces the configured one. */
export async function openDocumentKit(
  url: string,
  opts: { env?: Record<string, string>; embedder?: Embedder; embeddingConcurrency?: number } = {},
): Promise<DocumentKit> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ap-bench-docs-'));
  const env = parseEnv({ DATABASE_URL: url, DATA_DIR: dataDir, EMBEDDED_BLOB_PORT: '0', ...opts.env });
  // As the server makes it: prepared statements where each connection has its own backend.
  const db = createDb(url, { max: 10, preparedStatements: await connectionsHaveOwnBackends(url) });
  const events = await createEventBus({ url, db });
  const blobs = await createBlobStore(env);
  await blobs.ensureReady();
  const ai = createAiProviders(env, opts.embeddingConcurrency ? { embeddingConcurrency: opts.embeddingConcurrency } : {});
  const done = new Map<string, Processed>();
  const log = {
    error() {},
    warn(obj: unknown, msg?: string) {
      console.error(`[bench] ${msg}`, (obj as { err?: unknown }).err ?? '');
    },
    info(obj: unknown, msg?: string) {
      if (msg !== 'document processed') return;
      const o = obj as Processed;
      done.set(o.documentId, o);
    },
  };
  const deps: ProcessingDeps = { db, events, blobs, extractor: ai.extractor, embedder: opts.embedder ?? ai.embedder, log };
  return {
    db,
    deps,
    async user() {
      const u = await db.user.create({ data: { clerkId: `user_bench_${randomUUID()}`, email: null } });
      return u.id;
    },
    async insert(ownerId, file) {
      const blobName = `documents/bench/${randomUUID()}`;
      await blobs.put(blobName, file.bytes, file.contentType);
      return db.document.create({
        data: {
          title: file.fileName,
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.bytes.byteLength,
          sha256: randomUUID().replace(/-/g, ''),
          status: 'QUEUED',
          ownerId,
          blobName,
        },
        select: { id: true, version: true },
      });
    },
    async process(doc) {
      const signal = new AbortController().signal;
      await processDocument(deps, {
        id: randomUUID(),
        name: 'document.process',
        data: { documentId: doc.id, version: doc.version },
        attempt: 1,
        maxAttempts: 1,
        signal,
      });
      const result = done.get(doc.id);
      if (!result) throw new Error(`document ${doc.id} was not processed`);
      return result;
    },
    async close() {
      await ai.extractor.close();
      await blobs.close();
      await events.close?.();
      await db.$disconnect();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
