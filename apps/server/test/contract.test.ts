// The API contract. docs/api.md, this repository's reference, is generated from the
// router and must be current; where the product's shared API.md exists beside this
// repository, every procedure it names (but those of sections still being built)
// exists with its REST method and path, in the router, the OpenAPI document and docs/api.md.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderApiReference } from '@ap/api/api-reference';
import { appRouter } from '@ap/api/root';
import { openApiDocument } from '@ap/api/openapi';

const contractPath = fileURLToPath(new URL('../../../../shared/API.md', import.meta.url));
const contract = existsSync(contractPath) ? readFileSync(contractPath, 'utf8') : null;
const referencePath = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));
const reference = existsSync(referencePath) ? readFileSync(referencePath, 'utf8') : '';

/** Sections of API.md's procedures whose procedures are not built yet (matched by the start of the section's first line). */
const BEING_BUILT: string[] = [];

type Meta = { openapi?: { method: string; path: string } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; meta?: Meta } }> } })._def
  .procedures;

interface Section {
  heading: string;
  lines: string[];
}

/**
 * The "## Procedures" part of a contract, in sections: a section starts at a line that is
 * not a list item (nor a list item's or a paragraph's continuation) and holds the list items after it.
 */
function procedureSections(md: string): Section[] {
  const all = md.split('\n');
  const start = all.findIndex((l) => l.startsWith('## Procedures'));
  if (start < 0) return [];
  const sections: Section[] = [];
  let previousBlank = true;
  for (const line of all.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    const item = /^- /.test(line);
    if (!item && line.trim() && !/^\s/.test(line) && (previousBlank || sections.length === 0)) sections.push({ heading: line, lines: [] });
    else if (item) sections.at(-1)?.lines.push(line);
    previousBlank = !line.trim();
  }
  return sections;
}

const operationsOf = (lines: string[]) =>
  lines.flatMap((l) => {
    const m = /^- `([\w.]+)` → `(GET|POST|PUT|PATCH|DELETE) \/api([^`]+)`/.exec(l);
    return m ? [{ name: m[1]!, method: m[2]!, path: m[3]! }] : [];
  });
const subscriptionsOf = (lines: string[]) => lines.flatMap((l) => /^- `([\w.]+)` — tRPC subscription/.exec(l)?.[1] ?? []);

describe('docs/api.md, the API reference in this repository', () => {
  it('is generated from the router and current (npm run docs)', () => {
    expect(reference, 'docs/api.md is out of date: run npm run docs').toBe(renderApiReference());
  });

  it('names every procedure of the router', () => {
    const named = new Set([...operationsOf(reference.split('\n')).map((o) => o.name), ...subscriptionsOf(reference.split('\n'))]);
    expect(Object.keys(procedures).filter((n) => !named.has(n))).toEqual([]);
  });
});

describe.skipIf(!contract)('API contract (../shared/API.md)', () => {
  const sections = procedureSections(contract ?? '');
  const building = (s: Section) => BEING_BUILT.some((name) => s.heading.startsWith(name));
  const checked = sections.filter((s) => !building(s));
  const operations = operationsOf(checked.flatMap((s) => s.lines));
  const subscriptions = subscriptionsOf(checked.flatMap((s) => s.lines));

  it('lists only sections that exist in API.md as being built', () => {
    const missing = BEING_BUILT.filter((name) => !sections.some((s) => s.heading.startsWith(name)));
    expect(missing).toEqual([]);
    // The parse is sane: the built sections carry the operations, the skipped ones theirs.
    expect(operations.length).toBeGreaterThanOrEqual(45);
    const skipped = sections.filter(building).flatMap((s) => s.lines);
    if (BEING_BUILT.length) expect(operationsOf(skipped).length).toBeGreaterThan(0);
  });

  it('names operations and subscriptions', () => {
    expect(subscriptions).toEqual(['notifications.onNew', 'boards.onEvent', 'documents.onStatus', 'vectorDocuments.onAnswer']);
  });

  it('every contract operation is a procedure with that REST method and path, in the OpenAPI document and docs/api.md', () => {
    const doc = openApiDocument({ baseUrl: '/api', version: 'test' }) as unknown as { paths: Record<string, Record<string, unknown>> };
    const documented = new Map(operationsOf(reference.split('\n')).map((o) => [o.name, o]));
    const wrong = operations.filter(({ name, method, path }) => {
      const meta = procedures[name]?._def.meta?.openapi;
      const ref = documented.get(name);
      return (
        meta?.method !== method ||
        meta.path !== path ||
        !doc.paths[path]?.[method.toLowerCase()] ||
        ref?.method !== method ||
        ref.path !== path
      );
    });
    expect(wrong).toEqual([]);
  });

  it('procedures of sections still being built that exist already have their contract method and path', () => {
    const doc = openApiDocument({ baseUrl: '/api', version: 'test' }) as unknown as { paths: Record<string, Record<string, unknown>> };
    const built = operationsOf(sections.filter(building).flatMap((s) => s.lines)).filter(({ name }) => procedures[name]);
    const wrong = built.filter(({ name, method, path }) => {
      const meta = procedures[name]!._def.meta?.openapi;
      return meta?.method !== method || meta.path !== path || !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(wrong).toEqual([]);
  });

  it('the subscriptions exist as tRPC subscriptions, and docs/api.md names them', () => {
    for (const name of subscriptions) {
      expect(procedures[name]?._def.type, name).toBe('subscription');
      expect(subscriptionsOf(reference.split('\n')), name).toContain(name);
    }
  });
});
