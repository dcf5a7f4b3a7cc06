// Classes of input and protocol defects, checked on every procedure they can reach,
// over tRPC (HTTP) and REST, by walking the router:
// - text: NUL and unpaired surrogates in any text field are a 400 naming the field;
// - ids: parsed to canonical lower case; responses never echo another spelling;
// - coercion: no input is coerced, except REST query values in exact forms;
// - bodies: a REST body that is not a JSON object is a 400;
// - methods: a tRPC procedure called with the wrong HTTP method is a 405;
//   an unknown REST path is a JSON 404, a known path with another method a JSON 405;
// - outage: with the database unreachable every procedure answers 503 with Retry-After;
// - every error body seen here matches the OpenAPI document's schema for its operation and status.
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextFactory, type Deps } from '@ap/api/context';
import { openApiDocument } from '@ap/api/openapi';
import { REST_ROUTES } from '@ap/api/rest';
import { appRouter } from '@ap/api/root';
import { createCallerFactory } from '@ap/api/trpc';
import { fromDatabaseError } from '@ap/core/shared/errors';
import { createDb } from '@ap/db/client';
import { createApp } from '../src/app.ts';
import { createMetrics } from '../src/metrics.ts';
import { startHarness, type Harness } from './harness.ts';
import {
  callCode,
  createFixture,
  idFields,
  inputFor,
  inputSchema,
  isIdField,
  procedures,
  restRequest,
  type Fixture,
  type JsonSchema,
  type ProcedureDef,
} from './router-walk.ts';

let h: Harness;
let fx: Fixture;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

// ---------------------------------------------------------------- helpers

type Reply = { status: number; body: any; headers: Headers };

/** Error bodies seen over REST, checked against the OpenAPI document at the end. */
const samples: { name: string; status: number; body: unknown }[] = [];

async function trpc(name: string, type: ProcedureDef['type'], input: unknown, token: string | null, method?: string): Promise<Reply> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const verb = method ?? (type === 'mutation' ? 'POST' : 'GET');
  const url = verb === 'GET' ? `${h.url}/trpc/${name}?input=${encodeURIComponent(JSON.stringify(input))}` : `${h.url}/trpc/${name}`;
  const res = await fetch(url, {
    method: verb,
    headers: verb === 'GET' ? headers : { ...headers, 'content-type': 'application/json' },
    body: verb === 'GET' ? undefined : JSON.stringify(input),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, headers: res.headers };
}

async function rest(name: string, def: ProcedureDef, input: Record<string, unknown>, token: string | null): Promise<Reply> {
  const req = restRequest(def, input);
  const res = await h.rest(req.method, req.path, { token, body: req.body });
  if (res.status >= 400) samples.push({ name, status: res.status, body: res.body });
  return res;
}

const fieldPaths = (body: any): string[] => ((body?.error?.data ?? body?.data)?.fields ?? []).map((f: { path: string }) => f.path);

function typesOf(s: JsonSchema): Set<string> {
  const out = new Set<string>();
  const walk = (x: JsonSchema) => {
    for (const t of Array.isArray(x.type) ? x.type : x.type ? [x.type] : []) out.add(t);
    for (const alt of [...(x.anyOf ?? []), ...(x.oneOf ?? [])]) walk(alt);
  };
  walk(s);
  return out;
}

/** Non-id fields of a procedure's input whose type includes `type`. */
function fieldsOfType(def: ProcedureDef, type: string): string[] {
  return Object.entries(inputSchema(def).properties ?? {})
    .filter(([field, s]) => !isIdField(field, s) && typesOf(s).has(type) && !(type !== 'string' && typesOf(s).has('string')))
    .map(([field]) => field);
}

const callable = procedures.filter(({ def }) => def.type !== 'subscription');
const withRest = callable.filter(({ def }) => def.meta?.openapi);

// ---------------------------------------------------------------- text

const ILL_FORMED = { nul: 'a\u0000b', loneHigh: 'ab\ud800', loneLow: '\udc00cd' };
const textCases = procedures.flatMap(({ name, def }) => fieldsOfType(def, 'string').map((field) => ({ name, def, field })));

describe('text: NUL and unpaired surrogates are a 400 naming the field, on every text input', () => {
  it('covers the text fields of the router', () => {
    const names = textCases.map((c) => `${c.name}.${c.field}`);
    for (const f of [
      'boards.create.name',
      'tags.update.name',
      'actionPoints.create.title',
      'comments.create.body',
      'users.search.q',
      'actionPoints.list.q',
      'users.updateMe.displayName',
    ]) {
      expect(names).toContain(f);
    }
  });

  describe.each(textCases)('$name $field', ({ name, def, field }) => {
    it('tRPC and REST', async () => {
      const token = fx.owner.token;
      for (const [kind, bad] of Object.entries(ILL_FORMED)) {
        const input = { ...inputFor(name, def, fx), [field]: bad };
        if (def.type === 'subscription') {
          expect(await callCode(h, token, name, def, input), `${kind}`).toBe('BAD_REQUEST');
          continue;
        }
        const t = await trpc(name, def.type, input, token);
        expect(t.status, `tRPC ${kind}: ${JSON.stringify(t.body).slice(0, 300)}`).toBe(400);
        expect(fieldPaths(t.body), `tRPC ${kind}`).toContain(field);
        if (!def.meta?.openapi) continue;
        const req = restRequest(def, input);
        // A query string carries UTF-8: an unpaired surrogate cannot be sent in one (it arrives as U+FFFD).
        if (!req.body && kind !== 'nul') continue;
        const r = await rest(name, def, input, token);
        expect(r.status, `REST ${kind}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(400);
        expect(fieldPaths(r.body), `REST ${kind}`).toContain(field);
      }
    });
  });
});

// ---------------------------------------------------------------- ids

const upper = (v: unknown): unknown => (typeof v === 'string' ? v.toUpperCase() : Array.isArray(v) ? v.map(upper) : v);

describe('ids are canonical (lower case) from parsing', () => {
  const withIds = procedures.filter(({ def }) => idFields(def).length > 0);

  it.each(withIds)('$name parses upper-case ids to lower case', ({ name, def }) => {
    const input = inputFor(name, def, fx);
    const shouted = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, idFields(def).includes(k) ? upper(v) : v]));
    for (const parser of def.inputs as unknown as { safeParse(v: unknown): { success: boolean; data?: Record<string, unknown> } }[]) {
      const parsed = parser.safeParse(shouted);
      expect(parsed.success, name).toBe(true);
      for (const field of idFields(def)) {
        if (field in (parsed.data ?? {})) expect(parsed.data![field], `${name}.${field}`).toEqual(input[field]);
      }
    }
  });

  const queries = withIds.filter(({ def }) => def.type === 'query');
  it.each(queries)('$name answers with lower-case ids when asked with upper-case ones (tRPC and REST)', async ({ name, def }) => {
    const input = inputFor(name, def, fx);
    const shouted = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, idFields(def).includes(k) ? upper(v) : v]));
    const t = await trpc(name, def.type, shouted, fx.owner.token);
    const r = await rest(name, def, shouted, fx.owner.token);
    for (const [how, res] of [
      ['tRPC', t],
      ['REST', r],
    ] as const) {
      expect(res.status, `${how} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
      const text = JSON.stringify(res.body);
      for (const id of Object.values(fx.ids)) expect(text, how).not.toContain(id.toUpperCase());
    }
  });

  it('an upper-cased own id is the same person: no self-grant, self-link or self-mention, no duplicate-key 500', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Case' });
    const ap = await c.actionPoints.create({ title: 'x', boardId: board.id, columnId: board.columns[0]!.id });
    const other = await c.actionPoints.create({ title: 'y', boardId: board.id, columnId: board.columns[0]!.id });
    const grant = await h.rest('PUT', `/api/boards/${board.id}/permissions/${u.id.toUpperCase()}`, {
      token: u.token,
      body: { level: 'VIEW' },
    });
    expect(grant.status).toBe(
      (await h.rest('PUT', `/api/boards/${board.id}/permissions/${u.id}`, { token: u.token, body: { level: 'VIEW' } })).status,
    );
    expect(grant.status).toBeLessThan(500);
    const link = await h.rest('POST', `/api/action-points/${ap.id}/links`, {
      token: u.token,
      body: { targetId: ap.id.toUpperCase(), type: 'RELATES' },
    });
    expect(link.status).toBe(400);
    const mention = await h.rest('POST', `/api/action-points/${ap.id}/comments`, {
      token: u.token,
      body: { body: 'me', mentions: [u.id.toUpperCase()] },
    });
    expect(mention.status).toBe(
      (await h.rest('POST', `/api/action-points/${ap.id}/comments`, { token: u.token, body: { body: 'me', mentions: [u.id] } })).status,
    );
    const again = await h.rest('POST', `/api/boards/${board.id}/action-points`, {
      token: u.token,
      body: { actionPointId: ap.id.toUpperCase(), columnId: board.columns[1]!.id },
    });
    expect(again.status).toBe(409);
    const self = await h.rest('POST', `/api/boards/${board.id}/action-points/${ap.id}/move`, {
      token: u.token,
      body: { columnId: board.columns[0]!.id, beforeId: ap.id.toUpperCase() },
    });
    expect(self.status).toBe(400);
    expect(fieldPaths(self.body)).toContain('beforeId');
    expect((await c.actionPoints.get({ actionPointId: other.id.toUpperCase() })).id).toBe(other.id);
  });
});

// ---------------------------------------------------------------- coercion

const NOT_BOOLEAN = ['false', 'true', 0, 1, {}, [], 1e308, 'no'];
const NOT_INTEGER = ['1', '0x10', true, {}, [], '1e1'];
const QUERY_NOT_BOOLEAN = ['yes', 'no', 'TRUE', '1', '0', ''];
const QUERY_NOT_INTEGER = ['0x10', '1e1', '+1', ' 1', '1.0', '', 'ten', '0b1'];

const coercionCases = procedures.flatMap(({ name, def }) => [
  ...fieldsOfType(def, 'boolean').map((field) => ({ name, def, field, kind: 'boolean' as const })),
  ...fieldsOfType(def, 'integer').map((field) => ({ name, def, field, kind: 'integer' as const })),
]);

describe('coercion: none, except exact REST query forms; tRPC never picks up the REST bridge’s rules', () => {
  it('covers the boolean and integer fields of the router', () => {
    const names = coercionCases.map((c) => `${c.name}.${c.field}`);
    for (const f of [
      'actionPoints.create.completed',
      'actionPoints.update.completed',
      'boards.update.expectedVersion',
      'boards.list.limit',
      'notifications.list.unreadOnly',
      'boards.view.limitPerColumn',
    ]) {
      expect(names).toContain(f);
    }
  });

  describe.each(coercionCases.filter((c) => c.def.type !== 'subscription'))('$name $field ($kind)', ({ name, def, field, kind }) => {
    it('non-exact values are a 400 naming the field, REST first then tRPC', async () => {
      const token = fx.owner.token;
      const base = inputFor(name, def, fx);
      const req = def.meta?.openapi ? restRequest(def, base) : null;
      if (req?.body) {
        for (const bad of kind === 'boolean' ? NOT_BOOLEAN : NOT_INTEGER) {
          const r = await rest(name, def, { ...base, [field]: bad }, token);
          expect(r.status, `REST ${JSON.stringify(bad)}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(400);
          expect(fieldPaths(r.body)).toContain(field);
        }
      } else if (req) {
        for (const bad of kind === 'boolean' ? QUERY_NOT_BOOLEAN : QUERY_NOT_INTEGER) {
          const r = await rest(name, def, { ...base, [field]: bad }, token);
          expect(r.status, `REST ?${field}=${bad}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(400);
          expect(fieldPaths(r.body)).toContain(field);
          if (kind === 'boolean') expect(JSON.stringify(r.body)).toMatch(/true or false/);
        }
        if (def.type === 'query') {
          const exact = kind === 'boolean' ? ['true', 'false'] : ['10'];
          for (const good of exact) {
            const r = await rest(name, def, { ...base, [field]: good }, token);
            expect(r.status, `REST ?${field}=${good}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
          }
        }
      }
      // After the REST calls above, tRPC still refuses every non-boolean / non-integer.
      for (const bad of kind === 'boolean' ? NOT_BOOLEAN : NOT_INTEGER) {
        const t = await trpc(name, def.type, { ...base, [field]: bad }, token);
        expect(t.status, `tRPC ${JSON.stringify(bad)}: ${JSON.stringify(t.body).slice(0, 200)}`).toBe(400);
        expect(fieldPaths(t.body)).toContain(field);
      }
    });
  });

  it('"false" does not complete an action point, over REST or tRPC, and nothing is created', async () => {
    const u = await h.user();
    const before = (await h.caller(u.token).actionPoints.list({ owned: true })).items.length;
    expect((await h.rest('POST', '/api/action-points', { token: u.token, body: { title: 't', completed: 'false' } })).status).toBe(400);
    expect((await trpc('actionPoints.create', 'mutation', { title: 't', completed: 'false' }, u.token)).status).toBe(400);
    expect((await h.caller(u.token).actionPoints.list({ owned: true })).items.length).toBe(before);
  });
});

// ---------------------------------------------------------------- bodies

const NOT_OBJECTS = ['null', '1e999', '0', 'true', '"text"', '[]', '[1,2]', '[{"name":"x"}]'];
const bodyRoutes = withRest.filter(({ def }) => ['POST', 'PUT', 'PATCH'].includes(def.meta!.openapi!.method));

describe('REST bodies must be JSON objects', () => {
  it('covers every operation with a body', () => {
    expect(bodyRoutes.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'users.updateMe',
        'notifications.markAllRead',
        'comments.update',
        'tags.update',
        'boards.update',
        'columns.move',
        'actionPoints.update',
      ]),
    );
  });

  it.each(bodyRoutes)('$name', async ({ name, def }) => {
    const req = restRequest(def, inputFor(name, def, fx));
    for (const text of NOT_OBJECTS) {
      const r = await h.rest(req.method, req.path, { token: fx.owner.token, body: text });
      samples.push({ name, status: r.status, body: r.body });
      expect(r.status, `${text}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(400);
      expect(r.body.message, text).toMatch(/must be a JSON object/);
      expect(r.body.data.fields).toEqual([{ path: '(body)', message: expect.stringMatching(/^expected an object/) }]);
    }
  });

  it('an unknown field is reported under its own name', async () => {
    const r = await h.rest('PATCH', '/api/users/me', { token: fx.owner.token, body: { displayName: 'ok', ownerId: 'x', extra: 1 } });
    expect(r.status).toBe(400);
    expect(fieldPaths(r.body)).toEqual(expect.arrayContaining(['ownerId', 'extra']));
    expect(fieldPaths(r.body)).not.toContain('(input)');
    const t = await trpc('users.updateMe', 'mutation', { ownerId: 'x' }, fx.owner.token);
    expect(fieldPaths(t.body)).toEqual(['ownerId']);
  });
});

// ---------------------------------------------------------------- methods and routes

describe('HTTP methods and unknown routes', () => {
  it.each(procedures)('tRPC $name with the wrong method is a 405 METHOD_NOT_SUPPORTED', async ({ name, def }) => {
    const wrong = def.type === 'mutation' ? 'GET' : 'POST';
    const r = await trpc(name, def.type, inputFor(name, def, fx), fx.owner.token, wrong);
    expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBe(405);
    expect(r.body.error.data.code).toBe('METHOD_NOT_SUPPORTED');
  });

  it('an unknown REST path is a JSON 404 with the request id and no stack', async () => {
    for (const path of ['/api/nope', '/api/boards/x/y/z', '/api/', '/api/%E0%A4%A']) {
      const r = await h.rest('GET', path, { token: fx.owner.token });
      expect(r.status, path).toBe(404);
      expect(r.body).toMatchObject({
        code: 'NOT_FOUND',
        data: { code: 'NOT_FOUND', httpStatus: 404, requestId: r.headers.get('x-request-id') },
      });
      expect(JSON.stringify(r.body)).not.toMatch(/stack|\.m?[jt]s:\d+/);
    }
  });

  const paths = [...new Set(REST_ROUTES.map((r) => r.path))];
  it.each(paths)('%s with a method it does not serve is a JSON 405 listing the allowed ones', async (template) => {
    const served = REST_ROUTES.filter((r) => r.path === template).map((r) => r.method);
    const method = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((m) => !served.includes(m))!;
    const path = `/api${template.replace(/\{\w+\}/g, () => fx.ids.boardId!)}`;
    const r = await h.rest(method, path, { token: fx.owner.token, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(r.status).toBe(405);
    expect(r.body).toMatchObject({ code: 'METHOD_NOT_SUPPORTED', data: { requestId: expect.any(String) } });
    expect(r.headers.get('allow')?.split(', ').sort()).toEqual([...served].sort());
  });
});

// ---------------------------------------------------------------- placement

describe('placement names a neighbour of another column: 400 naming the field', () => {
  it('move and add, over REST and tRPC', async () => {
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Place' });
    const [col1, col2] = board.columns;
    const a = await c.actionPoints.create({ title: 'a', boardId: board.id, columnId: col1!.id });
    const b = await c.actionPoints.create({ title: 'b', boardId: board.id, columnId: col2!.id });
    const lone = await c.actionPoints.create({ title: 'lone' });
    const move = await h.rest('POST', `/api/boards/${board.id}/action-points/${a.id}/move`, {
      token: u.token,
      body: { columnId: col1!.id, beforeId: b.id },
    });
    expect(move.status).toBe(400);
    expect(fieldPaths(move.body)).toEqual(['beforeId']);
    const add = await trpc(
      'actionPoints.addToBoard',
      'mutation',
      { boardId: board.id, actionPointId: lone.id, columnId: col1!.id, afterId: b.id },
      u.token,
    );
    expect(add.status).toBe(400);
    expect(fieldPaths(add.body)).toEqual(['afterId']);
  });
});

// ---------------------------------------------------------------- creates

describe('REST creates answer 201', () => {
  const creates = REST_ROUTES.filter((r) => r.creates);
  it('there are creates', () => {
    expect(creates.map((r) => r.name)).toEqual(
      expect.arrayContaining(['boards.create', 'actionPoints.create', 'comments.create', 'tags.create', 'links.create', 'columns.create']),
    );
  });
  it('each one, and the document says so', async () => {
    const doc = openApiDocument({ baseUrl: '/api', version: 'test' }) as any;
    const u = await h.user();
    const c = h.caller(u.token);
    const board = await c.boards.create({ name: 'Creates' });
    const [ap1, ap2] = [
      await c.actionPoints.create({ title: 'one', boardId: board.id, columnId: board.columns[0]!.id }),
      await c.actionPoints.create({ title: 'two' }),
    ];
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
      'hex',
    );
    const up = await c.blobStorage.createUpload({ fileName: 'new.png', contentType: 'image/png', sizeBytes: png.byteLength });
    expect((await fetch(up.url, { method: 'PUT', headers: up.headers, body: png })).status).toBe(201);
    const bodies: Record<string, [string, unknown]> = {
      'blobStorage.createUpload': ['/api/blob-storage/uploads', { fileName: 'new.pdf', contentType: 'application/pdf', sizeBytes: 10 }],
      'documents.create': ['/api/documents', { title: 'New', text: 'New' }],
      'bot.suggest': ['/api/bot/suggestions', { text: 'Alice will send the new report.' }],
      'attachments.create': [`/api/action-points/${ap1.id}/attachments`, { uploadId: up.uploadId }],
      'boards.create': ['/api/boards', { name: 'New' }],
      'actionPoints.create': ['/api/action-points', { title: 'New' }],
      'columns.create': [`/api/boards/${board.id}/columns`, { name: 'New' }],
      'comments.create': [`/api/action-points/${ap1.id}/comments`, { body: 'New' }],
      'tags.create': [`/api/boards/${board.id}/tags`, { name: 'new', color: '#123456' }],
      'links.create': [`/api/action-points/${ap1.id}/links`, { targetId: ap2.id, type: 'RELATES' }],
      'actionPoints.addToBoard': [`/api/boards/${board.id}/action-points`, { actionPointId: ap2.id, columnId: board.columns[0]!.id }],
      'workflows.createRule': [
        `/api/boards/${board.id}/workflow/rules`,
        { name: 'New', trigger: { type: 'ACTION_POINT_CREATED' }, actions: [{ type: 'COMMENT', body: 'New' }] },
      ],
    };
    for (const route of creates) {
      const [path, body] = bodies[route.name] ?? [null, null];
      expect(path, `${route.name}: add a sample body`).toBeTruthy();
      const r = await h.rest('POST', path!, { token: u.token, body });
      expect(r.status, `${route.name}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(201);
      expect(Object.keys(doc.paths[route.path].post.responses)).toContain('201');
    }
  });
});

// ---------------------------------------------------------------- outage

describe('database outage: 503 with Retry-After on every procedure, REST and tRPC', () => {
  let app: ReturnType<typeof createApp>;
  let deps: Deps;
  beforeAll(() => {
    const db = createDb('postgresql://postgres@127.0.0.1:1/unreachable', { max: 2, connectTimeoutMs: 2_000 });
    deps = { ...h.server.deps, db, users: undefined };
    app = createApp({
      deps,
      readiness: { check: async () => 'database unreachable', shuttingDown: () => false },
      metrics: createMetrics(),
    });
  });
  afterAll(async () => {
    await deps.db.$disconnect().catch(() => {});
  });

  it('maps connection errors and pool-acquire timeouts', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
      { code: 'P1001', message: "Can't reach database server" },
      { code: 'P2024', message: 'Timed out fetching a new connection from the connection pool' },
      { code: '57P01', message: 'terminating connection due to administrator command' },
      new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }),
    ]) {
      expect(fromDatabaseError(err)?.code, String((err as Error).message)).toBe('SERVICE_UNAVAILABLE');
    }
    expect(fromDatabaseError({ code: '23505' })?.code).toBe('CONFLICT');
  });

  it.each(callable)('$name', async ({ name, def }) => {
    const input = inputFor(name, def, fx);
    const headers = { authorization: `Bearer ${fx.owner.token}`, 'content-type': 'application/json' };
    const t =
      def.type === 'mutation'
        ? await app.fetch(new Request(`http://x/trpc/${name}`, { method: 'POST', headers, body: JSON.stringify(input) }))
        : await app.fetch(new Request(`http://x/trpc/${name}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }));
    expect(t.status, `tRPC ${await t.clone().text()}`).toBe(503);
    expect(Number(t.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await t.json()) as any).error.data.code).toBe('SERVICE_UNAVAILABLE');
    if (!def.meta?.openapi) return;
    const req = restRequest(def, input);
    const r = await app.fetch(
      new Request(`http://x${req.path}`, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      }),
    );
    const body = await r.json();
    samples.push({ name, status: r.status, body });
    expect(r.status, `REST ${JSON.stringify(body)}`).toBe(503);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('subscriptions too', async () => {
    const caller = createCallerFactory(appRouter)(
      createContextFactory(deps)({ req: new Request('http://x', { headers: { authorization: `Bearer ${fx.owner.token}` } }) }),
    );
    for (const { name, def } of procedures.filter((p) => p.def.type === 'subscription')) {
      let fn: any = caller;
      for (const part of name.split('.')) fn = fn[part];
      const code = await Promise.resolve()
        .then(async () => {
          const it = (await fn(inputFor(name, def, fx)))[Symbol.asyncIterator]();
          await it.next();
          return 'OK';
        })
        .catch((e: { code?: string }) => e.code);
      expect(code, name).toBe('SERVICE_UNAVAILABLE');
    }
  });
});

// ---------------------------------------------------------------- the document

describe('the OpenAPI document describes the real error bodies', () => {
  it('401, 403, 404 and 409 samples', async () => {
    const board = await h.caller(fx.owner.token).boards.create({ name: 'Doc' });
    const push = (name: string, r: Reply) => samples.push({ name, status: r.status, body: r.body });
    push('users.me', await h.rest('GET', '/api/users/me'));
    push('boards.update', await h.rest('PATCH', `/api/boards/${board.id}`, { token: fx.stranger.token, body: { name: 'x' } }));
    push(
      'boards.update',
      await h.rest('PATCH', `/api/boards/${board.id}`, { token: fx.owner.token, body: { name: 'x', expectedVersion: 99 } }),
    );
    push('boards.delete', await h.rest('DELETE', `/api/boards/${fx.ids.boardId}`, { token: fx.viewer.token }));
    push(
      'tags.create',
      await h.rest('POST', `/api/boards/${fx.ids.boardId}/tags`, { token: fx.owner.token, body: { name: 'fixture', color: '#aabbcc' } }),
    );
    expect(samples.map((s) => s.status)).toEqual(expect.arrayContaining([400, 401, 403, 404, 409, 503]));
  });

  it('every sampled error body validates against its operation’s response schema', async () => {
    const doc = openApiDocument({ baseUrl: '/api', version: 'test' }) as any;
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
    const routeOf = Object.fromEntries(REST_ROUTES.map((r) => [r.name, r]));
    const problems: string[] = [];
    for (const s of samples) {
      const route = routeOf[s.name]!;
      const response = doc.paths[route.path]?.[route.method.toLowerCase()]?.responses?.[String(s.status)];
      if (!response) {
        problems.push(`${s.name}: ${s.status} is not listed`);
        continue;
      }
      const ref = response.content['application/json'].schema.$ref as string;
      const validate = ajv.getSchema(ref)!;
      if (!validate(s.body))
        problems.push(`${s.name} ${s.status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(s.body).slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    expect(samples.length).toBeGreaterThan(50);
  });
});
