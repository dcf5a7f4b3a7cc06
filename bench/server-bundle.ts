// The server as `npm start` runs it: the bundle of scripts/build.mjs (built here so that
// a benchmark never measures a stale one), with the node flags and environment of
// package.json's start script.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerLaunch {
  /** node's arguments: its flags, then the bundle. */
  args: string[];
  /** The variables the start script sets. */
  env: Record<string, string>;
}

let built: ServerLaunch | undefined;

/** Builds the bundles (once per benchmark process) and returns how to run the server. */
export function buildServer(): ServerLaunch {
  if (built) return built;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/build.mjs failed');
  const start: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const m = /^exec env ((?:\w+=\S+ )*)node ((?:--\S+ )*)scripts\/start\.mjs$/.exec(start);
  if (!m) throw new Error(`package.json's start script has a shape bench/server-bundle.ts does not read: ${start}`);
  const env = Object.fromEntries(
    m[1]!
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const flags = m[2]!.trim().split(/\s+/).filter(Boolean);
  return (built = { args: [...flags, path.join(root, 'apps', 'server', 'dist', 'main.mjs')], env });
}
