/**
 * Azurite (Microsoft's Blob Storage emulator) in this process, so the product runs
 * with no storage account: data in a directory, kept across restarts, the
 * well-known development account `devstoreaccount1`.
 *
 * Azurite has no exports map and no in-process API of its own; its BlobServer and
 * BlobConfiguration classes are loaded by path (azurite 3.37).
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

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

interface AzuriteBlobServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type BlobServerClass = new (config: unknown) => AzuriteBlobServer;
type BlobConfigurationClass = new (...args: unknown[]) => unknown;

const require = createRequire(import.meta.url);

function loadAzurite(): { BlobServer: BlobServerClass; BlobConfiguration: BlobConfigurationClass } {
  const BlobServer = (require('azurite/dist/src/blob/BlobServer') as { default: BlobServerClass }).default;
  const BlobConfiguration = (require('azurite/dist/src/blob/BlobConfiguration') as { default: BlobConfigurationClass }).default;
  return { BlobServer, BlobConfiguration };
}

/** Seconds an idle keep-alive connection stays open (Azurite's default). */
const KEEP_ALIVE_SECONDS = 5;

export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const extentsDir = path.join(dataDir, '__blobstorage__');
  await mkdir(extentsDir, { recursive: true });
  const { BlobServer, BlobConfiguration } = loadAzurite();
  const config = new BlobConfiguration(
    host,
    options.port ?? 10000,
    KEEP_ALIVE_SECONDS,
    path.join(dataDir, '__azurite_db_blob__.json'),
    path.join(dataDir, '__azurite_db_blob_extent__.json'),
    [{ locationId: 'Default', locationPath: extentsDir, maxConcurrency: 10 }],
    false, // access log
    undefined,
    false, // debug log
    undefined,
    false, // loose
    true, // skipApiVersionCheck: newer SDKs send API versions this Azurite does not list yet
  );
  const server = new BlobServer(config);
  try {
    await server.start();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `The embedded Azurite cannot listen on ${host}:${options.port ?? 10000}: the port is in use ` +
          '(set EMBEDDED_BLOB_PORT, or AZURE_STORAGE_CONNECTION_STRING for a running Azurite or account)',
        { cause: err },
      );
    }
    throw err;
  }
  const port = Number(new URL(server.getHttpServerAddress()).port);
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${publicHost}:${port}/${EMULATOR_ACCOUNT_NAME}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${EMULATOR_ACCOUNT_NAME};` + `AccountKey=${EMULATOR_ACCOUNT_KEY};BlobEndpoint=${url};`,
    close: () => (closing ??= server.close()),
  };
}
