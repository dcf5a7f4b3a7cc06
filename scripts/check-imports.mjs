#!/usr/bin/env node
// Keeps dependencies pointing one way: server → api → core → db → config
// (auth beside core, used by api/server; client imports the api's types only).
// Usage: node scripts/check-imports.mjs [package-dir …]; exits 1 on a violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Which workspace packages each package's source may import. */
export const ALLOWED = {
  '@ap/config': [],
  '@ap/db': ['@ap/config'],
  '@ap/auth': ['@ap/config'],
  '@ap/core': ['@ap/config', '@ap/db'],
  '@ap/api': ['@ap/config', '@ap/db', '@ap/core', '@ap/auth'],
  '@ap/client': [],
  '@ap/codegen': [],
  '@ap/ai': ['@ap/config'],
  '@ap/testing': ['@ap/config', '@ap/db'],
  '@ap/storage': ['@ap/config'],
  '@ap/jobs': ['@ap/config', '@ap/db'],
  '@ap/worker': ['@ap/config', '@ap/db', '@ap/core', '@ap/jobs', '@ap/storage', '@ap/ai'],
  '@ap/server': ['@ap/config', '@ap/db', '@ap/core', '@ap/auth', '@ap/api', '@ap/worker'],
};
/**
 * Modules whose types (only: `import type` / `export type`) a package may use: the
 * client types itself by the api's router; adapters implement core's ports.
 */
const TYPES_FROM = {
  '@ap/client': ['@ap/api/'],
  '@ap/storage': ['@ap/core/ports/'],
  '@ap/ai': ['@ap/core/ports/'],
  '@ap/jobs': ['@ap/core/ports/'],
};
/** External packages a layer must never import. */
const FORBIDDEN = {
  '@ap/core': [/^@trpc\//, /^hono/, /^@hono\//, /^openai(\/|$)/, /^@azure\//, /^@azure-rest\//],
  '@ap/db': [/^@trpc\//, /^hono/, /^@hono\//],
  '@ap/config': [/^@trpc\//, /^hono/, /^@prisma\//],
  '@ap/jobs': [/^@trpc\//, /^hono/, /^@hono\//],
  '@ap/worker': [/^@trpc\//, /^hono/, /^@hono\//],
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|mts|tsx)$/.test(name)) yield p;
  }
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function checkPackage(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const allowed = ALLOWED[pkg.name];
  const problems = [];
  if (!allowed) return [`${pkg.name}: not listed in scripts/check-imports.mjs`];
  const srcDir = path.join(dir, 'src');
  let list;
  try {
    list = [...files(srcDir)];
  } catch {
    return [];
  }
  for (const file of list) {
    const text = readFileSync(file, 'utf8');
    if (pkg.name !== '@ap/config' && /\bprocess\.env\b/.test(text)) {
      problems.push(`${path.relative(root, file)}: reads process.env (read the environment through @ap/config)`);
    }
    for (const m of text.matchAll(IMPORT)) {
      const typeOnly = !!m[2];
      const spec = m[3] ?? m[4] ?? m[5];
      const rel = path.relative(root, file);
      const ws = spec.match(/^(@ap\/[^/]+)/)?.[1];
      const typesAllowed = (TYPES_FROM[pkg.name] ?? []).some((prefix) => spec.startsWith(prefix));
      if (ws && ws !== pkg.name && !allowed.includes(ws)) {
        if (!typesAllowed) problems.push(`${rel}: ${pkg.name} must not import ${ws}`);
        else if (!typeOnly) problems.push(`${rel}: ${pkg.name} may import ${spec}'s types only (use "import type")`);
      }
      if (ws === pkg.name) problems.push(`${rel}: imports its own package by name (use a relative path)`);
      for (const re of FORBIDDEN[pkg.name] ?? []) {
        if (re.test(spec)) problems.push(`${rel}: ${pkg.name} must not import ${spec}`);
      }
    }
  }
  return problems;
}

export function allPackageDirs() {
  return ['packages', 'apps'].flatMap((d) =>
    readdirSync(path.join(root, d))
      .map((n) => path.join(root, d, n))
      .filter((p) => statSync(path.join(p, 'package.json'), { throwIfNoEntry: false })),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => path.resolve(d)) : allPackageDirs();
  const problems = dirs.flatMap(checkPackage);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log(`imports ok (${dirs.length} package${dirs.length === 1 ? '' : 's'})`);
}
