// "Action points (and boards) visible to a user" has two forms: the Prisma `where` of
// access/rules.ts (actionPointVisibleTo, boardVisibleTo) and the SQL of db's
// action-points.ts (actionPointsVisibleToSql, boardsVisibleToSql) that the similarity
// search puts inside itself. Over every combination of ownership, direct share, and
// the board it is on (none, owned, granted, through an organization's admin or member
// role, a deleted organization, a stranger's), both forms see exactly the same.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { visibleActionPointIds, visibleBoardIds } from '@ap/db/action-points';
import { testDb } from '@ap/testing/db';
import { actionPointAccess, actionPointVisibleTo, boardVisibleTo, LEVELS, type Level } from '../src/access/rules.ts';

const db = testDb();

type BoardCase = 'none' | 'owner' | 'grant-VIEW' | 'grant-ADMIN' | 'org-admin' | 'org-member' | 'org-admin-deleted' | 'stranger';
const BOARDS: BoardCase[] = ['none', 'owner', 'grant-VIEW', 'grant-ADMIN', 'org-admin', 'org-member', 'org-admin-deleted', 'stranger'];
const cases: { owner: boolean; share: Level | null; board: BoardCase }[] = [];
for (const owner of [true, false])
  for (const share of [null, ...LEVELS]) for (const board of BOARDS) if (!(owner && share)) cases.push({ owner, share, board });

async function role(isAdmin: boolean) {
  const key = `org:ap-test-${isAdmin ? 'admin' : 'member'}`;
  return db.role.upsert({ where: { key }, create: { key, name: key, isAdmin }, update: {}, select: { id: true } });
}

async function arrange(c: (typeof cases)[number]) {
  const user = await db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });
  const other = await db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });
  const ap = await db.actionPoint.create({ data: { title: 'Rule', ownerId: c.owner ? user.id : other.id }, select: { id: true } });
  if (c.share) await db.actionPointShare.create({ data: { actionPointId: ap.id, userId: user.id, level: c.share } });
  let boardId: string | null = null;
  if (c.board !== 'none') {
    let organizationId: string | null = null;
    if (c.board.startsWith('org-')) {
      const org = await db.organization.create({
        data: { clerkId: `org_${randomUUID()}`, name: 'Org', deletedAt: c.board.endsWith('deleted') ? new Date() : null },
      });
      organizationId = org.id;
      const r = await role(c.board !== 'org-member');
      await db.userRole.create({ data: { userId: user.id, organizationId: org.id, roleId: r.id } });
    }
    const board = await db.board.create({
      data: { name: 'Rule', ownerId: c.board === 'owner' ? user.id : other.id, organizationId },
      select: { id: true },
    });
    boardId = board.id;
    if (c.board.startsWith('grant-')) {
      await db.boardPermission.create({ data: { boardId: board.id, userId: user.id, level: c.board.slice(6) as Level } });
    }
    const column = await db.column.create({ data: { boardId: board.id, name: 'A', rank: 'h' }, select: { id: true } });
    await db.actionPointBoardAssociation.create({ data: { actionPointId: ap.id, boardId: board.id, columnId: column.id, rank: 'h' } });
  }
  return { userId: user.id, actionPointId: ap.id, boardId };
}

/** The rule in words: owner, a direct share, or a board the user owns, holds a grant on, or administers through a live organization. */
function expectedVisible(c: (typeof cases)[number]): boolean {
  return c.owner || c.share !== null || ['owner', 'grant-VIEW', 'grant-ADMIN', 'org-admin'].includes(c.board);
}

describe('action points and boards visible to a user, in SQL and in TypeScript', () => {
  it.each(cases)('owner $owner, share $share, board $board', async (c) => {
    const { userId, actionPointId, boardId } = await arrange(c);
    const ts = (await db.actionPoint.count({ where: { id: actionPointId, ...actionPointVisibleTo(userId) } })) > 0;
    const sql = await visibleActionPointIds(db, userId, [actionPointId]);
    expect(sql, 'SQL form').toEqual(ts ? [actionPointId] : []);
    expect(ts).toBe(expectedVisible(c));
    // Visible exactly when there is a level.
    expect((await actionPointAccess(db, userId, actionPointId)) !== null).toBe(ts);
    if (boardId) {
      const board = (await db.board.count({ where: { id: boardId, ...boardVisibleTo(userId) } })) > 0;
      expect(await visibleBoardIds(db, userId, [boardId]), 'SQL form of the board rule').toEqual(board ? [boardId] : []);
    }
  });
});
