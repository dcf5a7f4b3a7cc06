// vitest globalSetup: builds the apps' bundles (scripts/build.mjs) once for the run;
// tests find them with appBundle().
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import './bundles.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ap-test-bundles-'));
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--out-dir', dir, '--quiet'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build.mjs failed: ${built.stderr}`);
  project.provide('bundleDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
