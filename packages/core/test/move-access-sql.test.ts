// A move's access rule has two forms: the SQL of the one-statement move (db's
// ranks.ts) and the TypeScript of access/rules.ts. Over every combination of
// ownership, grant level and organization role, the SQL allows exactly what
// movesInOneStatement allows, never more than the full rule (boardLevelOf), and the
// locked path's moveLevel gives the full rule's level.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mayMoveInOneStatement, moveContext } from '@ap/db/ranks';
import { testDb } from '@ap/testing/db';
import { atLeast, boardAccessSelect, boardLevelOf, LEVELS, moveLevel, movesInOneStatement, type Level } from '../src/access/rules.ts';

const db = testDb();

type Org = 'none' | 'admin' | 'member' | 'deleted-admin';
const cases: { owner: boolean; grant: Level | null; org: Org }[] = [];
for (const owner of [true, false])
  for (const grant of [null, ...LEVELS])
    for (const org of ['none', 'admin', 'member', 'deleted-admin'] as const) if (!(owner && grant)) cases.push({ owner, grant, org });

async function role(isAdmin: boolean) {
  const key = `org:test-${isAdmin ? 'admin' : 'member'}`;
  return db.role.upsert({ where: { key }, create: { key, name: key, isAdmin }, update: {}, select: { id: true } });
}

async function arrange(c: (typeof cases)[number]) {
  const mover = await db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });
  const other = await db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });
  let organizationId: string | null = null;
  if (c.org !== 'none') {
    const org = await db.organization.create({
      data: { clerkId: `org_${randomUUID()}`, name: 'Org', deletedAt: c.org === 'deleted-admin' ? new Date() : null },
    });
    const r = await role(c.org !== 'member');
    await db.userRole.create({ data: { userId: mover.id, organizationId: org.id, roleId: r.id } });
    organizationId = org.id;
  }
  const board = await db.board.create({ data: { name: 'Rule', ownerId: c.owner ? mover.id : other.id, organizationId } });
  const column = await db.column.create({ data: { boardId: board.id, name: 'A', rank: 'h' } });
  if (c.grant) await db.boardPermission.create({ data: { boardId: board.id, userId: mover.id, level: c.grant } });
  const ap = await db.actionPoint.create({ data: { title: 'x', ownerId: other.id } });
  await db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: board.id, columnId: column.id, rank: 'h' } });
  return { userId: mover.id, boardId: board.id, actionPointId: ap.id };
}

describe("a move's access rule, in SQL and in TypeScript", () => {
  it.each(cases)('owner $owner, grant $grant, organization $org', async (c) => {
    const m = await arrange(c);
    const facts = await moveContext(db, m.actionPointId, m.boardId, m.userId);
    const full = await db.board.findUniqueOrThrow({ where: { id: m.boardId }, select: boardAccessSelect(m.userId) });
    const level = boardLevelOf(full, m.userId);

    const sql = await mayMoveInOneStatement(db, m);
    expect(sql).toBe(movesInOneStatement(facts!, m.userId));
    if (sql) expect(atLeast(level, 'EDIT')).toBe(true);
    expect(await moveLevel(db, m.userId, m.boardId, facts)).toBe(level);
  });

  it('allows no move of an action point that is not on the board', async () => {
    const m = await arrange({ owner: true, grant: null, org: 'none' });
    expect(await mayMoveInOneStatement(db, { ...m, actionPointId: randomUUID() })).toBe(false);
  });
});
