import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const tsc = fileURLToPath(new URL('../../../node_modules/.bin/tsc', import.meta.url));
const project = (name: string) => fileURLToPath(new URL(`./types/tsconfig.${name}.json`, import.meta.url));

async function compile(name: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(tsc, ['-p', project(name), '--pretty', 'false']);
    return { code: 0, output: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, output: e.stdout };
  }
}

describe('typed client', () => {
  it('accepts correct inputs and types outputs (and each @ts-expect-error is a real error)', async () => {
    const r = await compile('good');
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('rejects a wrong input at compile time', async () => {
    const r = await compile('bad');
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/bad\.ts\(6,\d+\): error TS2322: .*number.*string/);
  }, 60_000);
});
