// The committed OpenAPI snapshot (docs/openapi.json), which the contract-drift test
// compares the router's document against: `npm run contract:accept` writes it (to
// accept a breaking change on purpose, or to record additive ones); `--check`
// lists the breaking changes since the snapshot and exits 1 when there are any.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { breakingChanges, type OpenApiDoc } from '../packages/api/src/contract-drift.ts';
import { openApiDocument } from '../packages/api/src/openapi.ts';

export const SNAPSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json');
const current = openApiDocument({ baseUrl: '/api', version: 'snapshot' }) as unknown as OpenApiDoc;

if (process.argv.includes('--check')) {
  const snapshot = existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as OpenApiDoc) : { paths: {} };
  const changes = breakingChanges(snapshot, current);
  for (const c of changes) console.error(`breaking: ${c}`);
  console.error(
    changes.length ? `${changes.length} breaking change(s) since docs/openapi.json` : 'no breaking change since docs/openapi.json',
  );
  process.exit(changes.length ? 1 : 0);
} else {
  writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
  console.error(`wrote ${path.relative(process.cwd(), SNAPSHOT)}`);
}
