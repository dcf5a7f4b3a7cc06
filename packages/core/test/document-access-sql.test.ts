// "Documents visible to a user" has two forms: the Prisma `where` of access/rules.ts
// (documentVisibleTo, with documentLevelOf for the level) and the SQL fragment of db's
// documents.ts (documentVisibleToSql) that statements such as search put inside
// themselves. Over every combination of ownership, grant level, organization role and
// deletion, both forms see exactly the same documents, and the level is what the
// documents rule says.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { visibleDocumentIds } from '@ap/db/documents';
import { testDb } from '@ap/testing/db';
import { documentAccessSelect, documentLevelOf, documentVisibleTo, LEVELS, type Level } from '../src/access/rules.ts';

const db = testDb();

type Org = 'none' | 'outsider' | 'member' | 'admin' | 'deleted-member' | 'deleted-admin';
const ORGS: Org[] = ['none', 'outsider', 'member', 'admin', 'deleted-member', 'deleted-admin'];
const cases: { owner: boolean; grant: Level | null; org: Org; deleted: boolean }[] = [];
for (const owner of [true, false])
  for (const grant of [null, ...LEVELS])
    for (const org of ORGS) for (const deleted of [false, true]) if (!(owner && grant)) cases.push({ owner, grant, org, deleted });

async function role(isAdmin: boolean) {
  const key = `org:doc-test-${isAdmin ? 'admin' : 'member'}`;
  return db.role.upsert({ where: { key }, create: { key, name: key, isAdmin }, update: {}, select: { id: true } });
}

async function arrange(c: (typeof cases)[number]) {
  const user = await db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });
  const other = await db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });
  let organizationId: string | null = null;
  if (c.org !== 'none') {
    const org = await db.organization.create({
      data: { clerkId: `org_${randomUUID()}`, name: 'Org', deletedAt: c.org.startsWith('deleted') ? new Date() : null },
    });
    organizationId = org.id;
    if (c.org !== 'outsider') {
      const r = await role(c.org.endsWith('admin'));
      await db.userRole.create({ data: { userId: user.id, organizationId: org.id, roleId: r.id } });
    }
  }
  const doc = await db.document.create({
    data: {
      title: 'Rule',
      fileName: 'rule.md',
      contentType: 'text/markdown',
      sizeBytes: 1,
      sha256: 'x',
      blobName: `documents/test/${randomUUID()}`,
      ownerId: c.owner ? user.id : other.id,
      organizationId,
      deletedAt: c.deleted ? new Date() : null,
    },
  });
  if (c.grant) await db.documentPermission.create({ data: { documentId: doc.id, userId: user.id, level: c.grant } });
  return { userId: user.id, documentId: doc.id };
}

/** The rule in words, as API.md states it. */
function expectedLevel(c: (typeof cases)[number]): Level | null {
  if (c.deleted) return null;
  const org = c.org === 'admin' ? 'ADMIN' : c.org === 'member' ? 'VIEW' : null;
  const levels = [c.owner ? 'ADMIN' : null, c.grant, org].filter((l): l is Level => !!l);
  return levels.sort((a, b) => LEVELS.indexOf(b) - LEVELS.indexOf(a))[0] ?? null;
}

describe('documents visible to a user, in SQL and in TypeScript', () => {
  it.each(cases)('owner $owner, grant $grant, organization $org, deleted $deleted', async (c) => {
    const { userId, documentId } = await arrange(c);
    const ts = await db.document.findFirst({
      where: { id: documentId, ...documentVisibleTo(userId) },
      select: documentAccessSelect(userId),
    });
    const sql = await visibleDocumentIds(db, userId, [documentId]);
    expect(sql.length === 1, 'SQL form').toBe(ts !== null);
    const level = ts ? documentLevelOf(ts, userId) : null;
    expect(level).toBe(expectedLevel(c));
    // Visible exactly when there is a level.
    expect(ts !== null).toBe(level !== null);
  });
});
