// The server as `npm start` runs it: the bundle of scripts/build.mjs, built here so that
// a benchmark never measures a stale one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let built: string | undefined;

/** Builds the bundles (once per benchmark process) and returns the server's entry point. */
export function buildServer(): string {
  if (built) return built;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/build.mjs failed');
  return (built = path.join(root, 'apps', 'server', 'dist', 'main.mjs'));
}
