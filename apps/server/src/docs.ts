import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

let script: Promise<string> | undefined;

/** Scalar's standalone bundle, served locally so /docs works with no internet. */
export function scalarScript(): Promise<string> {
  script ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    return readFile(path.join(path.dirname(entry), 'browser', 'standalone.js'), 'utf8');
  })();
  return script;
}
