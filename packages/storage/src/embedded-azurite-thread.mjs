// The embedded Azurite's thread (started by embedded-azurite.ts): loading and serving
// Azurite here keeps both off the main thread, so they use a core of their own.
// Plain JavaScript, so that it runs as it is, bundled or not.
//
// workerData: { host, port, dataDir }. Posts { port } once listening, or
// { error: { message, code } }; on the message 'close' it closes Azurite (which writes
// its metadata to disk) and ends.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** Seconds an idle keep-alive connection stays open (Azurite's default). */
const KEEP_ALIVE_SECONDS = 5;

// Azurite has no exports map and no in-process API of its own; its BlobServer and
// BlobConfiguration classes are loaded by path (azurite 3.37).
const require = createRequire(import.meta.url);
const BlobServer = require('azurite/dist/src/blob/BlobServer').default;
const BlobConfiguration = require('azurite/dist/src/blob/BlobConfiguration').default;

const { host, port, dataDir } = workerData;
const extentsDir = path.join(dataDir, '__blobstorage__');
const config = new BlobConfiguration(
  host,
  port,
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

parentPort.on('message', async (message) => {
  if (message !== 'close') return;
  await server.close();
  parentPort.close();
});

try {
  await server.start();
  parentPort.postMessage({ port: Number(new URL(server.getHttpServerAddress()).port) });
} catch (err) {
  parentPort.postMessage({ error: { message: err instanceof Error ? err.message : String(err), code: err?.code } });
  parentPort.close();
}
