// Migrations are written by hand: this test fails when prisma/schema.prisma and the
// migrated database disagree (a column, its type, nullability, a unique index, a
// foreign key), and writes and reads every model's every field through the client.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, testDb } from '@ap/testing/db';

interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
}
interface Model {
  name: string;
  fields: Field[];
  block: string;
}

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Boolean', 'DateTime', 'Json', 'Float', 'Decimal', 'Bytes']);

async function parseSchema() {
  const text = await readFile(fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url)), 'utf8');
  const enums = new Set([...text.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]!));
  const models: Model[] = [];
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: Field[] = [];
    for (const line of m[2]!.split('\n')) {
      const f = line.trim().match(/^(\w+)\s+(\w+(?:\("[^"]*"\))?)(\[\])?(\?)?\s*(.*)$/);
      if (!f || f[1]!.startsWith('@@')) continue;
      fields.push({ name: f[1]!, type: f[2]!, list: !!f[3], optional: !!f[4], attrs: f[5] ?? '' });
    }
    models.push({ name: m[1]!, fields, block: m[2]! });
  }
  return { enums, models };
}

function expectedType(f: Field, enums: Set<string>): string {
  if (f.type.startsWith('Unsupported("vector')) return 'USER-DEFINED:vector';
  if (f.type === 'Unsupported("tsvector")') return 'tsvector';
  if (enums.has(f.type)) return `USER-DEFINED:${f.type}`;
  if (f.list) return f.attrs.includes('@db.Uuid') ? 'ARRAY:_uuid' : 'ARRAY:_text';
  if (f.attrs.includes('@db.Uuid')) return 'uuid';
  return (
    {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Boolean: 'boolean',
      DateTime: 'timestamp without time zone',
      Json: 'jsonb',
      Float: 'double precision',
    } as Record<string, string>
  )[f.type]!;
}

describe('schema.prisma matches the migrated database', () => {
  let client: pg.Client;
  let schema: Awaited<ReturnType<typeof parseSchema>>;

  beforeAll(async () => {
    schema = await parseSchema();
    client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(() => client.end());

  it('has every table and column with the right type and nullability, and nothing else', async () => {
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const expected = new Set<string>();
    for (const model of schema.models) {
      for (const f of model.fields) {
        const isScalar = SCALARS.has(f.type) || schema.enums.has(f.type) || f.type.startsWith('Unsupported');
        if (!isScalar) continue;
        const key = `${model.name}.${f.name}`;
        expected.add(key);
        const col = actual.get(key);
        expect(col, `missing column ${key}`).toBeDefined();
        const type = ['USER-DEFINED', 'ARRAY'].includes(col!.data_type) ? `${col!.data_type}:${col!.udt_name}` : col!.data_type;
        expect(type, `type of ${key}`).toBe(expectedType(f, schema.enums));
        if (!f.list) expect(col!.is_nullable, `nullability of ${key}`).toBe(f.optional ? 'YES' : 'NO');
      }
    }
    expect(
      [...actual.keys()].filter((k) => !expected.has(k)),
      'columns not in schema.prisma',
    ).toEqual([]);
  });

  it('has a unique index for every @unique / @@unique / @id and a foreign key for every relation', async () => {
    const { rows: indexes } = await client.query<{ table: string; cols: string[]; unique: boolean }>(
      `SELECT t.relname AS table, i.indisunique AS unique,
              array_agg(a.attname ORDER BY k.ord)::text[] AS cols
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        GROUP BY t.relname, i.indexrelid, i.indisunique`,
    );
    const { rows: fks } = await client.query<{ table: string; cols: string[]; ref: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS ref,
              array_agg(a.attname ORDER BY k.ord)::text[] AS cols
         FROM pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f'
        GROUP BY c.oid, c.conrelid, c.confrelid`,
    );
    const unq = (table: string, cols: string[]) =>
      indexes.some((i) => i.unique && i.table === table && i.cols.join(',') === cols.join(','));
    const idx = (table: string, cols: string[]) => indexes.some((i) => i.table === table && i.cols.join(',') === cols.join(','));
    const strip = (s: string) => s.replace(/"/g, '');
    for (const model of schema.models) {
      for (const f of model.fields) {
        if (/@id\b|@unique\b/.test(f.attrs)) expect(unq(model.name, [f.name]), `unique ${model.name}.${f.name}`).toBe(true);
        const rel = f.attrs.match(/fields:\s*\[([^\]]+)\]/);
        if (rel) {
          const cols = rel[1]!.split(',').map((s) => s.trim());
          expect(
            fks.some((k) => strip(k.table) === model.name && strip(k.ref) === f.type && k.cols.join(',') === cols.join(',')),
            `foreign key ${model.name}(${cols}) → ${f.type}`,
          ).toBe(true);
        }
      }
      for (const m of model.block.matchAll(/@@(id|unique|index)\(\[([^\]]+)\]/g)) {
        const cols = m[2]!.split(',').map((s) => s.trim());
        const ok = m[1] === 'index' ? idx(model.name, cols) : unq(model.name, cols);
        expect(ok, `@@${m[1]}(${cols}) on ${model.name}`).toBe(true);
      }
    }
  });

  it('writes and reads back every field of every model', async () => {
    const db = testDb();
    const uid = crypto.randomUUID();
    const at = new Date('2026-01-02T03:04:05.678Z');
    const user = await db.user.create({
      data: {
        clerkId: `user_${uid}`,
        email: `${uid}@x.test`,
        displayName: 'U',
        imageUrl: 'https://i/u.png',
        clerkUpdatedAt: at,
        provisionedAt: at,
        deletedAt: null,
      },
    });
    const org = await db.organization.create({
      data: { clerkId: `org_${uid}`, name: 'O', slug: `o-${uid}`, imageUrl: 'https://i/o.png', clerkUpdatedAt: at },
    });
    const role = await db.role.create({ data: { key: `org:role_${uid}`, name: 'R', isAdmin: true } });
    const userRole = await db.userRole.create({ data: { userId: user.id, organizationId: org.id, roleId: role.id, clerkUpdatedAt: at } });
    const board = await db.board.create({
      data: { name: 'B', description: 'd', ownerId: user.id, organizationId: org.id, isPersonal: true, version: 3 },
    });
    const column = await db.column.create({ data: { boardId: board.id, name: 'C', rank: 'm' } });
    const ap = await db.actionPoint.create({
      data: { title: 'T', description: 'D', dueDate: at, completedAt: at, ownerId: user.id, assigneeId: user.id, version: 2 },
    });
    const assoc = await db.actionPointBoardAssociation.create({
      data: { actionPointId: ap.id, boardId: board.id, columnId: column.id, rank: 'm' },
    });
    const perm = await db.boardPermission.create({ data: { boardId: board.id, userId: user.id, level: 'COMMENT', grantedById: user.id } });
    const share = await db.actionPointShare.create({ data: { actionPointId: ap.id, userId: user.id, level: 'EDIT', sharedById: user.id } });
    const comment = await db.comment.create({
      data: { actionPointId: ap.id, authorId: user.id, body: 'hi', mentions: [user.id], version: 2, editedAt: at },
    });
    const attachment = await db.attachment.create({
      data: {
        actionPointId: ap.id,
        uploaderId: user.id,
        fileName: 'f.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        storageKey: `k/${uid}`,
        uploadId: crypto.randomUUID(),
        sha256: 'a'.repeat(64),
      },
    });
    const upload = await db.upload.create({
      data: {
        ownerId: user.id,
        blobName: `uploads/${uid}`,
        fileName: 'f.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        status: 'REFUSED',
        error: 'e',
        expiresAt: at,
        usedAt: at,
      },
    });
    const document = await db.document.create({
      data: {
        title: 'D',
        fileName: 'd.pdf',
        contentType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'b'.repeat(64),
        status: 'FAILED',
        progress: 0.5,
        error: 'e',
        pageCount: 3,
        chunkCount: 2,
        version: 4,
        ownerId: user.id,
        organizationId: org.id,
        blobName: `documents/${uid}`,
        uploadId: upload.id,
        deletedAt: at,
      },
    });
    const documentPermission = await db.documentPermission.create({
      data: { documentId: document.id, userId: user.id, level: 'EDIT', grantedById: user.id },
    });
    const chunk = await db.documentChunk.create({
      data: {
        documentId: document.id,
        ordinal: 1,
        text: 't',
        start: 0,
        end: 1,
        pageStart: 1,
        pageEnd: 2,
        headings: ['H'],
        boxes: [{ page: 1 }],
        contentHash: 'h',
        tokenCount: 1,
        embeddingModel: 'm',
        embeddingDimensions: 3,
      },
    });
    const audit = await db.auditLog.create({
      data: {
        documentId: document.id,
        actorId: user.id,
        actorType: 'RULE',
        actorRef: 'r',
        action: 'document.viewed',
        requestId: 'q',
        details: { a: 1 },
        at,
      },
    });
    const tag = await db.tag.create({ data: { boardId: board.id, name: 'bug', color: '#ff0000' } });
    const boardTag = await db.boardTag.create({ data: { boardId: board.id, tagId: tag.id } });
    const apTag = await db.actionPointTag.create({ data: { actionPointId: ap.id, tagId: tag.id, boardId: board.id } });
    const ap2 = await db.actionPoint.create({ data: { title: 'T2', ownerId: user.id } });
    const link = await db.linkedActionPoint.create({ data: { sourceId: ap.id, targetId: ap2.id, type: 'BLOCKS', createdById: user.id } });
    const notification = await db.notification.create({
      data: {
        userId: user.id,
        type: 'MENTIONED',
        actorId: user.id,
        boardId: board.id,
        actionPointId: ap.id,
        commentId: comment.id,
        data: { a: 1 },
        readAt: at,
      },
    });
    const activity = await db.activity.create({
      data: {
        boardId: board.id,
        actionPointId: ap.id,
        actorId: user.id,
        action: 'x.y',
        entityType: 'x',
        entityId: ap.id,
        changes: { f: { from: 1, to: 2 } },
      },
    });
    const delivery = await db.webhookDelivery.create({
      data: {
        id: `msg_${uid}`,
        source: 'clerk',
        type: 'user.created',
        status: 'processed',
        error: 'e',
        payload: { p: true },
        attempts: 2,
        processedAt: at,
      },
    });
    const interaction = await db.botInteraction.create({
      data: {
        userId: user.id,
        status: 'REVIEWED',
        sourceType: 'DOCUMENT',
        sourceText: 'notes',
        documentId: document.id,
        documentVersion: 4,
        truncated: true,
        boardId: board.id,
        model: 'rule-based-v1',
        embeddingModel: 'local-hashing-v1',
        promptTokens: 1,
        completionTokens: 2,
        totalTokens: 3,
        embeddingTokens: 4,
      },
    });
    const botSuggestion = await db.botGeneratedActionPoint.create({
      data: {
        interactionId: interaction.id,
        ordinal: 0,
        title: 'S',
        description: 'D',
        dueDate: at,
        assigneeId: user.id,
        status: 'ACCEPTED',
        actionPointId: ap.id,
        rejectReason: 'r',
        decidedAt: at,
        provenanceStart: 1,
        provenanceEnd: 2,
        quote: 'q',
        documentId: document.id,
        chunkId: chunk.id,
        pageStart: 3,
        possibleDuplicateOf: ap2.id,
        duplicateScore: 0.9,
      },
    });
    const aiWindow = await db.aiRequestWindow.create({ data: { userId: user.id, windowStart: at, count: 3 } });
    const aiDay = await db.aiUsageDay.create({ data: { userId: user.id, day: at, tokens: 120, calls: 2 } });
    const aiUsage = await db.aiUsage.create({
      data: {
        userId: user.id,
        service: 'chat',
        model: 'openai:gpt-4o-mini',
        procedure: 'ai.chat',
        requestId: 'q',
        outcome: 'ok',
        promptTokens: 100,
        completionTokens: 20,
        totalTokens: 120,
        estimated: true,
        durationMs: 5,
        at,
      },
    });

    const reads = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: user.id } }),
      db.organization.findUniqueOrThrow({ where: { id: org.id } }),
      db.role.findUniqueOrThrow({ where: { id: role.id } }),
      db.userRole.findUniqueOrThrow({ where: { id: userRole.id } }),
      db.board.findUniqueOrThrow({ where: { id: board.id } }),
      db.column.findUniqueOrThrow({ where: { id: column.id } }),
      db.actionPoint.findUniqueOrThrow({ where: { id: ap.id } }),
      db.actionPointBoardAssociation.findUniqueOrThrow({ where: { id: assoc.id } }),
      db.boardPermission.findUniqueOrThrow({ where: { id: perm.id } }),
      db.actionPointShare.findUniqueOrThrow({ where: { id: share.id } }),
      db.comment.findUniqueOrThrow({ where: { id: comment.id } }),
      db.attachment.findUniqueOrThrow({ where: { id: attachment.id } }),
      db.tag.findUniqueOrThrow({ where: { id: tag.id } }),
      db.boardTag.findUniqueOrThrow({ where: { boardId_tagId: { boardId: board.id, tagId: tag.id } } }),
      db.actionPointTag.findUniqueOrThrow({ where: { actionPointId_tagId: { actionPointId: ap.id, tagId: tag.id } } }),
      db.linkedActionPoint.findUniqueOrThrow({ where: { id: link.id } }),
      db.notification.findUniqueOrThrow({ where: { id: notification.id } }),
      db.activity.findUniqueOrThrow({ where: { id: activity.id } }),
      db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }),
      db.upload.findUniqueOrThrow({ where: { id: upload.id } }),
      db.document.findUniqueOrThrow({ where: { id: document.id } }),
      db.documentPermission.findUniqueOrThrow({ where: { id: documentPermission.id } }),
      db.documentChunk.findUniqueOrThrow({ where: { id: chunk.id } }),
      db.auditLog.findUniqueOrThrow({ where: { id: audit.id } }),
      db.botInteraction.findUniqueOrThrow({ where: { id: interaction.id } }),
      db.botGeneratedActionPoint.findUniqueOrThrow({ where: { id: botSuggestion.id } }),
      db.aiRequestWindow.findUniqueOrThrow({ where: { userId: user.id } }),
      db.aiUsageDay.findUniqueOrThrow({ where: { userId_day: { userId: user.id, day: at } } }),
      db.aiUsage.findUniqueOrThrow({ where: { id: aiUsage.id } }),
    ]);
    const written = [
      user,
      org,
      role,
      userRole,
      board,
      column,
      ap,
      assoc,
      perm,
      share,
      comment,
      attachment,
      tag,
      boardTag,
      apTag,
      link,
      notification,
      activity,
      delivery,
      upload,
      document,
      documentPermission,
      chunk,
      audit,
      interaction,
      botSuggestion,
      aiWindow,
      aiDay,
      aiUsage,
    ];
    reads.forEach((r, i) => expect(r).toEqual(written[i]));
    expect(notification.seq).toBeTypeOf('bigint');
  });

  it('enforces the data model’s invariants in the database', async () => {
    const db = testDb();
    const u = await db.user.create({ data: { clerkId: `user_${crypto.randomUUID()}` } });
    const b1 = await db.board.create({ data: { name: 'B1', ownerId: u.id } });
    const b2 = await db.board.create({ data: { name: 'B2', ownerId: u.id } });
    const c1 = await db.column.create({ data: { boardId: b1.id, name: 'C', rank: 'm' } });
    const c2 = await db.column.create({ data: { boardId: b2.id, name: 'C', rank: 'm' } });
    const ap = await db.actionPoint.create({ data: { title: 'T', ownerId: u.id } });
    const other = await db.actionPoint.create({ data: { title: 'T', ownerId: u.id } });
    await db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: b1.id, columnId: c1.id, rank: 'm' } });
    // One association per action point and board.
    await expect(
      db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: b1.id, columnId: c1.id, rank: 'n' } }),
    ).rejects.toThrow();
    // Unique rank per column.
    await expect(
      db.actionPointBoardAssociation.create({ data: { actionPointId: other.id, boardId: b1.id, columnId: c1.id, rank: 'm' } }),
    ).rejects.toThrow();
    // A column of another board cannot be used.
    await expect(
      db.actionPointBoardAssociation.create({ data: { actionPointId: other.id, boardId: b1.id, columnId: c2.id, rank: 'x' } }),
    ).rejects.toThrow();
    // A tag only on an action point that is on the tag's board.
    const tag = await db.tag.create({ data: { boardId: b2.id, name: 't', color: '#000000', boardTags: { create: { boardId: b2.id } } } });
    await expect(db.actionPointTag.create({ data: { actionPointId: ap.id, tagId: tag.id, boardId: b2.id } })).rejects.toThrow();
    // No self-links; one local user per Clerk id.
    await expect(
      db.linkedActionPoint.create({ data: { sourceId: ap.id, targetId: ap.id, type: 'RELATES', createdById: u.id } }),
    ).rejects.toThrow();
    await expect(db.user.create({ data: { clerkId: u.clerkId } })).rejects.toThrow();
  });
});
