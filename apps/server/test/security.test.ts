// Generated security cases: every procedure of the router is walked and classified.
// - Every procedure whose input has an id field: a stranger (signed in, no rights)
//   gets NOT_FOUND over tRPC and 404 over REST.
// - Every mutation among them: a user with VIEW on the board gets FORBIDDEN / 403,
//   except the few listed in VIEWER_MAY_ACT with the code they get instead.
// - Every procedure without an id field must be listed in NO_RESOURCE_ID.
// A procedure with an id field that has no fixture value, a query or mutation
// without a REST path, or a procedure in none of the classes fails its test, so a
// new procedure cannot go uncovered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { appRouter } from '@ap/api/root';
import { testDb } from '@ap/testing/db';
import { startHarness, type Harness, type TestUser } from './harness.ts';
import { setupBoard, type BoardSetup } from './sharing-fixtures.ts';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
};

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: { toJSONSchema?: (p: object) => JsonSchema }[];
  meta?: { openapi?: { method: string; path: string } };
}

const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures,
)
  .map(([name, p]) => ({ name, def: p._def }))
  .sort((a, b) => a.name.localeCompare(b.name));

/**
 * Procedures that take no id: they act on the caller only (their profile, their
 * lists, new resources they will own), so there is nothing of someone else's to
 * reach. Keep this list in sync with the router; anything not here must take an id.
 */
const NO_RESOURCE_ID = new Set([
  'users.me',
  'users.updateMe',
  'users.search', // results limited to people who share an organization or a board with the caller
  'organizations.list',
  'boards.list',
  'actionPoints.list',
  'notifications.list',
  'notifications.unreadCount',
  'notifications.markAllRead',
  'notifications.onNew',
]);

/**
 * Mutations taking an id that a board viewer may call, and what the viewer gets
 * when the id is the fixture's (someone else's) resource.
 */
const VIEWER_MAY_ACT: Record<string, { code: 'NOT_FOUND'; why: string }> = {
  'boards.create': {
    code: 'NOT_FOUND',
    why: 'anyone creates boards; placing one in an organization needs membership, and the viewer is not a member of the fixture organization',
  },
  'notifications.markRead': {
    code: 'NOT_FOUND',
    why: 'anyone marks their own notifications; the fixture notification is another user\'s, so it is invisible',
  },
};

/** Fields that end in "Id" but are not resources: they are left out of the input. */
const NOT_AN_ENTITY = new Set(['lastEventId']);

/** Sample values for non-id fields, by name (the rest is derived from the schema). */
const SAMPLES: Record<string, unknown> = {
  name: 'Security probe',
  title: 'Security probe',
  body: 'Security probe',
  description: 'Security probe',
  color: '#112233',
  level: 'VIEW',
  type: 'RELATES',
  q: 'probe',
};

interface Fixture {
  owner: TestUser;
  viewer: TestUser;
  grantee: TestUser;
  stranger: TestUser;
  ids: Record<string, string>;
  /** Per-procedure overrides (placement ids refer to columns or to action points). */
  idsFor(procedure: string): Record<string, string>;
}

const isIdField = (field: string, schema: JsonSchema) =>
  /(^id$|Id$|Ids$)/.test(field) || schema.format === 'uuid';

function objectSchema(s: JsonSchema | undefined): JsonSchema | null {
  if (!s) return null;
  if (s.properties) return s;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const o = objectSchema(alt);
    if (o) return o;
  }
  return s.type === 'object' ? { ...s, properties: {} } : null;
}

function inputSchema(def: ProcedureDef): JsonSchema {
  const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const input of def.inputs) {
    const s = objectSchema(input.toJSONSchema?.({ io: 'input', unrepresentable: 'any' }));
    if (!s) continue;
    Object.assign(merged.properties!, s.properties);
    merged.required!.push(...(s.required ?? []));
  }
  return merged;
}

function idFields(def: ProcedureDef): string[] {
  const s = inputSchema(def);
  return Object.entries(s.properties ?? {})
    .filter(([field, fs]) => isIdField(field, fs) && !NOT_AN_ENTITY.has(field))
    .map(([field]) => field);
}

function sampleFor(field: string, s: JsonSchema): unknown {
  if (field in SAMPLES) return SAMPLES[field];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf?.find((a) => a.type !== 'null') ?? s.oneOf?.find((a) => a.type !== 'null');
  if (alt) return sampleFor(field, alt);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (s.format === 'email') return 'probe@example.test';
      if (s.format === 'uri' || s.format === 'url') return 'https://example.test/probe';
      if (s.pattern) throw new Error(`no sample for patterned field "${field}": add it to SAMPLES`);
      return 'p'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      if ((s.minItems ?? 0) > 0) throw new Error(`no sample for non-empty array "${field}": add it to SAMPLES`);
      return [];
    case 'object':
      return buildObject(s, {});
    default:
      throw new Error(`no sample for field "${field}" (${JSON.stringify(s).slice(0, 120)}): add it to SAMPLES`);
  }
}

function buildObject(s: JsonSchema, ids: Record<string, string>, procedure = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [field, fs] of Object.entries(s.properties ?? {})) {
    if (NOT_AN_ENTITY.has(field)) continue;
    if (isIdField(field, fs)) {
      // Placement takes one of beforeId / afterId: give beforeId only.
      if (field === 'afterId' && 'beforeId' in (s.properties ?? {})) continue;
      if (!(field in ids)) {
        throw new Error(`${procedure}: no fixture value for id field "${field}" — add one to the security fixture`);
      }
      out[field] = fs.type === 'array' ? [ids[field]] : ids[field];
    } else if (required.has(field) || field in SAMPLES) {
      out[field] = sampleFor(field, fs);
    }
  }
  return out;
}

function inputFor(name: string, def: ProcedureDef, fx: Fixture): Record<string, unknown> {
  return buildObject(inputSchema(def), fx.idsFor(name), name);
}

function restRequest(def: ProcedureDef, input: Record<string, unknown>): { method: string; path: string; body?: unknown } {
  const { method, path } = def.meta!.openapi!;
  const rest = { ...input };
  const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in rest)) throw new Error(`path parameter {${key}} has no value`);
    const v = String(rest[key]);
    delete rest[key];
    return encodeURIComponent(v);
  });
  const url = `/api${filled}`;
  if (method === 'GET' || method === 'DELETE') {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(rest)) {
      if (Array.isArray(v)) v.forEach((x) => qs.append(k, String(x)));
      else if (v !== undefined) qs.append(k, String(v));
    }
    const q = qs.toString();
    return { method, path: q ? `${url}?${q}` : url };
  }
  return { method, path: url, body: rest };
}

/** Calls a procedure in-process; resolves to the tRPC error code, or 'OK'. */
async function callCode(h: Harness, token: string, name: string, def: ProcedureDef, input: unknown): Promise<string> {
  let fn: unknown = h.caller(token);
  for (const part of name.split('.')) fn = (fn as Record<string, unknown>)[part];
  try {
    const result = await (fn as (i: unknown) => Promise<unknown>)(input);
    if (def.type === 'subscription') {
      // A subscription checks access when it starts streaming: pull the first item.
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      try {
        const first = await Promise.race([
          iterator.next().then(() => 'OK'),
          new Promise<string>((resolve) => setTimeout(() => resolve('OK (still streaming)'), 3_000)),
        ]);
        return first;
      } finally {
        void iterator.return?.(undefined)?.catch(() => {});
      }
    }
    return 'OK';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

let h: Harness;
let fx: Fixture;

beforeAll(async () => {
  h = await startHarness();
  const [owner, viewer, grantee, stranger] = await Promise.all([h.user(), h.user(), h.user(), h.user()]);
  const o = h.caller(owner.token);
  const board: BoardSetup = await setupBoard(h, owner.token, 'Security fixture');
  const [ap1, ap2] = board.actionPointIds;
  await o.boardPermissions.grant({ boardId: board.boardId, userId: viewer.id, level: 'VIEW' });
  await o.boardPermissions.grant({ boardId: board.boardId, userId: grantee.id, level: 'EDIT' });
  await o.actionPointShares.share({ actionPointId: ap1!, userId: grantee.id, level: 'COMMENT' });
  const comment = await o.comments.create({ actionPointId: ap1!, body: 'Fixture comment' });
  const tag = await o.tags.create({ boardId: board.boardId, name: 'fixture', color: '#aabbcc' });
  await o.tags.attach({ actionPointId: ap1!, tagId: tag.id });
  const link = await o.links.create({ actionPointId: ap1!, targetId: ap2!, type: 'RELATES' });

  const db = testDb();
  const notification = await db.notification.findFirstOrThrow({
    where: { userId: grantee.id },
    select: { id: true },
    orderBy: { seq: 'desc' },
  });
  const suffix = randomUUID().slice(0, 8);
  const role = await db.role.create({ data: { key: `org:probe-${suffix}`, name: 'Probe member' }, select: { id: true } });
  const org = await db.organization.create({
    data: { clerkId: `org_probe_${suffix}`, name: 'Probe org', members: { create: { userId: owner.id, roleId: role.id } } },
    select: { id: true },
  });

  const ids: Record<string, string> = {
    boardId: board.boardId,
    columnId: board.columnIds[0]!,
    actionPointId: ap1!,
    targetId: ap2!,
    commentId: comment.id,
    tagId: tag.id,
    linkId: link.id,
    userId: grantee.id,
    assigneeId: grantee.id,
    notificationId: notification.id,
    organizationId: org.id,
    beforeId: ap2!,
    afterId: ap2!,
    moveToColumnId: board.columnIds[1]!,
  };
  fx = {
    owner,
    viewer,
    grantee,
    stranger,
    ids,
    idsFor(procedure) {
      // columns.move places a column relative to another column.
      if (procedure.startsWith('columns.')) {
        return { ...ids, beforeId: board.columnIds[1]!, afterId: board.columnIds[1]! };
      }
      return ids;
    },
  };
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the router walk', () => {
  it('sees the whole router, including every sharing and collaboration procedure', () => {
    const names = procedures.map((p) => p.name);
    for (const expected of [
      'boardPermissions.list', 'boardPermissions.grant', 'boardPermissions.revoke',
      'actionPointShares.list', 'actionPointShares.share', 'actionPointShares.unshare',
      'comments.list', 'comments.create', 'comments.update', 'comments.delete',
      'tags.list', 'tags.create', 'tags.update', 'tags.delete', 'tags.attach', 'tags.detach',
      'links.list', 'links.create', 'links.delete', 'boards.activity',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('fails on an id field without a fixture value', () => {
    const def = {
      type: 'mutation',
      inputs: [{ toJSONSchema: () => ({ type: 'object', properties: { widgetId: { type: 'string', format: 'uuid' } }, required: ['widgetId'] }) }],
    } as ProcedureDef;
    expect(() => inputFor('widgets.delete', def, { idsFor: () => ({}) } as unknown as Fixture)).toThrow(/widgetId/);
    expect(idFields(def)).toEqual(['widgetId']);
  });
});

describe.each(procedures)('$name', ({ name, def }) => {
  const ids = idFields(def);

  if (ids.length === 0) {
    it('takes no id and is listed as acting on the caller only', () => {
      expect(NO_RESOURCE_ID.has(name), `${name} takes no id: add it to NO_RESOURCE_ID (or give it an id)`).toBe(true);
    });
    return;
  }

  it('has a REST path unless it is a subscription', () => {
    if (def.type !== 'subscription') expect(def.meta?.openapi?.path, `${name} has no meta.openapi`).toBeTruthy();
    expect(NO_RESOURCE_ID.has(name), `${name} takes ids (${ids.join(', ')}) but is listed in NO_RESOURCE_ID`).toBe(false);
  });

  it(`a stranger gets NOT_FOUND (${ids.join(', ')})`, async () => {
    const input = inputFor(name, def, fx);
    expect(await callCode(h, fx.stranger.token, name, def, input), 'tRPC').toBe('NOT_FOUND');
    if (def.type !== 'subscription' && def.meta?.openapi) {
      const req = restRequest(def, input);
      const res = await h.rest(req.method, req.path, { token: fx.stranger.token, body: req.body });
      expect(res.status, `REST ${req.method} ${req.path} → ${JSON.stringify(res.body).slice(0, 200)}`).toBe(404);
    }
  });

  if (def.type === 'mutation') {
    const allowed = VIEWER_MAY_ACT[name];
    const expected = allowed?.code ?? 'FORBIDDEN';
    it(`a board viewer gets ${expected}`, async () => {
      const input = inputFor(name, def, fx);
      expect(await callCode(h, fx.viewer.token, name, def, input), 'tRPC').toBe(expected);
      const req = restRequest(def, input);
      const res = await h.rest(req.method, req.path, { token: fx.viewer.token, body: req.body });
      expect(res.status, `REST ${req.method} ${req.path} → ${JSON.stringify(res.body).slice(0, 200)}`).toBe(
        expected === 'FORBIDDEN' ? 403 : 404,
      );
    });
  }
});

/** Cursors a client could craft: wrong arity, wrong types, values that are not dates or ids. */
const JUNK_CURSORS = [
  'not base64 json',
  [null],
  [{ a: 1 }],
  ['not-a-date', 'not-a-uuid'],
  ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
  ['x', 'y', 'z'],
  [123],
  [99999999999999999999999],
].map((v) => (typeof v === 'string' ? v : Buffer.from(JSON.stringify(v)).toString('base64url')));

const listProcedures = procedures.filter(({ def }) => def.type === 'query' && 'cursor' in (inputSchema(def).properties ?? {}));

describe('every list refuses a crafted cursor with BAD_REQUEST (never a 500)', () => {
  it('covers the lists of the router', () => {
    expect(listProcedures.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(listProcedures)('$name', ({ name, def }) => {
    it('tRPC and REST', async () => {
      const base = inputFor(name, def, fx);
      const token = fx.owner.token;
      for (const cursor of JUNK_CURSORS) {
        const input = { ...base, cursor };
        expect(await callCode(h, token, name, def, input), `${name} cursor ${cursor}`).toBe('BAD_REQUEST');
        const req = restRequest(def, input);
        const res = await h.rest(req.method, req.path, { token });
        expect(res.status, `REST ${req.path}`).toBe(400);
      }
    });
  });
});
