// The apps as `npm start` and `npm run worker` run them: the bundles of
// scripts/build.mjs, built once per test run (build-setup.ts) into a directory of
// the run's own, so that tests spawn what users run.
import path from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    bundleDir: string;
  }
}

/** The entry point of an app's bundle, for `node <it>`. */
export const appBundle = (app: 'server' | 'worker'): string => path.join(inject('bundleDir'), app, 'main.mjs');
