import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { allPackageDirs, checkPackage } from '../../../scripts/check-imports.mjs';

async function fakePackage(name: string, source: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ap-arch-'));
  await mkdir(path.join(dir, 'src'));
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name }));
  await writeFile(path.join(dir, 'src', 'index.ts'), source);
  return dir;
}

describe('dependency direction', () => {
  it('holds for every package of the workspace', () => {
    const dirs: string[] = allPackageDirs();
    expect(dirs.length).toBeGreaterThanOrEqual(8);
    expect(dirs.flatMap((d) => checkPackage(d))).toEqual([]);
  });

  it('catches a wrong-way import, a transport import in core and a runtime import of the api in the client', async () => {
    expect(checkPackage(await fakePackage('@ap/db', "import { x } from '@ap/core/shared/errors';"))).toEqual([
      expect.stringMatching(/@ap\/db must not import @ap\/core/),
    ]);
    expect(checkPackage(await fakePackage('@ap/core', "import { Hono } from 'hono';"))).toEqual([
      expect.stringMatching(/must not import hono/),
    ]);
    expect(checkPackage(await fakePackage('@ap/client', "import { appRouter } from '@ap/api/root';"))).toEqual([
      expect.stringMatching(/types only/),
    ]);
    expect(checkPackage(await fakePackage('@ap/client', "import type { AppRouter } from '@ap/api/root';"))).toEqual([]);
  });

  it("lets adapters use core's port types only, keeps AI and Azure SDKs out of core, and the environment in config", async () => {
    expect(checkPackage(await fakePackage('@ap/storage', "import type { BlobStore } from '@ap/core/ports/blob-store';"))).toEqual([]);
    expect(checkPackage(await fakePackage('@ap/storage', "import { systemClock } from '@ap/core/ports/clock';"))).toEqual([
      expect.stringMatching(/types only/),
    ]);
    expect(checkPackage(await fakePackage('@ap/ai', "import type { Deps } from '@ap/core/shared/context';"))).toEqual([
      expect.stringMatching(/@ap\/ai must not import @ap\/core/),
    ]);
    expect(checkPackage(await fakePackage('@ap/core', "import OpenAI from 'openai';"))).toEqual([
      expect.stringMatching(/must not import openai/),
    ]);
    expect(checkPackage(await fakePackage('@ap/core', "import { BlobClient } from '@azure/storage-blob';"))).toEqual([
      expect.stringMatching(/must not import @azure\/storage-blob/),
    ]);
    expect(checkPackage(await fakePackage('@ap/api', 'export const port = process.env.PORT;'))).toEqual([
      expect.stringMatching(/reads process\.env/),
    ]);
  });

  it('every package names its public modules (no "./*" export) and each exists', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    for (const dir of allPackageDirs() as string[]) {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, string> };
      for (const [key, target] of Object.entries(pkg.exports ?? {})) {
        expect(key, pkg.name).not.toContain('*');
        expect(existsSync(path.join(dir, target)), `${pkg.name} ${key}`).toBe(true);
      }
    }
  });
});
