// Writes packages/client/src/generated/rest-api.d.ts, the types of the REST client,
// from the committed OpenAPI snapshot (docs/openapi.json) with openapi-typescript,
// and beside it the snapshot's hash, by which the bootstrap of `npm install` /
// `npm test` knows when to run this again. `npm run contract:accept` runs it after
// writing the snapshot.
//
// openapi-typescript prints with the TypeScript 5 compiler API, which TypeScript 7
// (the project's compiler) does not have: its `typescript` import is pointed at a
// TypeScript 5 installed for it (`typescript5`).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.join(here, '..', '..');
const fromHere = createRequire(path.join(here, 'package.json'));
const ts5 = pathToFileURL(fromHere.resolve('typescript5')).href;
const hook = `export async function resolve(s, c, next) { return s === 'typescript' ? { url: ${JSON.stringify(ts5)}, shortCircuit: true } : next(s, c); }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { default: openapiTS, astToString } = (await import(
  pathToFileURL(fromHere.resolve('openapi-typescript')).href
)) as typeof import('openapi-typescript');
const snapshot = readFileSync(path.join(root, 'docs/openapi.json'));
const dir = path.join(root, 'packages/client/src/generated');
const ast = await openapiTS(JSON.parse(snapshot.toString('utf8')), { alphabetize: true });
mkdirSync(dir, { recursive: true });
writeFileSync(
  path.join(dir, 'rest-api.d.ts'),
  `// Generated from docs/openapi.json by packages/codegen/src/rest-client-types.ts. Do not edit.\n${astToString(ast)}`,
);
writeFileSync(path.join(dir, '.openapi-sha256'), createHash('sha256').update(snapshot).digest('hex'));
console.error(`wrote ${path.relative(process.cwd(), path.join(dir, 'rest-api.d.ts'))}`);
