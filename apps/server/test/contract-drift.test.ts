// Contract drift: the router's OpenAPI document against the committed snapshot
// (docs/openapi.json). A breaking change fails until `npm run contract:accept`
// records it on purpose; additive changes pass. The checker itself is tested on
// edits of the real snapshot, each of a kind a client would trip over, or not.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breakingChanges, type OpenApiDoc } from '@ap/api/contract-drift';
import { openApiDocument } from '@ap/api/openapi';

const snapshotPath = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));
const snapshot = (): any => JSON.parse(readFileSync(snapshotPath, 'utf8'));
const BOARDS = '/boards';
const BOARD = '/boards/{boardId}';

describe('contract drift', () => {
  it('the router has no breaking change against docs/openapi.json (npm run contract:accept records one on purpose)', () => {
    const current = openApiDocument({ baseUrl: '/api', version: 'test' }) as unknown as OpenApiDoc;
    expect(breakingChanges(snapshot(), current)).toEqual([]);
  });

  it('names each breaking change', () => {
    const cases: [string, (d: any) => void, RegExp][] = [
      ['an operation removed', (d) => delete d.paths[BOARD].delete, /^DELETE \/boards\/\{boardId\}: operation removed$/],
      ['a path removed', (d) => delete d.paths[BOARDS], /^POST \/boards: operation removed$/],
      [
        'a response field removed',
        (d) => delete d.components.schemas.BoardDetail.properties.name,
        /GET \/boards\/\{boardId\} response\.name: response field removed/,
      ],
      [
        'a response field retyped',
        (d) => (d.components.schemas.BoardDetail.properties.name = { type: 'number' }),
        /response\.name: response field retyped from string to number/,
      ],
      [
        'a response field made nullable',
        (d) => (d.components.schemas.BoardDetail.properties.name = { anyOf: [{ type: 'string' }, { type: 'null' }] }),
        /response\.name: response field retyped from string to null \| string/,
      ],
      [
        'a new required input',
        (d) => {
          const body = d.paths[BOARDS].post.requestBody.content['application/json'].schema;
          body.properties.color = { type: 'string' };
          body.required.push('color');
        },
        /^POST \/boards body\.color: new required input$/,
      ],
      [
        'an input field removed',
        (d) => delete d.paths[BOARDS].post.requestBody.content['application/json'].schema.properties.description,
        /^POST \/boards body\.description: input field removed$/,
      ],
      [
        'an input accepting less',
        (d) => (d.paths[BOARDS].post.requestBody.content['application/json'].schema.properties.name = { type: 'number' }),
        /^POST \/boards body\.name: input accepts number where it accepted string$/,
      ],
    ];
    for (const [what, edit, expected] of cases) {
      const after = snapshot();
      edit(after);
      const changes = breakingChanges(snapshot(), after);
      expect(
        changes.some((c) => expected.test(c)),
        `${what}: ${JSON.stringify(changes)}`,
      ).toBe(true);
    }
  });

  it('lets additive changes pass', () => {
    const after = snapshot();
    after.paths['/boards/{boardId}/new-thing'] = {
      get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } } },
    };
    after.paths[BOARDS].post.requestBody.content['application/json'].schema.properties.color = { type: 'string' };
    after.components.schemas.BoardDetail.properties.extra = { type: 'string' };
    after.components.schemas.BoardDetail.required?.push('extra');
    // An input that accepts more: a string field that also takes null.
    const body = after.paths[BOARDS].post.requestBody.content['application/json'].schema;
    body.properties.name = { anyOf: [body.properties.name, { type: 'null' }] };
    expect(breakingChanges(snapshot(), after)).toEqual([]);
  });
});
