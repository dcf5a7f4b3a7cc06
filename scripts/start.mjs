#!/usr/bin/env node
// Entry point of `npm start`: installs what is missing and builds the server's bundle
// (scripts/bootstrap.mjs --build), then runs the bundle in this very process.
// `npm start` runs this with `exec`, so the process npm starts — the PID a process
// manager signals — is the server itself: SIGTERM/SIGINT drain it and it exits.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const boot = spawnSync(process.execPath, [path.join(root, 'scripts', 'bootstrap.mjs'), '--build', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (boot.status !== 0) process.exit(boot.status ?? 1);

await import(pathToFileURL(path.join(root, 'apps', 'server', 'dist', 'main.mjs')).href);
