import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@ap/core/shared/events';
import { testDb } from '@ap/testing/db';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';
import { loneActionPoint, setupBoard } from './sharing-fixtures.ts';

let h: Harness;
let events: DomainEvent[];

beforeAll(async () => {
  h = await startHarness();
  events = [];
  h.server.deps.events.subscribe((e) => events.push(e));
});

afterAll(async () => {
  await h?.close();
});

const notificationsOf = (userId: string, type: string) =>
  testDb().notification.findMany({ where: { userId, type: type as never }, orderBy: { seq: 'asc' } });

async function eventually<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('board permissions', () => {
  let owner: TestUser, viewer: TestUser, editor: TestUser, stranger: TestUser;
  let boardId: string;

  beforeAll(async () => {
    [owner, viewer, editor, stranger] = await Promise.all([h.user(), h.user(), h.user(), h.user()]);
    ({ boardId } = await setupBoard(h, owner.token, 'Grants', { actionPoints: 1 }));
  });

  it('grants over tRPC and REST, lists grants, and notifies the grantee', async () => {
    const o = h.caller(owner.token);
    const g = await o.boardPermissions.grant({ boardId, userId: viewer.id, level: 'VIEW' });
    expect(g).toMatchObject({ boardId, userId: viewer.id, level: 'VIEW', grantedById: owner.id });
    expect(g.user.id).toBe(viewer.id);

    const rest = await h.rest('PUT', `/api/boards/${boardId}/permissions/${editor.id}`, {
      token: owner.token,
      body: { level: 'EDIT' },
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ userId: editor.id, level: 'EDIT' });

    const list = await h.caller(viewer.token).boardPermissions.list({ boardId });
    expect(list.items.map((p) => [p.userId, p.level]).sort()).toEqual(
      [
        [viewer.id, 'VIEW'],
        [editor.id, 'EDIT'],
      ].sort(),
    );
    expect(list.nextCursor).toBeNull();

    const page1 = await h.rest('GET', `/api/boards/${boardId}/permissions?limit=1`, { token: editor.token });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await h.rest('GET', `/api/boards/${boardId}/permissions?limit=1&cursor=${page1.body.nextCursor}`, {
      token: editor.token,
    });
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0].userId).not.toBe(page1.body.items[0].userId);
    expect(page2.body.nextCursor).toBeNull();

    const granted = await notificationsOf(viewer.id, 'BOARD_GRANTED');
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ boardId, actorId: owner.id });
  });

  it('hides the board from a stranger and refuses managers below ADMIN', async () => {
    expect(await codeOf(h.caller(stranger.token).boardPermissions.list({ boardId }))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/boards/${boardId}/permissions`, { token: stranger.token })).status).toBe(404);
    expect(await codeOf(h.caller(stranger.token).boardPermissions.grant({ boardId, userId: stranger.id, level: 'VIEW' }))).toBe(
      'NOT_FOUND',
    );

    expect(await codeOf(h.caller(viewer.token).boardPermissions.grant({ boardId, userId: stranger.id, level: 'VIEW' }))).toBe('FORBIDDEN');
    // EDIT is not enough to manage grants, and nobody grants above their own level.
    expect(await codeOf(h.caller(editor.token).boardPermissions.grant({ boardId, userId: stranger.id, level: 'VIEW' }))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(editor.token).boardPermissions.grant({ boardId, userId: stranger.id, level: 'ADMIN' }))).toBe('FORBIDDEN');
    const restDenied = await h.rest('DELETE', `/api/boards/${boardId}/permissions/${viewer.id}`, { token: editor.token });
    expect(restDenied.status).toBe(403);
    expect(await codeOf(h.caller(stranger.token).boardPermissions.list({ boardId }))).toBe('NOT_FOUND');
  });

  it('refuses grants to the owner, to yourself and to unknown users, and unknown revocations', async () => {
    const o = h.caller(owner.token);
    expect(await codeOf(o.boardPermissions.grant({ boardId, userId: owner.id, level: 'EDIT' }))).toBe('BAD_REQUEST');
    expect(await codeOf(o.boardPermissions.grant({ boardId, userId: randomUUID(), level: 'EDIT' }))).toBe('NOT_FOUND');
    expect(await codeOf(o.boardPermissions.revoke({ boardId, userId: stranger.id }))).toBe('NOT_FOUND');
    expect(await codeOf(o.boardPermissions.revoke({ boardId, userId: owner.id }))).toBe('NOT_FOUND');

    const admin = await h.user();
    await o.boardPermissions.grant({ boardId, userId: admin.id, level: 'ADMIN' });
    const a = h.caller(admin.token);
    expect(await codeOf(a.boardPermissions.grant({ boardId, userId: admin.id, level: 'VIEW' }))).toBe('BAD_REQUEST');
    expect(await codeOf(a.boardPermissions.grant({ boardId, userId: owner.id, level: 'VIEW' }))).toBe('BAD_REQUEST');
    // An ADMIN grantee manages grants like the owner.
    const extra = await h.user();
    expect(await a.boardPermissions.grant({ boardId, userId: extra.id, level: 'COMMENT' })).toMatchObject({
      level: 'COMMENT',
      grantedById: admin.id,
    });
    await a.boardPermissions.revoke({ boardId, userId: extra.id });
    expect(await codeOf(h.caller(extra.token).boardPermissions.list({ boardId }))).toBe('NOT_FOUND');
  });

  it('validates inputs strictly', async () => {
    const put = (body: unknown) => h.rest('PUT', `/api/boards/${boardId}/permissions/${stranger.id}`, { token: owner.token, body });
    expect((await put({ level: 'OWNER' })).status).toBe(400);
    expect((await put({})).status).toBe(400);
    const extra = await put({ level: 'VIEW', grantedById: stranger.id });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body)).toContain('grantedById');
    expect(
      (await h.rest('PUT', `/api/boards/not-a-uuid/permissions/${stranger.id}`, { token: owner.token, body: { level: 'VIEW' } })).status,
    ).toBe(400);
    expect((await h.rest('GET', `/api/boards/${boardId}/permissions?limit=201`, { token: owner.token })).status).toBe(400);
    expect((await h.rest('GET', `/api/boards/${boardId}/permissions?cursor=garbage`, { token: owner.token })).status).toBe(400);
    // Nothing was granted by the refused requests.
    expect(await codeOf(h.caller(stranger.token).boardPermissions.list({ boardId }))).toBe('NOT_FOUND');
  });

  it('applies a level change and a revocation on the very next request', async () => {
    const o = h.caller(owner.token);
    const member = await h.user();
    const m = h.caller(member.token);
    await o.boardPermissions.grant({ boardId, userId: member.id, level: 'VIEW' });
    expect(await codeOf(m.tags.create({ boardId, name: 'by-member', color: '#000000' }))).toBe('FORBIDDEN');

    await o.boardPermissions.grant({ boardId, userId: member.id, level: 'EDIT' });
    expect(await codeOf(m.tags.create({ boardId, name: 'by-member', color: '#000000' }))).toBe('OK');
    expect(await notificationsOf(member.id, 'BOARD_GRANTED')).toHaveLength(2);

    // Same level again: nothing changes, nobody is notified again.
    await o.boardPermissions.grant({ boardId, userId: member.id, level: 'EDIT' });
    expect(await notificationsOf(member.id, 'BOARD_GRANTED')).toHaveLength(2);

    events.length = 0;
    await o.boardPermissions.grant({ boardId, userId: member.id, level: 'COMMENT' });
    expect(await codeOf(m.tags.create({ boardId, name: 'again', color: '#000000' }))).toBe('FORBIDDEN');
    const lowered = await eventually(
      () => events.filter((e) => e.kind === 'access' && e.userIds.includes(member.id)),
      (l) => l.length > 0,
    );
    expect(lowered).toEqual([expect.objectContaining({ kind: 'access', boardId, userIds: [member.id] })]);

    events.length = 0;
    const res = await h.rest('DELETE', `/api/boards/${boardId}/permissions/${member.id}`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(await codeOf(m.boardPermissions.list({ boardId }))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/boards/${boardId}/activity`, { token: member.token })).status).toBe(404);
    const revoked = await eventually(
      () => events.filter((e) => e.kind === 'access' && e.userIds.includes(member.id)),
      (l) => l.length > 0,
    );
    expect(revoked).toEqual([
      expect.objectContaining({ kind: 'access', boardId, actionPointId: null, userIds: [member.id], id: expect.any(String) }),
    ]);
    expect(events.some((e) => e.kind === 'board' && e.type === 'permission.revoked' && e.boardId === boardId)).toBe(true);
  });

  it('records every grant change in the board activity, newest first, keyset-paginated', async () => {
    const activity = await h.caller(viewer.token).boards.activity({ boardId, limit: 200 });
    const grants = activity.items.filter((a) => a.action.startsWith('permission.'));
    expect(grants.length).toBeGreaterThanOrEqual(6);
    const ids = activity.items.map((a) => BigInt(a.id));
    expect([...ids].sort((x, y) => (y > x ? 1 : y < x ? -1 : 0))).toEqual(ids);
    const revoke = grants.find((a) => a.action === 'permission.revoked')!;
    expect(revoke.actor?.id).toBe(owner.id);
    expect(revoke.entityType).toBe('permission');
    expect(revoke.changes).toMatchObject({ level: { from: 'COMMENT', to: null } });
    const first = grants.at(-1)!;
    expect(first.changes).toMatchObject({ userId: viewer.id, level: { from: null, to: 'VIEW' } });

    // Walk the same list two at a time.
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await h.rest('GET', `/api/boards/${boardId}/activity?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: viewer.token,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      walked.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(activity.items.map((a) => a.id));
    expect(await codeOf(h.caller(stranger.token).boards.activity({ boardId }))).toBe('NOT_FOUND');
  });
});

describe('action point shares', () => {
  let owner: TestUser, guest: TestUser, other: TestUser;
  let boardId: string, shared: string, hidden: string, tagId: string;

  beforeAll(async () => {
    [owner, guest, other] = await Promise.all([h.user(), h.user(), h.user()]);
    const board = await setupBoard(h, owner.token, 'Shares', { actionPoints: 2 });
    boardId = board.boardId;
    [shared, hidden] = board.actionPointIds as [string, string];
    const o = h.caller(owner.token);
    await o.comments.create({ actionPointId: shared, body: 'on the shared one' });
    await o.comments.create({ actionPointId: hidden, body: 'on the hidden one' });
    await o.links.create({ actionPointId: shared, targetId: hidden, type: 'BLOCKS' });
    tagId = (await o.tags.create({ boardId, name: 'shared-tag', color: '#123456' })).id;
    await o.tags.attach({ actionPointId: shared, tagId });
  });

  it('a direct share shows that one action point and nothing else', async () => {
    const o = h.caller(owner.token);
    const s = await o.actionPointShares.share({ actionPointId: shared, userId: guest.id, level: 'VIEW' });
    expect(s).toMatchObject({ actionPointId: shared, userId: guest.id, level: 'VIEW', sharedById: owner.id });
    const g = h.caller(guest.token);

    const comments = await g.comments.list({ actionPointId: shared });
    expect(comments.items.map((c) => c.body)).toEqual(['on the shared one']);
    // The link's other end is not shared: the link is not listed.
    expect((await g.links.list({ actionPointId: shared })).items).toEqual([]);
    expect((await o.links.list({ actionPointId: shared })).items).toHaveLength(1);

    expect(await codeOf(g.comments.list({ actionPointId: hidden }))).toBe('NOT_FOUND');
    expect(await codeOf(g.links.list({ actionPointId: hidden }))).toBe('NOT_FOUND');
    expect(await codeOf(g.boardPermissions.list({ boardId }))).toBe('NOT_FOUND');
    expect(await codeOf(g.tags.list({ boardId }))).toBe('NOT_FOUND');
    expect(await codeOf(g.boards.activity({ boardId }))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/action-points/${hidden}/comments`, { token: guest.token })).status).toBe(404);
    expect((await h.rest('GET', `/api/boards/${boardId}/tags`, { token: guest.token })).status).toBe(404);
    // VIEW reads only.
    expect(await codeOf(g.comments.create({ actionPointId: shared, body: 'hi' }))).toBe('FORBIDDEN');
    expect(await codeOf(g.tags.detach({ actionPointId: shared, tagId }))).toBe('FORBIDDEN');
    expect(await codeOf(g.actionPointShares.share({ actionPointId: shared, userId: other.id, level: 'VIEW' }))).toBe('FORBIDDEN');
    const notified = await notificationsOf(guest.id, 'ACTION_POINT_SHARED');
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({ actionPointId: shared, actorId: owner.id });
  });

  it('raises and lowers the level of a share; COMMENT comments', async () => {
    const res = await h.rest('PUT', `/api/action-points/${shared}/shares/${guest.id}`, {
      token: owner.token,
      body: { level: 'COMMENT' },
    });
    expect(res.status).toBe(200);
    expect(res.body.level).toBe('COMMENT');
    expect(await codeOf(h.caller(guest.token).comments.create({ actionPointId: shared, body: 'now I can' }))).toBe('OK');
    expect(await notificationsOf(guest.id, 'ACTION_POINT_SHARED')).toHaveLength(2);

    const list = await h.rest('GET', `/api/action-points/${shared}/shares`, { token: guest.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ userId: guest.id, level: 'COMMENT' })]);

    events.length = 0;
    await h.caller(owner.token).actionPointShares.share({ actionPointId: shared, userId: guest.id, level: 'VIEW' });
    expect(await codeOf(h.caller(guest.token).comments.create({ actionPointId: shared, body: 'not any more' }))).toBe('FORBIDDEN');
    const access = await eventually(
      () => events.filter((e) => e.kind === 'access' && e.userIds.includes(guest.id)),
      (l) => l.length > 0,
    );
    expect(access).toEqual([expect.objectContaining({ actionPointId: shared, boardId: null, userIds: [guest.id] })]);
  });

  it('lets an ADMIN of the action point share it, never above their level, never with its owner or themselves', async () => {
    const o = h.caller(owner.token);
    const lone = await loneActionPoint(h, owner.token, 'Lone');
    await o.actionPointShares.share({ actionPointId: lone, userId: guest.id, level: 'EDIT' });
    const g = h.caller(guest.token);
    // EDIT on it: may change it, may not manage shares.
    expect(await codeOf(g.actionPointShares.share({ actionPointId: lone, userId: other.id, level: 'VIEW' }))).toBe('FORBIDDEN');
    expect(await codeOf(g.actionPointShares.unshare({ actionPointId: lone, userId: guest.id }))).toBe('FORBIDDEN');

    await o.actionPointShares.share({ actionPointId: lone, userId: guest.id, level: 'ADMIN' });
    expect(await g.actionPointShares.share({ actionPointId: lone, userId: other.id, level: 'EDIT' })).toMatchObject({
      level: 'EDIT',
      sharedById: guest.id,
    });
    expect(await codeOf(g.actionPointShares.share({ actionPointId: lone, userId: owner.id, level: 'VIEW' }))).toBe('BAD_REQUEST');
    expect(await codeOf(g.actionPointShares.share({ actionPointId: lone, userId: guest.id, level: 'VIEW' }))).toBe('BAD_REQUEST');
    expect(await codeOf(g.actionPointShares.share({ actionPointId: lone, userId: randomUUID(), level: 'VIEW' }))).toBe('NOT_FOUND');
    expect(await codeOf(g.actionPointShares.unshare({ actionPointId: lone, userId: randomUUID() }))).toBe('NOT_FOUND');

    // Someone with EDIT cannot hand out ADMIN.
    const ot = h.caller(other.token);
    expect(await codeOf(ot.actionPointShares.share({ actionPointId: lone, userId: guest.id, level: 'ADMIN' }))).toBe('FORBIDDEN');

    // The action point is on no board: the share is still recorded (without a board).
    const rows = await testDb().activity.findMany({ where: { actionPointId: lone, action: 'share.granted' } });
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.boardId === null)).toBe(true);
  });

  it('an ADMIN of a board the action point is on may share it', async () => {
    const boardAdmin = await h.user();
    await h.caller(owner.token).boardPermissions.grant({ boardId, userId: boardAdmin.id, level: 'ADMIN' });
    const s = await h.caller(boardAdmin.token).actionPointShares.share({ actionPointId: hidden, userId: other.id, level: 'COMMENT' });
    expect(s.level).toBe('COMMENT');
    const activity = await h.caller(owner.token).boards.activity({ boardId, limit: 5 });
    expect(activity.items[0]).toMatchObject({
      action: 'share.granted',
      actionPointId: hidden,
      actorId: boardAdmin.id,
      entityType: 'share',
    });
  });

  it('unsharing takes effect on the next request, over tRPC and REST', async () => {
    const g = h.caller(guest.token);
    expect(await codeOf(g.comments.list({ actionPointId: shared }))).toBe('OK');
    events.length = 0;
    const res = await h.rest('DELETE', `/api/action-points/${shared}/shares/${guest.id}`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(await codeOf(g.comments.list({ actionPointId: shared }))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/action-points/${shared}/comments`, { token: guest.token })).status).toBe(404);
    expect(await codeOf(h.caller(owner.token).actionPointShares.unshare({ actionPointId: shared, userId: guest.id }))).toBe('NOT_FOUND');
    const access = await eventually(
      () => events.filter((e) => e.kind === 'access' && e.userIds.includes(guest.id)),
      (l) => l.length > 0,
    );
    expect(access).toEqual([expect.objectContaining({ actionPointId: shared, userIds: [guest.id] })]);
    const activity = await h.caller(owner.token).boards.activity({ boardId, limit: 1 });
    expect(activity.items[0]).toMatchObject({ action: 'share.revoked', actionPointId: shared });
  });
});
