// Writes packages/client/src/rest-api.d.ts, the types of the REST client, from the
// committed OpenAPI snapshot (docs/openapi.json) with openapi-typescript; with
// --check, exits 1 when the file differs from what the snapshot gives. Run by
// `npm run contract:accept`, after the snapshot.
//
// openapi-typescript prints with the TypeScript 5 compiler API, which TypeScript 7
// (the project's compiler) does not have: its `typescript` import is pointed at a
// TypeScript 5 installed for it (`typescript5`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.join(here, '..', '..');
const fromClient = createRequire(path.join(here, 'package.json'));
const ts5 = pathToFileURL(fromClient.resolve('typescript5')).href;
const hook = `export async function resolve(s, c, next) { return s === 'typescript' ? { url: ${JSON.stringify(ts5)}, shortCircuit: true } : next(s, c); }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { default: openapiTS, astToString } = (await import(
  pathToFileURL(fromClient.resolve('openapi-typescript')).href
)) as typeof import('openapi-typescript');
const snapshot = path.join(root, 'docs/openapi.json');
const target = path.join(root, 'packages/client/src/rest-api.d.ts');
const ast = await openapiTS(JSON.parse(readFileSync(snapshot, 'utf8')), { alphabetize: true });
const text = `// Generated from docs/openapi.json by packages/codegen/src/rest-client-types.ts (npm run contract:accept). Do not edit.\n${astToString(ast)}`;

if (process.argv.includes('--check')) {
  if ((existsSync(target) ? readFileSync(target, 'utf8') : '') !== text) {
    console.error('packages/client/src/rest-api.d.ts is out of date: run npm run contract:accept');
    process.exit(1);
  }
  console.error('packages/client/src/rest-api.d.ts is up to date');
} else {
  writeFileSync(target, text);
  console.error(`wrote ${path.relative(process.cwd(), target)}`);
}
