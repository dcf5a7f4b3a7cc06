import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let script: Promise<string> | undefined;

/** Scalar's standalone bundle, served locally so /docs works with no internet. */
export function scalarScript(): Promise<string> {
  script ??= (async () => {
    const entry = fileURLToPath(import.meta.resolve('@scalar/api-reference'));
    return readFile(path.join(path.dirname(entry), 'browser', 'standalone.js'), 'utf8');
  })();
  return script;
}
