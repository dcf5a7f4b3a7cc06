// Workflows, statuses and transitions: a default set from the columns when first
// asked, whole-set updates validated, and transitions enforced on both move paths
// (the one statement and the locked path) with the allowed targets named.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RANK_LENGTH } from '@ap/core/action-points/lexorank';
import { moveInOneStatement } from '@ap/db/ranks';
import { testDb } from '@ap/testing/db';
import { codeOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
const db = testDb();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function board(token: string, columns = ['To do', 'In progress', 'Review', 'Done']) {
  const c = h.caller(token);
  const b = await c.boards.create({ name: `Flow ${randomUUID().slice(0, 6)}`, columns });
  return { c, boardId: b.id, col: Object.fromEntries(b.columns.map((x) => [x.name, x.id])) as Record<string, string> };
}

async function columnOf(boardId: string, actionPointId: string) {
  const a = await db.actionPointBoardAssociation.findUniqueOrThrow({
    where: { actionPointId_boardId: { actionPointId, boardId } },
    select: { columnId: true },
  });
  return a.columnId;
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string; fields?: { path: string }[] }> {
  try {
    await p;
    return { code: 'OK', message: '' };
  } catch (err) {
    const e = err as { message: string; code?: string; cause?: { details?: { fields?: { path: string }[] } } };
    return { code: e.code ?? 'UNKNOWN', message: e.message, fields: e.cause?.details?.fields };
  }
}

describe('workflows.get', () => {
  it('gives a board a default set matching its columns when first asked, the same set afterwards', async () => {
    const u = await h.user();
    const { c, boardId, col } = await board(u.token, ['Backlog', 'Doing', 'Review', 'Done', 'Cancelled']);
    const first = await c.workflows.get({ boardId });
    expect(first.statuses.map((s) => [s.name, s.category, s.columnId])).toEqual([
      ['Backlog', 'TODO', col.Backlog],
      ['Doing', 'IN_PROGRESS', col.Doing],
      ['Review', 'IN_PROGRESS', col.Review],
      ['Done', 'DONE', col.Done],
      ['Cancelled', 'CANCELLED', col.Cancelled],
    ]);
    expect(first.transitions).toEqual([]);
    const rest = await h.rest('GET', `/api/boards/${boardId}/workflow`, { token: u.token });
    expect(rest.status).toBe(200);
    expect(rest.body.statuses.map((s: { id: string }) => s.id)).toEqual(first.statuses.map((s) => s.id));
  });

  it('is made once under concurrent first requests', async () => {
    const u = await h.user();
    const { c, boardId } = await board(u.token);
    const all = await Promise.all([1, 2, 3, 4].map(() => c.workflows.get({ boardId })));
    for (const w of all) expect(w.statuses.map((s) => s.id)).toEqual(all[0]!.statuses.map((s) => s.id));
    expect(await db.workflowStatus.count({ where: { boardId } })).toBe(4);
  });
});

describe('workflows.update', () => {
  it('replaces the whole set in one transaction, keeping the ids of kept statuses', async () => {
    const u = await h.user();
    const { c, boardId, col } = await board(u.token);
    const w = await c.workflows.get({ boardId });
    const byName = Object.fromEntries(w.statuses.map((s) => [s.name, s]));
    const next = await c.workflows.update({
      boardId,
      statuses: [
        { id: byName['To do']!.id, name: 'Open', category: 'TODO', columnId: col['To do'] },
        { id: byName.Review!.id, name: 'Review', category: 'IN_PROGRESS', columnId: col.Review },
        { name: 'Shipped', category: 'DONE', columnId: col.Done },
        { name: 'Parked', category: 'CANCELLED', columnId: null },
      ],
      transitions: [
        { fromStatusId: byName['To do']!.id, toStatusId: 'Review' },
        { fromStatusId: 'Review', toStatusId: 'Shipped', minLevel: 'ADMIN' },
      ],
    });
    expect(next.statuses.map((s) => s.name)).toEqual(['Open', 'Review', 'Shipped', 'Parked']);
    expect(next.statuses[0]!.id).toBe(byName['To do']!.id);
    const shipped = next.statuses.find((s) => s.name === 'Shipped')!;
    expect(next.transitions).toEqual([
      { fromStatusId: byName['To do']!.id, toStatusId: byName.Review!.id, minLevel: 'EDIT' },
      { fromStatusId: byName.Review!.id, toStatusId: shipped.id, minLevel: 'ADMIN' },
    ]);
    expect(next.version).toBe(w.version + 1);
    // REST, the same set back.
    const rest = await h.rest('PUT', `/api/boards/${boardId}/workflow`, {
      token: u.token,
      body: { statuses: next.statuses, transitions: next.transitions },
    });
    expect(rest.status).toBe(200);
    expect(rest.body.statuses).toEqual(next.statuses);
  });

  it('refuses duplicate names, a column mapped twice, unknown statuses and foreign columns, changing nothing', async () => {
    const u = await h.user();
    const { c, boardId, col } = await board(u.token);
    const other = await board(u.token);
    const before = await c.workflows.get({ boardId });
    const cases: [Parameters<typeof c.workflows.update>[0], string][] = [
      [
        {
          boardId,
          statuses: [
            { name: 'A', category: 'TODO' },
            { name: 'a', category: 'DONE' },
          ],
          transitions: [],
        },
        'statuses.1.name',
      ],
      [
        {
          boardId,
          statuses: [
            { name: 'A', category: 'TODO', columnId: col.Done },
            { name: 'B', category: 'DONE', columnId: col.Done },
          ],
          transitions: [],
        },
        'statuses.1.columnId',
      ],
      [
        { boardId, statuses: [{ name: 'A', category: 'TODO' }], transitions: [{ fromStatusId: 'A', toStatusId: 'Nowhere' }] },
        'transitions.0.toStatusId',
      ],
      [{ boardId, statuses: [{ name: 'A', category: 'TODO', columnId: other.col.Done }], transitions: [] }, 'statuses.0.columnId'],
      [{ boardId, statuses: [{ id: randomUUID(), name: 'A', category: 'TODO' }], transitions: [] }, 'statuses.0.id'],
    ];
    for (const [input, path] of cases) {
      const e = await errorOf(c.workflows.update(input));
      expect(e.code, path).toBe('BAD_REQUEST');
      expect(e.fields?.map((f) => f.path)).toContain(path);
    }
    expect(await c.workflows.get({ boardId })).toEqual(before);
  });

  it('needs ADMIN; VIEW reads', async () => {
    const owner = await h.user();
    const editor = await h.user();
    const viewer = await h.user();
    const stranger = await h.user();
    const { c, boardId } = await board(owner.token);
    await c.boardPermissions.grant({ boardId, userId: editor.id, level: 'EDIT' });
    await c.boardPermissions.grant({ boardId, userId: viewer.id, level: 'VIEW' });
    const input = { boardId, statuses: [{ name: 'Only', category: 'TODO' as const }], transitions: [] };
    expect(await codeOf(h.caller(editor.token).workflows.update(input))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(viewer.token).workflows.update(input))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(stranger.token).workflows.get({ boardId }))).toBe('NOT_FOUND');
    expect(await codeOf(h.caller(viewer.token).workflows.get({ boardId }))).toBe('OK');
  });
});

describe('transitions on moves', () => {
  /** A board whose "Done" is reachable only from "Review", and "Review" only from "In progress" (Review → Done at ADMIN). */
  async function guarded() {
    const owner = await h.user();
    const { c, boardId, col } = await board(owner.token);
    const w = await c.workflows.get({ boardId });
    const id = (name: string) => w.statuses.find((s) => s.name === name)!.id;
    await c.workflows.update({
      boardId,
      statuses: w.statuses,
      transitions: [
        { fromStatusId: id('To do'), toStatusId: id('In progress') },
        { fromStatusId: id('In progress'), toStatusId: id('Review') },
        { fromStatusId: id('Review'), toStatusId: id('In progress') },
        { fromStatusId: id('Review'), toStatusId: id('Done'), minLevel: 'ADMIN' },
      ],
    });
    const ap = await c.actionPoints.create({ title: 'Guarded', boardId, columnId: col['To do']! });
    return { owner, c, boardId, col, ap };
  }

  it('on the one-statement path: an allowed move is one statement, a refused one writes nothing', async () => {
    const { owner, boardId, col, ap } = await guarded();
    const base = {
      actionPointId: ap.id,
      boardId,
      userId: owner.id,
      actorType: 'USER' as const,
      actorRef: null,
      maxRankLength: MAX_RANK_LENGTH,
    };
    expect(await moveInOneStatement(db, { ...base, columnId: col.Done! })).toBeNull();
    expect(await columnOf(boardId, ap.id)).toBe(col['To do']);
    expect(await moveInOneStatement(db, { ...base, columnId: col['In progress']! })).not.toBeNull();
    expect(await columnOf(boardId, ap.id)).toBe(col['In progress']);
    // Within a column: not a transition.
    expect(await moveInOneStatement(db, { ...base, columnId: col['In progress']! })).not.toBeNull();
  });

  it('refuses a move no transition allows, naming the allowed targets (owner: the one statement, then the locked path)', async () => {
    const { owner, c, boardId, col, ap } = await guarded();
    const e = await errorOf(c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Done! }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('"In progress"');
    expect(e.message).not.toContain('"Review"');
    const rest = await h.rest('POST', `/api/boards/${boardId}/action-points/${ap.id}/move`, {
      token: owner.token,
      body: { columnId: col.Review },
    });
    expect(rest.status).toBe(403);
    expect(rest.body.message).toMatch(/allowed targets: "In progress"/);
    expect(await columnOf(boardId, ap.id)).toBe(col['To do']);
    await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col['In progress']! });
    await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Review! });
    await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Done! });
    expect(await columnOf(boardId, ap.id)).toBe(col.Done);
  });

  it('holds minLevel: an EDIT grantee cannot take Review → Done, and is told what is allowed', async () => {
    const { c, boardId, col, ap } = await guarded();
    const editor = await h.user();
    await c.boardPermissions.grant({ boardId, userId: editor.id, level: 'EDIT' });
    const e = h.caller(editor.token);
    await e.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col['In progress']! });
    await e.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Review! });
    const refused = await errorOf(e.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Done! }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/from "Review" to "Done"; allowed targets: "In progress"/);
    expect(await columnOf(boardId, ap.id)).toBe(col.Review);
  });

  it('on the locked path (an organization admin, whose level only the locked path knows)', async () => {
    const { c, boardId, col, ap } = await guarded();
    const admin = await h.user();
    const suffix = randomUUID().slice(0, 8);
    const role = await db.role.create({ data: { key: `org:wf-admin-${suffix}`, name: 'Admin', isAdmin: true } });
    const org = await db.organization.create({
      data: { clerkId: `org_wf_${suffix}`, name: 'Org', members: { create: { userId: admin.id, roleId: role.id } } },
    });
    await db.board.update({ where: { id: boardId }, data: { organizationId: org.id } });
    const a = h.caller(admin.token);
    const refused = await errorOf(a.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Review! }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('allowed targets: "In progress"');
    await a.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col['In progress']! });
    expect(await columnOf(boardId, ap.id)).toBe(col['In progress']);
    // Clearing the transitions frees every move.
    const w = await c.workflows.get({ boardId });
    await c.workflows.update({ boardId, statuses: w.statuses, transitions: [] });
    await a.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Done! });
    expect(await columnOf(boardId, ap.id)).toBe(col.Done);
  });
});
