// vitest globalSetup: one Azurite (Microsoft's Blob Storage emulator) for the whole
// run, which every test server stores its blobs in (see testBlobConnectionString).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import '@ap/testing/db';
import { startEmbeddedAzurite } from '../src/embedded-azurite.ts';

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ap-test-blob-'));
  const azurite = await startEmbeddedAzurite({ dataDir: dir, port: 0 });
  project.provide('blobConnectionString', azurite.connectionString);
  return async () => {
    await azurite.close();
    await rm(dir, { recursive: true, force: true });
  };
}
