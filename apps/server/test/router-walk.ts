// Walking the router: every procedure, its input schema as JSON Schema, a valid input
// built from a fixture, and the REST request that carries it. Shared by the tests that
// check a class of behaviour on every procedure.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { appRouter } from '@ap/api/root';
import { testDb } from '@ap/testing/db';
import { makePlainPng } from '@ap/testing/sample-documents';
import type { Harness, TestUser } from './harness.ts';
import { setupBoard, type BoardSetup } from './sharing-fixtures.ts';

export type JsonSchema = {
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

export interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: { toJSONSchema?: (p: object) => JsonSchema }[];
  meta?: { openapi?: { method: string; path: string } };
}

export const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures,
)
  .map(([name, p]) => ({ name, def: p._def }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Fields that end in "Id" but are not resources: they are left out of the input. */
export const NOT_AN_ENTITY = new Set(['lastEventId']);

/**
 * Procedures that take exactly one of several id fields: each input the walk builds
 * names one of them (the first by default), and `inputVariants` gives one input per field.
 */
export const ONE_OF_IDS: Record<string, string[]> = {
  'aiVision.analyze': ['documentId', 'attachmentId'],
};

/** Sample values for non-id fields, by name (the rest is derived from the schema). */
export const SAMPLES: Record<string, unknown> = {
  name: 'Security probe',
  title: 'Security probe',
  body: 'Security probe',
  description: 'Security probe',
  color: '#112233',
  level: 'VIEW',
  type: 'RELATES',
  q: 'probe',
  input: ['Security probe'],
  // A rule: the simplest trigger and one action that names no id.
  trigger: { type: 'ACTION_POINT_CREATED' },
  actions: [{ type: 'COMMENT', body: 'Security probe' }],
  messages: [{ role: 'user', content: 'Security probe' }],
};

export interface Fixture {
  owner: TestUser;
  viewer: TestUser;
  grantee: TestUser;
  stranger: TestUser;
  ids: Record<string, string>;
  /** Per-procedure overrides (placement ids refer to columns or to action points). */
  idsFor(procedure: string): Record<string, string>;
}

export const isIdField = (field: string, schema: JsonSchema) => /(^id$|Id$|Ids$)/.test(field) || schema.format === 'uuid';

export function objectSchema(s: JsonSchema | undefined): JsonSchema | null {
  if (!s) return null;
  if (s.properties) return s;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const o = objectSchema(alt);
    if (o) return o;
  }
  return s.type === 'object' ? { ...s, properties: {} } : null;
}

export function inputSchema(def: ProcedureDef): JsonSchema {
  const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const input of def.inputs) {
    const s = objectSchema(input.toJSONSchema?.({ io: 'input', unrepresentable: 'any' }));
    if (!s) continue;
    Object.assign(merged.properties!, s.properties);
    merged.required!.push(...(s.required ?? []));
  }
  return merged;
}

export function idFields(def: ProcedureDef): string[] {
  const s = inputSchema(def);
  return Object.entries(s.properties ?? {})
    .filter(([field, fs]) => isIdField(field, fs) && !NOT_AN_ENTITY.has(field))
    .map(([field]) => field);
}

export function sampleFor(field: string, s: JsonSchema): unknown {
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

export function buildObject(
  s: JsonSchema,
  ids: Record<string, string>,
  procedure = '',
  omit: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  for (const [field, fs] of Object.entries(s.properties ?? {})) {
    if (NOT_AN_ENTITY.has(field) || omit.has(field)) continue;
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

/** A valid input of the procedure; with one-of ids (ONE_OF_IDS), the `variant`-th of them. */
export function inputFor(name: string, def: ProcedureDef, fx: Fixture, variant = 0): Record<string, unknown> {
  const oneOf = ONE_OF_IDS[name] ?? [];
  const omit = new Set(oneOf.filter((_, i) => i !== variant));
  return buildObject(inputSchema(def), fx.idsFor(name), name, omit);
}

/** One valid input per way of naming the resource (one per one-of id field; else the one input). */
export function inputVariants(name: string, def: ProcedureDef, fx: Fixture): { label: string; input: Record<string, unknown> }[] {
  const oneOf = ONE_OF_IDS[name];
  if (!oneOf) return [{ label: idFields(def).join(', '), input: inputFor(name, def, fx) }];
  return oneOf.map((field, i) => ({ label: field, input: inputFor(name, def, fx, i) }));
}

export function restRequest(def: ProcedureDef, input: Record<string, unknown>): { method: string; path: string; body?: unknown } {
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
export async function callCode(h: Harness, token: string, name: string, def: ProcedureDef, input: unknown): Promise<string> {
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

/** Users with each role on one board, and an existing resource for every id field. */
export async function createFixture(h: Harness): Promise<Fixture> {
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
  const rule = await o.workflows.createRule({
    boardId: board.boardId,
    name: 'Fixture rule',
    trigger: { type: 'ACTION_POINT_CREATED' },
    actions: [{ type: 'COMMENT', body: 'Fixture rule' }],
    enabled: false,
  });

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

  // Documents, an upload and an attachment, written as rows (access is what is probed here;
  // the upload flow itself is tested against Azurite in documents.test.ts).
  const upload = await db.upload.create({
    data: {
      ownerId: owner.id,
      blobName: `uploads/${owner.id}/${randomUUID()}`,
      fileName: 'probe.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    select: { id: true },
  });
  // The document and the attachment are small blank images with real blobs, so the
  // procedures that read a file (aiVision.analyze, documentIntelligence.analyze) get
  // past access to a file they can read.
  const png = makePlainPng(64, 64);
  const documentBlob = `documents/probe/${randomUUID()}`;
  const attachmentBlob = `attachments/${randomUUID()}`;
  await h.server.deps.blobs.put(documentBlob, png, 'image/png');
  await h.server.deps.blobs.put(attachmentBlob, png, 'image/png');
  const document = await db.document.create({
    data: {
      title: 'Security fixture',
      fileName: 'probe.png',
      contentType: 'image/png',
      sizeBytes: png.byteLength,
      sha256: '0'.repeat(64),
      status: 'QUEUED',
      blobName: documentBlob,
      ownerId: owner.id,
      permissions: {
        create: [
          { userId: viewer.id, level: 'VIEW', grantedById: owner.id },
          { userId: grantee.id, level: 'VIEW', grantedById: owner.id },
        ],
      },
    },
    select: { id: true },
  });
  const attachment = await db.attachment.create({
    data: {
      actionPointId: ap1!,
      uploaderId: owner.id,
      fileName: 'probe.png',
      contentType: 'image/png',
      sizeBytes: png.byteLength,
      storageKey: attachmentBlob,
    },
    select: { id: true },
  });

  // A bot interaction of the owner's, with one suggestion (the rule-based extractor reads it).
  const interaction = await o.bot.suggest({ text: 'Alice will send the fixture report by Friday.', boardId: board.boardId });
  expect(interaction.suggestions.length).toBeGreaterThan(0);

  const ids: Record<string, string> = {
    interactionId: interaction.id,
    suggestionId: interaction.suggestions[0]!.id,
    documentId: document.id,
    documentIds: document.id,
    uploadId: upload.id,
    attachmentId: attachment.id,
    boardId: board.boardId,
    columnId: board.columnIds[0]!,
    actionPointId: ap1!,
    targetId: ap2!,
    commentId: comment.id,
    tagId: tag.id,
    linkId: link.id,
    ruleId: rule.id,
    userId: grantee.id,
    assigneeId: grantee.id,
    notificationId: notification.id,
    organizationId: org.id,
    beforeId: ap2!,
    afterId: ap2!,
    moveToColumnId: board.columnIds[1]!,
  };
  return {
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
}
