import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDb } from '@ap/testing/db';
import { isWellFormedText } from '@ap/core/shared/text';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';
import { setupBoard } from './sharing-fixtures.ts';

let h: Harness;
let owner: TestUser, viewer: TestUser, editor: TestUser, commenter: TestUser, admin: TestUser, stranger: TestUser;
let boardId: string, apId: string;

const notificationsOf = (userId: string) =>
  testDb().notification.findMany({ where: { userId, actionPointId: apId }, orderBy: { seq: 'asc' } });

beforeAll(async () => {
  h = await startHarness();
  [owner, viewer, editor, commenter, admin, stranger] = await Promise.all([h.user(), h.user(), h.user(), h.user(), h.user(), h.user()]);
  const board = await setupBoard(h, owner.token, 'Comments', { actionPoints: 1 });
  boardId = board.boardId;
  apId = board.actionPointIds[0]!;
  const o = h.caller(owner.token);
  await o.boardPermissions.grant({ boardId, userId: viewer.id, level: 'VIEW' });
  await o.boardPermissions.grant({ boardId, userId: editor.id, level: 'EDIT' });
  await o.boardPermissions.grant({ boardId, userId: commenter.id, level: 'COMMENT' });
  await o.boardPermissions.grant({ boardId, userId: admin.id, level: 'ADMIN' });
});

afterAll(async () => {
  await h?.close();
});

describe('posting', () => {
  it('needs COMMENT: a viewer is refused, a stranger does not see the action point', async () => {
    expect(await codeOf(h.caller(viewer.token).comments.create({ actionPointId: apId, body: 'hello' }))).toBe('FORBIDDEN');
    const rest = await h.rest('POST', `/api/action-points/${apId}/comments`, { token: viewer.token, body: { body: 'hello' } });
    expect(rest.status).toBe(403);
    expect(await codeOf(h.caller(stranger.token).comments.create({ actionPointId: apId, body: 'hello' }))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/action-points/${apId}/comments`, { token: stranger.token })).status).toBe(404);
    expect((await h.caller(owner.token).comments.list({ actionPointId: apId })).items).toEqual([]);
  });

  it('posts over tRPC and REST, and lists oldest first with a keyset cursor', async () => {
    const first = await h.caller(commenter.token).comments.create({ actionPointId: apId, body: 'first' });
    expect(first).toMatchObject({ actionPointId: apId, authorId: commenter.id, body: 'first', mentions: [], version: 1, editedAt: null });
    expect(first.author.id).toBe(commenter.id);
    const second = await h.rest('POST', `/api/action-points/${apId}/comments`, { token: editor.token, body: { body: 'second' } });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: expect.any(String), body: 'second', authorId: editor.id });
    await h.caller(owner.token).comments.create({ actionPointId: apId, body: 'third' });

    const all = await h.caller(viewer.token).comments.list({ actionPointId: apId });
    expect(all.items.map((c) => c.body)).toEqual(['first', 'second', 'third']);
    const p1 = await h.rest('GET', `/api/action-points/${apId}/comments?limit=2`, { token: viewer.token });
    expect(p1.body.items.map((c: { body: string }) => c.body)).toEqual(['first', 'second']);
    const p2 = await h.rest('GET', `/api/action-points/${apId}/comments?limit=2&cursor=${p1.body.nextCursor}`, { token: viewer.token });
    expect(p2.body.items.map((c: { body: string }) => c.body)).toEqual(['third']);
    expect(p2.body.nextCursor).toBeNull();
  });

  it('bounds and validates the body, refuses unknown fields', async () => {
    const post = (body: unknown) => h.rest('POST', `/api/action-points/${apId}/comments`, { token: owner.token, body });
    expect((await post({ body: '' })).status).toBe(400);
    expect((await post({ body: '   ' })).status).toBe(400);
    expect((await post({ body: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await post({ body: 'x'.repeat(10_000) })).status).toBe(201);
    const spoof = await post({ body: 'as someone else', authorId: stranger.id });
    expect(spoof.status).toBe(400);
    expect(JSON.stringify(spoof.body)).toContain('authorId');
    expect((await post({ body: 'x', id: randomUUID() })).status).toBe(400);
    expect((await post({ body: 'x', mentions: Array.from({ length: 51 }, () => randomUUID()) })).status).toBe(400);
    expect((await post({ body: 'x', mentions: ['not-a-uuid'] })).status).toBe(400);
  });
});

describe('text shortened for excerpts', () => {
  it('a comment with an astral character at the cut point is accepted, and its excerpt is well-formed (REST and tRPC)', async () => {
    for (const body of [`${'a'.repeat(198)}\u{1F600}b`, `${'a'.repeat(199)}\u{1F600}`, 'e\u0301'.repeat(120)]) {
      const rest = await h.rest('POST', `/api/action-points/${apId}/comments`, { token: editor.token, body: { body } });
      expect(rest.status, JSON.stringify(rest.body).slice(0, 200)).toBe(201);
      const c = await h.caller(editor.token).comments.create({ actionPointId: apId, body });
      const updated = await h.caller(editor.token).comments.update({ commentId: c.id, body: `${body}!` });
      expect(updated.body).toBe(`${body}!`);
      const n = await testDb().notification.findFirstOrThrow({ where: { commentId: c.id }, select: { data: true } });
      const excerpt = (n.data as { excerpt: string }).excerpt;
      expect(excerpt.length).toBeLessThanOrEqual(200);
      expect(isWellFormedText(excerpt)).toBe(true);
      expect(body.startsWith(excerpt.replace(/…$/, ''))).toBe(true);
    }
  });
});

describe('mentions and notifications', () => {
  it('records mentions of people who can see the action point and notifies them once', async () => {
    await h.caller(owner.token).actionPoints.update({ actionPointId: apId, assigneeId: editor.id });
    const before = {
      owner: (await notificationsOf(owner.id)).length,
      viewer: (await notificationsOf(viewer.id)).length,
      editor: (await notificationsOf(editor.id)).length,
    };
    const c = await h.caller(commenter.token).comments.create({
      actionPointId: apId,
      body: '@viewer @owner have a look',
      mentions: [viewer.id, owner.id, viewer.id],
    });
    expect(c.mentions.sort()).toEqual([viewer.id, owner.id].sort());

    const forViewer = (await notificationsOf(viewer.id)).slice(before.viewer);
    expect(forViewer.map((n) => n.type)).toEqual(['MENTIONED']);
    expect(forViewer[0]).toMatchObject({ commentId: c.id, actorId: commenter.id });
    // The owner is mentioned: MENTIONED only, not COMMENTED as well.
    expect((await notificationsOf(owner.id)).slice(before.owner).map((n) => n.type)).toEqual(['MENTIONED']);
    // The assignee is told about the comment.
    expect((await notificationsOf(editor.id)).slice(before.editor).map((n) => n.type)).toEqual(['COMMENTED']);
    // Nobody is notified of their own comment.
    expect((await notificationsOf(commenter.id)).filter((n) => n.commentId === c.id)).toEqual([]);
  });

  it('refuses mentions of people who cannot see the action point, and creates nothing', async () => {
    const count = (await h.caller(owner.token).comments.list({ actionPointId: apId, limit: 200 })).items.length;
    expect(await codeOf(h.caller(owner.token).comments.create({ actionPointId: apId, body: 'hey', mentions: [stranger.id] }))).toBe(
      'BAD_REQUEST',
    );
    const rest = await h.rest('POST', `/api/action-points/${apId}/comments`, {
      token: owner.token,
      body: { body: 'hey', mentions: [randomUUID()] },
    });
    expect(rest.status).toBe(400);
    expect((await h.caller(owner.token).comments.list({ actionPointId: apId, limit: 200 })).items).toHaveLength(count);
    expect(await testDb().notification.count({ where: { userId: stranger.id } })).toBe(0);
  });
});

describe('editing and deleting', () => {
  let commentId: string;

  beforeAll(async () => {
    commentId = (await h.caller(commenter.token).comments.create({ actionPointId: apId, body: 'draft' })).id;
  });

  it('only the author edits; others who see it get FORBIDDEN, strangers NOT_FOUND', async () => {
    expect(await codeOf(h.caller(admin.token).comments.update({ commentId, body: 'hijack' }))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(owner.token).comments.update({ commentId, body: 'hijack' }))).toBe('FORBIDDEN');
    expect((await h.rest('PATCH', `/api/comments/${commentId}`, { token: viewer.token, body: { body: 'x' } })).status).toBe(403);
    expect(await codeOf(h.caller(stranger.token).comments.update({ commentId, body: 'x' }))).toBe('NOT_FOUND');
    expect((await h.rest('PATCH', `/api/comments/${commentId}`, { token: stranger.token, body: { body: 'x' } })).status).toBe(404);
    expect(
      (await h.rest('PATCH', `/api/comments/${commentId}`, { token: commenter.token, body: { body: 'x', authorId: owner.id } })).status,
    ).toBe(400);

    const before = (await notificationsOf(viewer.id)).length;
    const res = await h.rest('PATCH', `/api/comments/${commentId}`, {
      token: commenter.token,
      body: { body: 'final words', mentions: [viewer.id] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ body: 'final words', version: 2, mentions: [viewer.id], editedAt: expect.any(String) });
    // A newly mentioned user is notified; editing again without new mentions notifies nobody.
    expect((await notificationsOf(viewer.id)).slice(before).map((n) => n.type)).toEqual(['MENTIONED']);
    await h.caller(commenter.token).comments.update({ commentId, body: 'final words!' });
    expect((await notificationsOf(viewer.id)).slice(before)).toHaveLength(1);

    const activity = await h.caller(viewer.token).boards.activity({ boardId, limit: 2 });
    expect(activity.items[0]).toMatchObject({
      action: 'comment.updated',
      entityType: 'comment',
      entityId: commentId,
      actionPointId: apId,
      actorId: commenter.id,
      changes: { body: { from: 'final words', to: 'final words!' } },
    });
  });

  it('the author or an ADMIN deletes; an editor who is not the author may not', async () => {
    expect(await codeOf(h.caller(editor.token).comments.delete({ commentId }))).toBe('FORBIDDEN');
    expect((await h.rest('DELETE', `/api/comments/${commentId}`, { token: viewer.token })).status).toBe(403);
    expect((await h.rest('DELETE', `/api/comments/${commentId}`, { token: stranger.token })).status).toBe(404);
    const res = await h.rest('DELETE', `/api/comments/${commentId}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(await codeOf(h.caller(commenter.token).comments.delete({ commentId }))).toBe('NOT_FOUND');

    const own = await h.caller(editor.token).comments.create({ actionPointId: apId, body: 'mine' });
    await h.caller(editor.token).comments.delete({ commentId: own.id });
    const listed = await h.caller(owner.token).comments.list({ actionPointId: apId, limit: 200 });
    expect(listed.items.map((c) => c.id)).not.toContain(own.id);
    expect(listed.items.map((c) => c.id)).not.toContain(commentId);

    const activity = await h.caller(owner.token).boards.activity({ boardId, limit: 3 });
    expect(activity.items.slice(0, 3).map((a) => a.action)).toEqual(['comment.deleted', 'comment.created', 'comment.deleted']);
    expect(activity.items[2]).toMatchObject({ entityId: commentId, actorId: admin.id });
  });

  it('an author who lost access can no longer edit or even see their comment', async () => {
    const temp = await h.user();
    await h.caller(owner.token).boardPermissions.grant({ boardId, userId: temp.id, level: 'COMMENT' });
    const c = await h.caller(temp.token).comments.create({ actionPointId: apId, body: 'soon gone' });
    await h.caller(owner.token).boardPermissions.grant({ boardId, userId: temp.id, level: 'VIEW' });
    expect(await codeOf(h.caller(temp.token).comments.update({ commentId: c.id, body: 'edit' }))).toBe('FORBIDDEN');
    await h.caller(owner.token).boardPermissions.revoke({ boardId, userId: temp.id });
    expect(await codeOf(h.caller(temp.token).comments.update({ commentId: c.id, body: 'edit' }))).toBe('NOT_FOUND');
    expect(await codeOf(h.caller(temp.token).comments.delete({ commentId: c.id }))).toBe('NOT_FOUND');
  });
});
