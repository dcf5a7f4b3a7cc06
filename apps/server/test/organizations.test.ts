import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const orgClaim = (id: string, rol: string, slg = 'acme') => ({ o: { id, slg, rol } });
const newOrgId = () => `org_${randomUUID().replace(/-/g, '')}`;

/** A user whose session token carries an active organization (v2 claims). */
async function member(orgId: string, rol: string, opts: { email?: string; name?: string } = {}) {
  const email = opts.email ?? `m-${randomUUID().slice(0, 8)}@example.test`;
  const { clerkId, token } = await h.issuer.newUser({ email, name: opts.name ?? 'Member', ...orgClaim(orgId, rol) });
  const me = await h.client(token).users.me.query();
  return { clerkId, token, id: me.id, email };
}

describe('organizations from token claims', () => {
  it('syncs the organization, role and membership; lists, gets and shows members', async () => {
    const orgId = newOrgId();
    const admin = await member(orgId, 'admin', { name: 'Alice Admin' });
    const plain = await member(orgId, 'member', { name: 'Bob Member' });
    const client = h.client(admin.token);

    const list = await client.organizations.list.query();
    const org = list.items.find((o) => o.slug === 'acme' && o.role?.key === 'org:admin');
    expect(org).toBeDefined();
    expect(list.items).toHaveLength(1);
    expect(org!.role).toEqual({ key: 'org:admin', name: 'Admin', isAdmin: true });

    const got = await h.client(plain.token).organizations.get.query({ organizationId: org!.id });
    expect(got).toMatchObject({ id: org!.id, role: { key: 'org:member', isAdmin: false } });

    const members = await client.organizations.members.query({ organizationId: org!.id });
    expect(members.items.map((m) => [m.user.id, m.role.key])).toEqual([
      [admin.id, 'org:admin'],
      [plain.id, 'org:member'],
    ]);
    expect(members.items[0]!.user.email).toBe(admin.email);

    // Keyset pagination.
    const page1 = await client.organizations.members.query({ organizationId: org!.id, limit: 1 });
    expect(page1.items).toHaveLength(1);
    const page2 = await client.organizations.members.query({ organizationId: org!.id, limit: 1, cursor: page1.nextCursor! });
    expect(page2.items.map((m) => m.user.id)).toEqual([plain.id]);
    expect(page2.nextCursor).toBeNull();

    // REST.
    const rest = await h.rest('GET', `/api/organizations/${org!.id}/members`, { token: admin.token });
    expect(rest.status).toBe(200);
    expect(rest.body.items).toHaveLength(2);
    expect((await h.rest('GET', '/api/organizations', { token: admin.token })).body.items[0].id).toBe(org!.id);
  });

  it('hides an organization from non-members (NOT_FOUND)', async () => {
    const orgId = newOrgId();
    await member(orgId, 'admin');
    const insider = await member(orgId, 'member');
    const stranger = await h.user();
    const { items } = await h.client(insider.token).organizations.list.query();
    const id = items[0]!.id;
    expect((await h.client(stranger.token).organizations.list.query()).items).toHaveLength(0);
    await expect(h.client(stranger.token).organizations.get.query({ organizationId: id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(h.client(stranger.token).organizations.members.query({ organizationId: id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    expect((await h.rest('GET', `/api/organizations/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await h.rest('GET', `/api/organizations/${randomUUID()}`, { token: stranger.token })).status).toBe(404);
  });

  it("gives an organization's admins ADMIN on its boards, and takes it away when the token says otherwise", async () => {
    const orgId = newOrgId();
    const owner = await member(orgId, 'member');
    const admin = await member(orgId, 'admin');
    const orgRow = await testDb().organization.findUniqueOrThrow({ where: { clerkId: orgId }, select: { id: true } });
    const board = await testDb().board.create({
      data: { name: 'Org board', ownerId: owner.id, organizationId: orgRow.id },
      select: { id: true },
    });

    const view = await h.client(admin.token).boards.get.query({ boardId: board.id });
    expect(view.id).toBe(board.id);

    // A newer token with a lower role.
    const demoted = await h.issuer.sign({ sub: admin.clerkId, claims: orgClaim(orgId, 'member') });
    await h.client(demoted).users.me.query();
    const role = await testDb().userRole.findFirstOrThrow({
      where: { userId: admin.id, organizationId: orgRow.id },
      select: { role: { select: { key: true } } },
    });
    expect(role.role.key).toBe('org:member');
    await expect(h.client(demoted).boards.get.query({ boardId: board.id })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it('does not let an older token undo a newer webhook state', async () => {
    const orgId = newOrgId();
    const u = await member(orgId, 'admin');
    const orgRow = await testDb().organization.findUniqueOrThrow({ where: { clerkId: orgId }, select: { id: true } });
    const memberRole = await testDb().role.upsert({
      where: { key: 'org:member' },
      create: { key: 'org:member', name: 'Member' },
      update: {},
      select: { id: true },
    });
    // As a webhook would: demoted a minute from now (newer than any token issued now).
    await testDb().userRole.updateMany({
      where: { userId: u.id, organizationId: orgRow.id },
      data: { roleId: memberRole.id, clerkUpdatedAt: new Date(Date.now() + 60_000) },
    });
    const { forgetConfirmedClaims } = await import('@ap/core/identity/organization-claims');
    forgetConfirmedClaims();
    await h.client(u.token).users.me.query();
    const role = await testDb().userRole.findFirstOrThrow({
      where: { userId: u.id, organizationId: orgRow.id },
      select: { role: { select: { key: true } } },
    });
    expect(role.role.key).toBe('org:member');
  });

  it('does not list a deleted organization', async () => {
    const orgId = newOrgId();
    const u = await member(orgId, 'admin');
    expect((await h.client(u.token).organizations.list.query()).items).toHaveLength(1);
    await testDb().organization.update({ where: { clerkId: orgId }, data: { deletedAt: new Date() } });
    expect((await h.client(u.token).organizations.list.query()).items).toHaveLength(0);
  });
});

describe('users.search', () => {
  it('finds only people who share an organization or a board with the caller', async () => {
    const tag = randomUUID().slice(0, 8);
    const orgId = newOrgId();
    const me = await member(orgId, 'member', { name: `Searcher ${tag}` });
    const colleague = await member(orgId, 'member', { name: `Zed Colleague ${tag}`, email: `colleague-${tag}@corp.test` });
    const partner = await h.user({ name: `Zed Partner ${tag}`, email: `partner-${tag}@else.test` });
    const granted = await h.user({ name: `Zed Granted ${tag}`, email: `granted-${tag}@else.test` });
    const stranger = await h.user({ name: `Zed Stranger ${tag}`, email: `stranger-${tag}@secret.test` });

    // partner owns a board shared with me; granted has a grant on my board.
    const theirs = await h.client(partner.token).boards.create.mutate({ name: 'Theirs' });
    await h.client(partner.token).boardPermissions.grant.mutate({ boardId: theirs.id, userId: me.id, level: 'VIEW' });
    const mine = await h.client(me.token).boards.create.mutate({ name: 'Mine' });
    await h.client(me.token).boardPermissions.grant.mutate({ boardId: mine.id, userId: granted.id, level: 'VIEW' });

    const client = h.client(me.token);
    const found = await client.users.search.query({ q: `zed` + '' });
    const ids = found.items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([colleague.id, partner.id, granted.id]));
    expect(ids).not.toContain(stranger.id);
    expect(ids).not.toContain(me.id);

    const byName = await client.users.search.query({ q: `colleague ${tag}` });
    expect(byName.items).toEqual([{ id: colleague.id, email: colleague.email, displayName: `Zed Colleague ${tag}`, imageUrl: null }]);
    const byEmail = await client.users.search.query({ q: `granted-${tag}@` });
    expect(byEmail.items.map((u) => u.id)).toEqual([granted.id]);

    // Nobody outside can be found, by name or by email.
    expect((await client.users.search.query({ q: `Stranger ${tag}` })).items).toEqual([]);
    expect((await client.users.search.query({ q: `stranger-${tag}@secret` })).items).toEqual([]);
    expect((await client.users.search.query({ q: 'secret.test' })).items.map((u) => u.email)).not.toContain(stranger.email);

    // The stranger cannot find me either.
    expect((await h.client(stranger.token).users.search.query({ q: `Searcher ${tag}` })).items).toEqual([]);

    // Paginated, ordered by name.
    const p1 = await client.users.search.query({ q: `Zed`, limit: 2 });
    const p2 = await client.users.search.query({ q: `Zed`, limit: 2, cursor: p1.nextCursor! });
    const paged = [...p1.items, ...p2.items].map((u) => u.displayName).filter((n) => n?.endsWith(tag));
    expect(paged).toEqual([`Zed Colleague ${tag}`, `Zed Granted ${tag}`, `Zed Partner ${tag}`]);

    // REST and validation.
    const rest = await h.rest('GET', `/api/users?q=${encodeURIComponent(`partner ${tag}`)}`, { token: me.token });
    expect(rest.status).toBe(200);
    expect(rest.body.items.map((u: { id: string }) => u.id)).toEqual([partner.id]);
    expect((await h.rest('GET', '/api/users?q=', { token: me.token })).status).toBe(400);
    expect((await h.rest('GET', `/api/users?q=${'a'.repeat(101)}`, { token: me.token })).status).toBe(400);
    expect((await h.rest('GET', '/api/users?q=zed', {})).status).toBe(401);
  });

  it('does not find deleted users', async () => {
    const orgId = newOrgId();
    const tag = randomUUID().slice(0, 8);
    const me = await member(orgId, 'member');
    const gone = await member(orgId, 'member', { name: `Gone ${tag}` });
    expect((await h.client(me.token).users.search.query({ q: `Gone ${tag}` })).items).toHaveLength(1);
    await testDb().user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect((await h.client(me.token).users.search.query({ q: `Gone ${tag}` })).items).toHaveLength(0);
  });
});
