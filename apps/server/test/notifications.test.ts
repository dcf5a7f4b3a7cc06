import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const inbox = async (u: TestUser) => (await h.client(u.token).notifications.list.query({})).items;

async function boardOf(owner: TestUser) {
  const board = await h.client(owner.token).boards.create.mutate({ name: `N ${randomUUID().slice(0, 6)}` });
  return { boardId: board.id, columnId: board.columns[0]!.id };
}

describe('notifications are created for the right person, once', () => {
  it('a board grant notifies the grantee, never the granter', async () => {
    const owner = await h.user();
    const friend = await h.user();
    const { boardId } = await boardOf(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: friend.id, level: 'VIEW' });
    const items = await inbox(friend);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'BOARD_GRANTED', boardId, actor: { id: owner.id }, readAt: null });
    expect(await inbox(owner)).toHaveLength(0);
  });

  it('sharing an action point notifies the person it is shared with', async () => {
    const owner = await h.user();
    const friend = await h.user();
    const ap = await h.client(owner.token).actionPoints.create.mutate({ title: 'Shared thing' });
    await h.client(owner.token).actionPointShares.share.mutate({ actionPointId: ap.id, userId: friend.id, level: 'COMMENT' });
    const items = await inbox(friend);
    expect(items.map((n) => [n.type, n.actionPointId, n.actor?.id])).toEqual([['ACTION_POINT_SHARED', ap.id, owner.id]]);
    expect(await inbox(owner)).toHaveLength(0);
  });

  it('an assignment notifies the assignee; assigning yourself notifies nobody', async () => {
    const owner = await h.user();
    const friend = await h.user();
    const { boardId, columnId } = await boardOf(owner);
    await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: friend.id, level: 'EDIT' });
    const ap = await h.client(owner.token).actionPoints.create.mutate({ title: 'Do it', boardId, columnId });
    await h.client(owner.token).actionPoints.update.mutate({ actionPointId: ap.id, assigneeId: friend.id });
    const assigned = (await inbox(friend)).filter((n) => n.type === 'ASSIGNED');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ actionPointId: ap.id, actor: { id: owner.id } });
    await h.client(owner.token).actionPoints.update.mutate({ actionPointId: ap.id, assigneeId: owner.id });
    expect((await inbox(owner)).filter((n) => n.type === 'ASSIGNED')).toHaveLength(0);
  });

  it('a mention notifies the mentioned person once; a comment notifies the owner and the assignee, never the author', async () => {
    const owner = await h.user();
    const assignee = await h.user();
    const mentioned = await h.user();
    const { boardId, columnId } = await boardOf(owner);
    for (const u of [assignee, mentioned]) {
      await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: u.id, level: 'COMMENT' });
    }
    const ap = await h.client(owner.token).actionPoints.create.mutate({ title: 'Talk', boardId, columnId, assigneeId: assignee.id });

    await h.client(assignee.token).comments.create.mutate({ actionPointId: ap.id, body: 'Hey, have a look', mentions: [mentioned.id] });
    const toMentioned = (await inbox(mentioned)).filter((n) => n.actionPointId === ap.id);
    expect(toMentioned.map((n) => n.type)).toEqual(['MENTIONED']);
    expect(toMentioned[0]!.actor?.id).toBe(assignee.id);
    expect((await inbox(owner)).filter((n) => n.type === 'COMMENTED').map((n) => n.actor?.id)).toEqual([assignee.id]);
    // The author (also the assignee) is not notified of their own comment.
    expect((await inbox(assignee)).filter((n) => n.type === 'COMMENTED' || n.type === 'MENTIONED')).toHaveLength(0);

    await h.client(owner.token).comments.create.mutate({ actionPointId: ap.id, body: 'Thanks' });
    expect((await inbox(assignee)).filter((n) => n.type === 'COMMENTED').map((n) => n.actor?.id)).toEqual([owner.id]);
    expect((await inbox(owner)).filter((n) => n.type === 'COMMENTED')).toHaveLength(1);
  });
});

describe('reading notifications', () => {
  async function withNotifications(count: number) {
    const owner = await h.user();
    const friend = await h.user();
    for (let i = 0; i < count; i++) {
      const { boardId } = await boardOf(owner);
      await h.client(owner.token).boardPermissions.grant.mutate({ boardId, userId: friend.id, level: 'VIEW' });
    }
    return { owner, friend };
  }

  it('lists newest first with keyset pagination, counts unread, marks read, marks all read', async () => {
    const { owner, friend } = await withNotifications(3);
    const client = h.client(friend.token);
    const all = await client.notifications.list.query({});
    expect(all.items).toHaveLength(3);
    const seqs = all.items.map((n) => BigInt(n.seq));
    expect([...seqs].sort((a, b) => (a > b ? -1 : 1))).toEqual(seqs);

    const p1 = await client.notifications.list.query({ limit: 2 });
    const p2 = await client.notifications.list.query({ limit: 2, cursor: p1.nextCursor! });
    expect([...p1.items, ...p2.items].map((n) => n.id)).toEqual(all.items.map((n) => n.id));
    expect(p2.nextCursor).toBeNull();

    expect(await client.notifications.unreadCount.query()).toEqual({ count: 3 });
    const read = await client.notifications.markRead.mutate({ notificationId: all.items[1]!.id });
    expect(read.readAt).not.toBeNull();
    expect(await client.notifications.unreadCount.query()).toEqual({ count: 2 });
    const unread = await client.notifications.list.query({ unreadOnly: true });
    expect(unread.items.map((n) => n.id)).toEqual([all.items[0]!.id, all.items[2]!.id]);
    // Idempotent: marking it again keeps the first time.
    expect((await client.notifications.markRead.mutate({ notificationId: all.items[1]!.id })).readAt).toBe(read.readAt);

    // Someone else's notification is not found.
    await expect(h.client(owner.token).notifications.markRead.mutate({ notificationId: all.items[0]!.id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    expect(await client.notifications.unreadCount.query()).toEqual({ count: 2 });

    expect(await client.notifications.markAllRead.mutate()).toEqual({ ok: true, updated: 2 });
    expect(await client.notifications.unreadCount.query()).toEqual({ count: 0 });
    expect((await client.notifications.list.query({ unreadOnly: true })).items).toHaveLength(0);
  });

  it('works over REST at the documented paths', async () => {
    const { owner, friend } = await withNotifications(2);
    const token = friend.token;
    const list = await h.rest('GET', '/api/notifications?limit=1', { token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    expect((await h.rest('GET', '/api/notifications/unread-count', { token })).body).toEqual({ count: 2 });
    const id = list.body.items[0].id;
    expect((await h.rest('POST', `/api/notifications/${id}/read`, { token, body: {} })).status).toBe(200);
    expect((await h.rest('POST', `/api/notifications/${id}/read`, { token: owner.token, body: {} })).status).toBe(404);
    expect((await h.rest('POST', `/api/notifications/${randomUUID()}/read`, { token, body: {} })).status).toBe(404);
    const unreadOnly = await h.rest('GET', '/api/notifications?unreadOnly=true', { token });
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).not.toContain(id);
    expect(unreadOnly.body.items).toHaveLength(1);
    const withRead = await h.rest('GET', '/api/notifications?unreadOnly=false', { token });
    expect(withRead.body.items).toHaveLength(2);
    expect((await h.rest('POST', '/api/notifications/read-all', { token, body: {} })).body).toEqual({ ok: true, updated: 1 });
    expect((await h.rest('GET', '/api/notifications/unread-count', { token })).body).toEqual({ count: 0 });
    expect((await h.rest('GET', '/api/notifications?cursor=nonsense', { token })).status).toBe(400);
    expect((await h.rest('GET', '/api/notifications', {})).status).toBe(401);
  });
});
