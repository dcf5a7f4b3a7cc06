/**
 * Azurite (Microsoft's Blob Storage emulator) in this process, so the product runs
 * with no storage account: data in a directory, kept across restarts, the
 * well-known development account `devstoreaccount1`. It runs in a thread of its own
 * (embedded-azurite-thread.mjs): its start and its serving use another core than
 * the API's.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The emulator's fixed development account (public, documented by Microsoft). */
export const EMULATOR_ACCOUNT_NAME = 'devstoreaccount1';
export const EMULATOR_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzuriteOptions {
  /** Directory for the emulator's metadata and blob data (created when missing). */
  dataDir: string;
  /** Port to listen on; 0 picks a free one. Default 10000. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
}

export interface EmbeddedAzurite {
  /** A connection string for @azure/storage-blob (account key included). */
  connectionString: string;
  /** The account's blob endpoint, e.g. http://127.0.0.1:10000/devstoreaccount1 */
  url: string;
  port: number;
  /** Stops listening and writes the metadata to disk. Safe to call twice. */
  close(): Promise<void>;
}

/** The connection string of the emulator's development account served at `blobEndpoint` (…/devstoreaccount1). */
export const emulatorConnectionString = (blobEndpoint: string): string =>
  `DefaultEndpointsProtocol=http;AccountName=${EMULATOR_ACCOUNT_NAME};AccountKey=${EMULATOR_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`;

/** What the thread (embedded-azurite-thread.mjs) posts once it listens or failed to. */
type Started = { port: number } | { error: { message: string; code?: string } };

export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const requested = options.port ?? 10000;
  await mkdir(path.join(dataDir, '__blobstorage__'), { recursive: true });
  const thread = new Worker(new URL('./embedded-azurite-thread.mjs', import.meta.url), { workerData: { host, port: requested, dataDir } });
  let onError!: (err: Error) => void;
  let onExit!: (code: number) => void;
  const port = await new Promise<number>((resolve, reject) => {
    onError = reject;
    onExit = (code) => reject(new Error(`The embedded Azurite's thread ended (exit code ${code}) before listening`));
    thread.on('error', onError).on('exit', onExit);
    thread.once('message', (m: Started) => {
      if ('port' in m) return resolve(m.port);
      const cause = Object.assign(new Error(m.error.message), { code: m.error.code });
      reject(
        m.error.code === 'EADDRINUSE'
          ? new Error(
              `The embedded Azurite cannot listen on ${host}:${requested}: the port is in use ` +
                '(set EMBEDDED_BLOB_PORT, or AZURE_STORAGE_CONNECTION_STRING for a running Azurite or account)',
              { cause },
            )
          : cause,
      );
    });
  })
    .catch(async (err: unknown) => {
      await thread.terminate();
      throw err;
    })
    .finally(() => thread.off('error', onError).off('exit', onExit));
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${publicHost}:${port}/${EMULATOR_ACCOUNT_NAME}`;
  // close() resolves when the thread has ended: at once if it already has.
  const ended = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  let asked = false;
  return {
    url,
    port,
    connectionString: emulatorConnectionString(url),
    close: () => {
      if (!asked) thread.postMessage('close');
      asked = true;
      return ended;
    },
  };
}
