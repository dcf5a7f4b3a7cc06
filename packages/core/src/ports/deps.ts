/**
 * The long-lived services core works with, created once at start-up by a
 * composition root (apps/server, apps/worker), which chooses each adapter from the
 * configuration; nothing else looks at which one is in use. Core functions name
 * the ones they need: `ServiceContext & Pick<Deps, 'blobs' | 'jobs'>`.
 */
import type { Db } from '@ap/db/client';
import type { EventBus } from '../shared/events.ts';
import type { BlobStore } from './blob-store.ts';
import type { ChatModel } from './chat-model.ts';
import type { Clock } from './clock.ts';
import type { Embedder } from './embedder.ts';
import type { Extractor } from './extractor.ts';
import type { JobQueue } from './job-queue.ts';
import type { VisionModel } from './vision-model.ts';

export interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  child?(bindings: Record<string, unknown>): Logger;
}

export interface Deps {
  db: Db;
  events: EventBus;
  /** Bytes of documents and attachments (Azure Blob Storage or Azurite). */
  blobs: BlobStore;
  /** Durable background work (the outbox). */
  jobs: JobQueue;
  clock: Clock;
  embedder: Embedder;
  /** Null: no chat model is configured, answers are extractive. */
  chat: ChatModel | null;
  /** Image analysis: Azure AI Vision when configured, else a local analysis (OCR lines, no caption or tags). */
  vision: VisionModel;
  /** Reads documents into the layout shape: Document Intelligence when configured, else the local extractors. */
  extractor: Extractor;
  log?: Logger;
  /** Outgoing webhooks of rules (defaults: workflows/webhooks.ts). */
  webhooks?: { allowPrivateTargets?: boolean; retryDelaysSeconds?: readonly number[]; timeoutMs?: number };
}
