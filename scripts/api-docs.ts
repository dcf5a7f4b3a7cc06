// Writes docs/api.md, the API reference generated from the router (`npm run docs`).
// With --check, exits 1 when docs/api.md differs from what the router gives.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiReference } from '../packages/api/src/api-reference.ts';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'api.md');
const text = renderApiReference();
if (process.argv.includes('--check')) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current !== text) {
    console.error('docs/api.md is out of date: run npm run docs');
    process.exit(1);
  }
  console.error('docs/api.md is up to date');
} else {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.error(`wrote ${path.relative(process.cwd(), file)}`);
}
