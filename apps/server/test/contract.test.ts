// The public contract (API.md of the product's shared documents, beside this
// repository): every procedure it names exists, with its REST method and path.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRouter } from '@ap/api/root';
import { openApiDocument } from '@ap/api/openapi';

const contractPath = fileURLToPath(new URL('../../../../shared/API.md', import.meta.url));
const contract = existsSync(contractPath) ? readFileSync(contractPath, 'utf8') : null;

type Meta = { openapi?: { method: string; path: string } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; meta?: Meta } }> } })._def
  .procedures;

describe.skipIf(!contract)('API contract (../shared/API.md)', () => {
  const operations = [...(contract ?? '').matchAll(/- `([\w.]+)` → `(GET|POST|PUT|PATCH|DELETE) \/api([^`]+)`/g)].map(
    ([, name, method, path]) => ({ name: name!, method: method!, path: path! }),
  );
  const subscriptions = [...(contract ?? '').matchAll(/- `([\w.]+)` — tRPC subscription/g)].map(([, name]) => name!);

  it('names operations and subscriptions', () => {
    expect(operations.length).toBeGreaterThanOrEqual(45);
    expect(subscriptions).toEqual(['notifications.onNew', 'boards.onEvent']);
  });

  it('every contract operation is a procedure with that REST method and path, in the OpenAPI document', () => {
    const doc = openApiDocument({ baseUrl: '/api', version: 'test' }) as unknown as { paths: Record<string, Record<string, unknown>> };
    const wrong = operations.filter(({ name, method, path }) => {
      const meta = procedures[name]?._def.meta?.openapi;
      return meta?.method !== method || meta.path !== path || !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(wrong).toEqual([]);
  });

  it('the subscriptions exist as tRPC subscriptions', () => {
    for (const name of subscriptions) expect(procedures[name]?._def.type, name).toBe('subscription');
  });
});
