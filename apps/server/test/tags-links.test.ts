import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDb } from '@ap/testing/db';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';
import { loneActionPoint, setupBoard, type BoardSetup } from './sharing-fixtures.ts';

let h: Harness;
let owner: TestUser, viewer: TestUser, editor: TestUser, stranger: TestUser;
let board: BoardSetup, otherBoard: BoardSetup;

beforeAll(async () => {
  h = await startHarness();
  [owner, viewer, editor, stranger] = await Promise.all([h.user(), h.user(), h.user(), h.user()]);
  board = await setupBoard(h, owner.token, 'Tags and links', { actionPoints: 3 });
  otherBoard = await setupBoard(h, owner.token, 'Elsewhere', { actionPoints: 1 });
  const o = h.caller(owner.token);
  await o.boardPermissions.grant({ boardId: board.boardId, userId: viewer.id, level: 'VIEW' });
  await o.boardPermissions.grant({ boardId: board.boardId, userId: editor.id, level: 'EDIT' });
});

afterAll(async () => {
  await h?.close();
});

describe('tags', () => {
  it('EDIT creates, renames and deletes tags; VIEW may only list; strangers see nothing', async () => {
    const { boardId } = board;
    const created = await h.caller(editor.token).tags.create({ boardId, name: 'urgent', color: '#FF0000' });
    expect(created).toMatchObject({ boardId, name: 'urgent', color: '#ff0000' });
    const rest = await h.rest('POST', `/api/boards/${boardId}/tags`, { token: owner.token, body: { name: 'backend', color: '#00ff00' } });
    expect(rest.status).toBe(201);
    // Creating a tag makes it attachable on its board.
    expect(await testDb().boardTag.count({ where: { tagId: created.id, boardId } })).toBe(1);

    expect(await codeOf(h.caller(viewer.token).tags.create({ boardId, name: 'nope', color: '#000000' }))).toBe('FORBIDDEN');
    expect((await h.rest('PATCH', `/api/tags/${created.id}`, { token: viewer.token, body: { name: 'x' } })).status).toBe(403);
    expect((await h.rest('DELETE', `/api/tags/${created.id}`, { token: viewer.token })).status).toBe(403);
    expect(await codeOf(h.caller(stranger.token).tags.create({ boardId, name: 'nope', color: '#000000' }))).toBe('NOT_FOUND');
    expect((await h.rest('PATCH', `/api/tags/${created.id}`, { token: stranger.token, body: { name: 'x' } })).status).toBe(404);
    expect((await h.rest('GET', `/api/boards/${boardId}/tags`, { token: stranger.token })).status).toBe(404);

    const list = await h.caller(viewer.token).tags.list({ boardId });
    expect(list.items.map((t) => t.name)).toEqual(['backend', 'urgent']);
    const p1 = await h.rest('GET', `/api/boards/${boardId}/tags?limit=1`, { token: viewer.token });
    const p2 = await h.rest('GET', `/api/boards/${boardId}/tags?limit=1&cursor=${p1.body.nextCursor}`, { token: viewer.token });
    expect([...p1.body.items, ...p2.body.items].map((t: { name: string }) => t.name)).toEqual(['backend', 'urgent']);
    expect(p2.body.nextCursor).toBeNull();

    const renamed = await h.rest('PATCH', `/api/tags/${created.id}`, { token: editor.token, body: { name: 'critical', color: '#abcdef' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'critical', color: '#abcdef' });
    const activity = await h.caller(viewer.token).boards.activity({ boardId: board.boardId, limit: 1 });
    expect(activity.items[0]).toMatchObject({
      action: 'tag.updated',
      entityId: created.id,
      changes: { name: { from: 'urgent', to: 'critical' }, color: { from: '#ff0000', to: '#abcdef' } },
    });
  });

  it('names are unique per board (CONFLICT) and inputs are bounded', async () => {
    const { boardId } = board;
    const o = h.caller(owner.token);
    await o.tags.create({ boardId, name: 'dup', color: '#111111' });
    expect(await codeOf(o.tags.create({ boardId, name: 'dup', color: '#222222' }))).toBe('CONFLICT');
    expect(
      (await h.rest('POST', `/api/boards/${boardId}/tags`, { token: owner.token, body: { name: 'dup', color: '#222222' } })).status,
    ).toBe(409);
    // The same name on another board is fine.
    expect(await codeOf(o.tags.create({ boardId: otherBoard.boardId, name: 'dup', color: '#222222' }))).toBe('OK');
    const second = await o.tags.create({ boardId, name: 'dup-2', color: '#111111' });
    expect(await codeOf(o.tags.update({ tagId: second.id, name: 'dup' }))).toBe('CONFLICT');

    const post = (body: unknown) => h.rest('POST', `/api/boards/${boardId}/tags`, { token: owner.token, body });
    expect((await post({ name: '', color: '#111111' })).status).toBe(400);
    expect((await post({ name: 'x'.repeat(51), color: '#111111' })).status).toBe(400);
    expect((await post({ name: 'x'.repeat(50), color: '#111111' })).status).toBe(201);
    expect((await post({ name: 'red', color: 'red' })).status).toBe(400);
    expect((await post({ name: 'red', color: '#12345' })).status).toBe(400);
    expect((await post({ name: 'red', color: '#123456', ownerId: owner.id })).status).toBe(400);
    // The path names the board: a boardId in the body cannot redirect the tag elsewhere.
    const redirected = await post({ name: 'red', color: '#123456', boardId: otherBoard.boardId });
    expect(redirected.status).toBe(201);
    expect(redirected.body.boardId).toBe(boardId);
    expect((await post({ name: 'red', color: '#123456', id: randomUUID() })).status).toBe(400);
  });

  it('attaches only to action points on the tag board, needs EDIT on the action point, and lists per action point', async () => {
    const { boardId, actionPointIds } = board;
    const [ap1, ap2] = actionPointIds as [string, string];
    const tag = await h.caller(owner.token).tags.create({ boardId, name: 'attachable', color: '#123123' });

    const put = await h.rest('PUT', `/api/action-points/${ap1}/tags/${tag.id}`, { token: editor.token, body: {} });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: tag.id, name: 'attachable' });
    // Idempotent.
    expect(await codeOf(h.caller(editor.token).tags.attach({ actionPointId: ap1, tagId: tag.id }))).toBe('OK');

    expect(await codeOf(h.caller(viewer.token).tags.attach({ actionPointId: ap2, tagId: tag.id }))).toBe('FORBIDDEN');
    expect((await h.rest('PUT', `/api/action-points/${ap2}/tags/${tag.id}`, { token: stranger.token, body: {} })).status).toBe(404);
    const elsewhere = otherBoard.actionPointIds[0]!;
    expect(await codeOf(h.caller(owner.token).tags.attach({ actionPointId: elsewhere, tagId: tag.id }))).toBe('BAD_REQUEST');
    const lone = await loneActionPoint(h, owner.token, 'No board');
    expect((await h.rest('PUT', `/api/action-points/${lone}/tags/${tag.id}`, { token: owner.token, body: {} })).status).toBe(400);
    expect(await codeOf(h.caller(owner.token).tags.attach({ actionPointId: ap1, tagId: randomUUID() }))).toBe('NOT_FOUND');

    const onAp1 = await h.caller(viewer.token).tags.list({ boardId, actionPointId: ap1 });
    expect(onAp1.items.map((t) => t.id)).toEqual([tag.id]);
    expect((await h.caller(viewer.token).tags.list({ boardId, actionPointId: ap2 })).items).toEqual([]);

    // The data model refuses a tag on an action point that is not on the tag's board.
    await expect(testDb().actionPointTag.create({ data: { actionPointId: elsewhere, tagId: tag.id, boardId } })).rejects.toThrow();

    const activity = await h.caller(owner.token).boards.activity({ boardId, limit: 5 });
    expect(activity.items.filter((a) => a.action === 'tag.attached')).toEqual([
      expect.objectContaining({ entityId: tag.id, actionPointId: ap1, actorId: editor.id }),
    ]);

    expect((await h.rest('DELETE', `/api/action-points/${ap1}/tags/${tag.id}`, { token: viewer.token })).status).toBe(403);
    expect((await h.rest('DELETE', `/api/action-points/${ap1}/tags/${tag.id}`, { token: editor.token })).status).toBe(200);
    expect(await codeOf(h.caller(editor.token).tags.detach({ actionPointId: ap1, tagId: tag.id }))).toBe('NOT_FOUND');
    expect((await h.caller(viewer.token).tags.list({ boardId, actionPointId: ap1 })).items).toEqual([]);
    const after = await h.caller(owner.token).boards.activity({ boardId, limit: 1 });
    expect(after.items[0]).toMatchObject({ action: 'tag.detached', entityId: tag.id, actionPointId: ap1 });
  });

  it('deleting a tag takes it off every action point', async () => {
    const { boardId, actionPointIds } = board;
    const tag = await h.caller(owner.token).tags.create({ boardId, name: 'doomed', color: '#999999' });
    for (const ap of actionPointIds) await h.caller(owner.token).tags.attach({ actionPointId: ap, tagId: tag.id });
    expect(await testDb().actionPointTag.count({ where: { tagId: tag.id } })).toBe(actionPointIds.length);
    expect((await h.rest('DELETE', `/api/tags/${tag.id}`, { token: editor.token })).status).toBe(200);
    expect(await testDb().actionPointTag.count({ where: { tagId: tag.id } })).toBe(0);
    expect(await codeOf(h.caller(owner.token).tags.update({ tagId: tag.id, name: 'back' }))).toBe('NOT_FOUND');
    const activity = await h.caller(owner.token).boards.activity({ boardId, limit: 1 });
    expect(activity.items[0]).toMatchObject({ action: 'tag.deleted', entityId: tag.id, changes: { name: 'doomed', detachedFrom: 3 } });
  });
});

describe('links', () => {
  it('links two action points; self-links, duplicates and invisible targets are refused', async () => {
    const [ap1, ap2, ap3] = board.actionPointIds as [string, string, string];
    const e = h.caller(editor.token);
    const link = await e.links.create({ actionPointId: ap1, targetId: ap2, type: 'BLOCKS' });
    expect(link).toMatchObject({ sourceId: ap1, targetId: ap2, type: 'BLOCKS', direction: 'outgoing', createdById: editor.id });
    expect(link.other.id).toBe(ap2);

    const rest = await h.rest('POST', `/api/action-points/${ap1}/links`, { token: editor.token, body: { targetId: ap3, type: 'RELATES' } });
    expect(rest.status).toBe(201);
    // Same pair, another type: a different link.
    expect(await codeOf(e.links.create({ actionPointId: ap1, targetId: ap2, type: 'DUPLICATES' }))).toBe('OK');
    expect(await codeOf(e.links.create({ actionPointId: ap1, targetId: ap2, type: 'BLOCKS' }))).toBe('CONFLICT');
    expect(
      (await h.rest('POST', `/api/action-points/${ap1}/links`, { token: editor.token, body: { targetId: ap2, type: 'BLOCKS' } })).status,
    ).toBe(409);
    expect(await codeOf(e.links.create({ actionPointId: ap1, targetId: ap1, type: 'RELATES' }))).toBe('BAD_REQUEST');
    expect(
      (await h.rest('POST', `/api/action-points/${ap1}/links`, { token: editor.token, body: { targetId: ap2, type: 'CAUSES' } })).status,
    ).toBe(400);
    expect(
      (
        await h.rest('POST', `/api/action-points/${ap1}/links`, {
          token: editor.token,
          body: { targetId: ap2, type: 'RELATES', sourceId: ap3 },
        })
      ).status,
    ).toBe(400);

    // The editor cannot see the other board's action point, nor a random id.
    const elsewhere = otherBoard.actionPointIds[0]!;
    expect(await codeOf(e.links.create({ actionPointId: ap1, targetId: elsewhere, type: 'RELATES' }))).toBe('NOT_FOUND');
    expect(await codeOf(e.links.create({ actionPointId: ap1, targetId: randomUUID(), type: 'RELATES' }))).toBe('NOT_FOUND');
    // VIEW on the source is not enough; a stranger sees nothing.
    expect(await codeOf(h.caller(viewer.token).links.create({ actionPointId: ap2, targetId: ap3, type: 'RELATES' }))).toBe('FORBIDDEN');
    expect(
      (await h.rest('POST', `/api/action-points/${ap2}/links`, { token: stranger.token, body: { targetId: ap3, type: 'RELATES' } })).status,
    ).toBe(404);

    const activity = await h.caller(viewer.token).boards.activity({ boardId: board.boardId, limit: 10 });
    expect(activity.items.filter((a) => a.action === 'link.created')).toHaveLength(3);
    expect(activity.items.find((a) => a.action === 'link.created' && a.entityId === link.id)).toMatchObject({
      actionPointId: ap1,
      actorId: editor.id,
      changes: { targetId: ap2, type: 'BLOCKS' },
    });
  });

  it('lists links in both directions, only those whose other end the caller can see', async () => {
    const [ap1, ap2] = board.actionPointIds as [string, string];
    const elsewhere = otherBoard.actionPointIds[0]!;
    await h.caller(owner.token).links.create({ actionPointId: elsewhere, targetId: ap2, type: 'RELATES' });

    const fromTarget = await h.caller(owner.token).links.list({ actionPointId: ap2 });
    expect(fromTarget.items.map((l) => [l.direction, l.other.id, l.type]).sort()).toEqual(
      [
        ['incoming', ap1, 'BLOCKS'],
        ['incoming', ap1, 'DUPLICATES'],
        ['incoming', elsewhere, 'RELATES'],
      ].sort(),
    );
    // The viewer does not see the other board: that link is left out.
    const viewerList = await h.rest('GET', `/api/action-points/${ap2}/links`, { token: viewer.token });
    expect(viewerList.status).toBe(200);
    expect(viewerList.body.items.map((l: { other: { id: string } }) => l.other.id)).toEqual([ap1, ap1]);

    const p1 = await h.caller(owner.token).links.list({ actionPointId: ap2, limit: 2 });
    const p2 = await h.caller(owner.token).links.list({ actionPointId: ap2, limit: 2, cursor: p1.nextCursor! });
    expect([...p1.items, ...p2.items].map((l) => l.id)).toEqual(fromTarget.items.map((l) => l.id));
    expect(p2.nextCursor).toBeNull();
    expect(await codeOf(h.caller(stranger.token).links.list({ actionPointId: ap2 }))).toBe('NOT_FOUND');
  });

  it('deleting needs EDIT on the source; a link with an invisible end is NOT_FOUND', async () => {
    const [, ap2] = board.actionPointIds as [string, string];
    const elsewhere = otherBoard.actionPointIds[0]!;
    const incoming = (await h.caller(owner.token).links.list({ actionPointId: ap2 })).items;
    const blocks = incoming.find((l) => l.type === 'BLOCKS')!;
    const foreign = incoming.find((l) => l.sourceId === elsewhere)!;

    expect((await h.rest('DELETE', `/api/links/${blocks.id}`, { token: viewer.token })).status).toBe(403);
    expect((await h.rest('DELETE', `/api/links/${blocks.id}`, { token: stranger.token })).status).toBe(404);
    expect(await codeOf(h.caller(editor.token).links.delete({ linkId: foreign.id }))).toBe('NOT_FOUND');

    // EDIT on the target only is not enough.
    const targetEditor = await h.user();
    await h.caller(owner.token).boardPermissions.grant({ boardId: board.boardId, userId: targetEditor.id, level: 'EDIT' });
    await h.caller(owner.token).actionPointShares.share({ actionPointId: elsewhere, userId: targetEditor.id, level: 'VIEW' });
    expect(await codeOf(h.caller(targetEditor.token).links.delete({ linkId: foreign.id }))).toBe('FORBIDDEN');

    expect((await h.rest('DELETE', `/api/links/${blocks.id}`, { token: editor.token })).status).toBe(200);
    expect(await codeOf(h.caller(editor.token).links.delete({ linkId: blocks.id }))).toBe('NOT_FOUND');
    const activity = await h.caller(owner.token).boards.activity({ boardId: board.boardId, limit: 1 });
    expect(activity.items[0]).toMatchObject({ action: 'link.deleted', entityId: blocks.id, actorId: editor.id });
  });

  it('a link to an unrelated action point is created by someone who sees both ends', async () => {
    const lone = await loneActionPoint(h, owner.token, 'Lone target');
    const [ap1] = board.actionPointIds as [string];
    expect(await codeOf(h.caller(editor.token).links.create({ actionPointId: ap1, targetId: lone, type: 'RELATES' }))).toBe('NOT_FOUND');
    await h.caller(owner.token).actionPointShares.share({ actionPointId: lone, userId: editor.id, level: 'VIEW' });
    expect(await codeOf(h.caller(editor.token).links.create({ actionPointId: ap1, targetId: lone, type: 'RELATES' }))).toBe('OK');
    // The reverse direction needs EDIT on the lone action point.
    expect(await codeOf(h.caller(editor.token).links.create({ actionPointId: lone, targetId: ap1, type: 'RELATES' }))).toBe('FORBIDDEN');
  });
});
