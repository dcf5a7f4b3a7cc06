#!/usr/bin/env node
// Builds what `npm start` and `npm run worker` run with plain node, no TypeScript
// loader: each app's entry point bundled by esbuild into `apps/<app>/dist/main.mjs`
// (with a source map), in well under a second. `--out-dir D` writes `D/<app>/main.mjs`
// instead (the tests build their own).
//
//   - The workspace's own TypeScript (@ap/*, the generated Prisma client) is bundled.
//   - Packages from node_modules stay outside the bundle, imported by the absolute
//     path esbuild resolved them to from the importing file, so each package is the
//     one its workspace package declares (pnpm keeps them apart) and reads its own
//     files as it would unbundled.
//   - `import.meta.url` in workspace sources becomes the URL of the source file, so
//     paths found from it (migrations, createRequire, new URL) are the ones they are
//     unbundled. Other `import.meta` paths (resolve, dirname, filename) would be the
//     bundle's: the build refuses them.
// So a bundle works wherever it is written, but holds this checkout's absolute paths:
// it is built on the machine that runs it (dist/ is not committed).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles: each app's `src/main.ts` → `dist/main.mjs`, or `<outDir>/<app>/main.mjs`. */
export const entryPoints = (outDir) =>
  ['server', 'worker'].map((app) => ({
    in: path.join(root, 'apps', app, 'src', 'main.ts'),
    out: outDir ? path.join(outDir, app, 'main.mjs') : path.join(root, 'apps', app, 'dist', 'main.mjs'),
  }));

const workspaceSource = /\/(?:apps|packages)\/[^/]+\/src\/.*\.ts$/;

const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('node:')) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      // Workspace packages resolve (through node_modules' links) to their sources: bundled.
      if (!resolved.path.includes(`${path.sep}node_modules${path.sep}`)) return { path: resolved.path };
      return { path: resolved.path, external: true };
    });
    b.onLoad({ filter: workspaceSource }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const other = /import\.meta\.(resolve|dirname|filename)\b/.exec(source);
      if (other)
        return { errors: [{ text: `import.meta.${other[1]} would be the bundle's: use import.meta.url (createRequire, new URL)` }] };
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Builds every app's bundle; returns where each went. */
export async function buildApps(outDir) {
  const entries = entryPoints(outDir);
  for (const entry of entries) {
    await build({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      plugins: [externalPackages],
      logLevel: 'warning',
      legalComments: 'none',
    });
  }
  return entries;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const at = process.argv.indexOf('--out-dir');
  const entries = await buildApps(at > 0 ? path.resolve(process.argv[at + 1]) : undefined);
  if (!process.argv.includes('--quiet')) {
    const built = entries.map((e) => path.relative(process.cwd(), e.out)).join(', ');
    console.log(`[build] ${built} in ${Math.round(performance.now() - started)} ms`);
  }
}
