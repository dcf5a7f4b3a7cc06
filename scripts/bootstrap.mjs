#!/usr/bin/env node
// Installs what is missing so `npm start` / `npm test` work on a fresh clone:
// pnpm (pinned in package.json), the workspace's dependencies, the Prisma client.
// Each step is skipped when its output is already up to date.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const forceGenerate = process.argv.includes('--generate');
const say = (msg) => {
  if (!quiet) console.error(`[bootstrap] ${msg}`);
};

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`Node.js >= 20 is required (found ${process.versions.node}).`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.split('@')[1];
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  COREPACK_ENABLE_STRICT: '0',
  // No "update available" notice from pnpm or npm.
  npm_config_update_notifier: 'false',
  pnpm_config_update_notifier: 'false',
  NO_UPDATE_NOTIFIER: '1',
};

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (r.status !== 0) {
    console.error(`[bootstrap] failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

function pnpmCommand() {
  try {
    const v = execFileSync('pnpm', ['--version'], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (v === pnpmVersion) return ['pnpm', []];
  } catch {}
  return ['npm', ['exec', '--yes', '--', `pnpm@${pnpmVersion}`]];
}

// 1. Dependencies: install when node_modules is missing or older than the lockfile.
const modules = path.join(root, 'node_modules', '.modules.yaml');
const lock = path.join(root, 'pnpm-lock.yaml');
if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(lock).mtimeMs) {
  say(`installing dependencies with pnpm ${pnpmVersion}`);
  const [cmd, pre] = pnpmCommand();
  run(cmd, [...pre, 'install', '--frozen-lockfile', ...(quiet ? ['--reporter=silent'] : [])]);
}

// 2. Prisma client: generate when missing or when the schema changed. Generation runs
// in WebAssembly; Prisma only checks that an engine path exists, it never runs it here.
const schema = path.join(root, 'prisma', 'schema.prisma');
const outDir = path.join(root, 'packages', 'db', 'src', 'generated');
const stamp = path.join(outDir, '.schema-sha256');
const hash = createHash('sha256').update(readFileSync(schema)).digest('hex');
const current = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
if (forceGenerate || current !== hash || !existsSync(path.join(outDir, 'prisma', 'client.ts'))) {
  say('generating the Prisma client');
  env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
  run(path.join(root, 'node_modules', '.bin', 'prisma'), ['generate']);
  writeFileSync(stamp, hash);
}

// 3. The REST client's types (packages/client/src/generated): from the committed OpenAPI
// snapshot, when missing or when the snapshot changed (the generator writes its hash).
const restDir = path.join(root, 'packages', 'client', 'src', 'generated');
const restStamp = path.join(restDir, '.openapi-sha256');
const restHash = createHash('sha256')
  .update(readFileSync(path.join(root, 'docs', 'openapi.json')))
  .digest('hex');
const restCurrent = existsSync(restStamp) ? readFileSync(restStamp, 'utf8') : '';
if (forceGenerate || restCurrent !== restHash || !existsSync(path.join(restDir, 'rest-api.d.ts'))) {
  say('generating the REST client types');
  run(process.execPath, ['--import', 'tsx', path.join(root, 'packages', 'codegen', 'src', 'rest-client-types.ts')]);
}

// 4. With --build (npm start, npm run worker): the apps' bundles (scripts/build.mjs).
if (process.argv.includes('--build')) run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...(quiet ? ['--quiet'] : [])]);
