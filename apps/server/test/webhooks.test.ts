import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'svix';
import { testDb } from '@ap/testing/db';
import { sendClerkWebhook, startHarness, type Harness } from './harness.ts';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const db = () => testDb();

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET });
});
afterAll(async () => {
  await h?.close();
});

interface Delivery {
  id?: string;
  date?: Date;
  secret?: string;
}

/** Sends a Clerk event signed with the real svix library. */
const deliver = (type: string, data: Record<string, unknown>, o: Delivery = {}) => sendClerkWebhook(h, o.secret ?? SECRET, type, data, o);

const clerkUserId = () => `user_${randomUUID().replace(/-/g, '')}`;
const clerkOrgId = () => `org_${randomUUID().replace(/-/g, '')}`;

function userData(id: string, o: { first?: string; email?: string; updatedAt: number }) {
  const emailId = `idn_${randomUUID().slice(0, 8)}`;
  return {
    id,
    object: 'user',
    first_name: o.first ?? 'Ada',
    last_name: 'Lovelace',
    username: null,
    image_url: 'https://img.example.test/a.png',
    primary_email_address_id: emailId,
    email_addresses: [{ id: emailId, email_address: o.email ?? `${id}@Example.test` }],
    created_at: o.updatedAt - 1000,
    updated_at: o.updatedAt,
  };
}

function orgData(id: string, o: { name?: string; updatedAt: number }) {
  return {
    id,
    object: 'organization',
    name: o.name ?? 'Acme',
    slug: `acme-${id.slice(-6)}`,
    image_url: null,
    created_at: o.updatedAt - 1000,
    updated_at: o.updatedAt,
  };
}

function membershipData(o: { id?: string; org: ReturnType<typeof orgData>; userId: string; role: string; updatedAt: number }) {
  return {
    id: o.id ?? `orgmem_${randomUUID().slice(0, 12)}`,
    object: 'organization_membership',
    role: o.role,
    organization: o.org,
    public_user_data: { user_id: o.userId, first_name: 'Mem', last_name: 'Ber', image_url: null, identifier: `${o.userId}@example.test` },
    created_at: o.updatedAt - 1000,
    updated_at: o.updatedAt,
  };
}

const userRow = (clerkId: string) =>
  db().user.findUnique({
    where: { clerkId },
    select: { id: true, email: true, displayName: true, imageUrl: true, deletedAt: true, clerkUpdatedAt: true, provisionedAt: true },
  });

const orgRow = (clerkId: string) => db().organization.findUnique({ where: { clerkId } });

describe('POST /webhooks/clerk: signature', () => {
  it('refuses a bad signature with 400 and writes nothing', async () => {
    const clerkId = clerkUserId();
    const res = await deliver('user.created', userData(clerkId, { updatedAt: Date.now() }), {
      secret: `whsec_${randomBytes(32).toString('base64')}`,
    });
    expect(res.status).toBe(400);
    expect(await userRow(clerkId)).toBeNull();
    expect(await db().webhookDelivery.findUnique({ where: { id: res.svixId } })).toBeNull();
  });

  it('refuses a body changed after signing', async () => {
    const clerkId = clerkUserId();
    const id = `msg_${randomUUID()}`;
    const date = new Date();
    const body = JSON.stringify({ type: 'user.created', data: userData(clerkId, { updatedAt: Date.now() }) });
    const signature = new Webhook(SECRET).sign(id, date, body);
    const res = await h.rest('POST', '/webhooks/clerk', {
      body: body.replace('Ada', 'Eve'),
      headers: { 'svix-id': id, 'svix-timestamp': String(Math.floor(date.getTime() / 1000)), 'svix-signature': signature },
    });
    expect(res.status).toBe(400);
    expect(await userRow(clerkId)).toBeNull();
  });

  it('refuses missing signature headers with 400', async () => {
    const res = await h.rest('POST', '/webhooks/clerk', { body: { type: 'user.created', data: {} } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('refuses a timestamp older than five minutes (and one too far ahead)', async () => {
    for (const offset of [-6 * 60_000, 6 * 60_000]) {
      const clerkId = clerkUserId();
      const res = await deliver('user.created', userData(clerkId, { updatedAt: Date.now() }), {
        date: new Date(Date.now() + offset),
      });
      expect(res.status).toBe(400);
      expect(await userRow(clerkId)).toBeNull();
    }
  });

  it('accepts a timestamp within the window', async () => {
    const clerkId = clerkUserId();
    const res = await deliver('user.created', userData(clerkId, { updatedAt: Date.now() }), {
      date: new Date(Date.now() - 4 * 60_000),
    });
    expect(res.status).toBe(200);
  });

  it('answers 503 when no signing secret is configured', async () => {
    const bare = await startHarness();
    try {
      const res = await bare.rest('POST', '/webhooks/clerk', { body: { type: 'user.created', data: {} } });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await bare.close();
    }
  });
});

describe('POST /webhooks/clerk: users', () => {
  it('creates a user with its profile and personal workspace, then applies a newer update', async () => {
    const clerkId = clerkUserId();
    const t = Date.now() - 60_000;
    const created = await deliver('user.created', userData(clerkId, { updatedAt: t }));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ok: true, status: 'processed' });
    const row = await userRow(clerkId);
    expect(row).toMatchObject({
      email: `${clerkId}@example.test`,
      displayName: 'Ada Lovelace',
      imageUrl: 'https://img.example.test/a.png',
    });
    expect(row!.clerkUpdatedAt!.getTime()).toBe(t);
    const boards = await db().board.findMany({
      where: { ownerId: row!.id, isPersonal: true },
      select: { columns: { select: { name: true, rank: true } } },
    });
    expect(boards).toHaveLength(1);
    expect(boards[0]!.columns.sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((c) => c.name)).toEqual(['To do', 'In progress', 'Done']);

    const updated = await deliver('user.updated', userData(clerkId, { first: 'Augusta', updatedAt: t + 1000 }));
    expect(updated.status).toBe(200);
    expect((await userRow(clerkId))!.displayName).toBe('Augusta Lovelace');
    expect(await db().board.count({ where: { ownerId: row!.id, isPersonal: true } })).toBe(1);
  });

  it('ignores an update older than the stored state', async () => {
    const clerkId = clerkUserId();
    const t = Date.now() - 60_000;
    await deliver('user.updated', userData(clerkId, { first: 'Newer', updatedAt: t + 5000 }));
    const stale = await deliver('user.updated', userData(clerkId, { first: 'Older', updatedAt: t }));
    expect(stale.status).toBe(200);
    expect(stale.body.status).toBe('stale');
    expect((await userRow(clerkId))!.displayName).toBe('Newer Lovelace');
  });

  it('provisions the user from an update that arrives before the create, and the late create changes nothing', async () => {
    const clerkId = clerkUserId();
    const t = Date.now() - 60_000;
    const update = await deliver('user.updated', userData(clerkId, { first: 'Second', updatedAt: t + 2000 }));
    expect(update.status).toBe(200);
    expect((await userRow(clerkId))!.displayName).toBe('Second Lovelace');
    const create = await deliver('user.created', userData(clerkId, { first: 'First', updatedAt: t }));
    expect(create.status).toBe(200);
    const rows = await db().user.findMany({ where: { clerkId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.displayName).toBe('Second Lovelace');
  });

  it('fills in a user first seen through a token (one row, the token path and the webhook converge)', async () => {
    const u = await h.user({ email: 'jit@example.test', name: 'From Token' });
    const res = await deliver('user.created', userData(u.clerkId, { first: 'From', email: 'clerk@example.test', updatedAt: Date.now() }));
    expect(res.status).toBe(200);
    const rows = await db().user.findMany({ where: { clerkId: u.clerkId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(u.id);
    expect(rows[0]!.email).toBe('clerk@example.test');
    expect(await db().board.count({ where: { ownerId: u.id, isPersonal: true } })).toBe(1);
  });

  it('acknowledges a replayed delivery without applying it twice', async () => {
    const clerkId = clerkUserId();
    const first = await deliver('user.created', userData(clerkId, { updatedAt: Date.now() - 1000 }));
    expect(first.body.status).toBe('processed');
    // A local change a second application would overwrite.
    await db().user.update({ where: { clerkId }, data: { displayName: 'Changed here', clerkUpdatedAt: null } });
    const replay = await h.rest('POST', '/webhooks/clerk', {
      body: JSON.stringify({ type: 'user.created', object: 'event', data: userData(clerkId, { updatedAt: Date.now() - 1000 }) }),
      headers: {},
    });
    expect(replay.status).toBe(400); // unsigned: refused
    const again = await deliver('user.created', userData(clerkId, { updatedAt: Date.now() - 1000 }), { id: first.svixId });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('duplicate');
    expect((await userRow(clerkId))!.displayName).toBe('Changed here');
    const record = await db().webhookDelivery.findUniqueOrThrow({ where: { id: first.svixId } });
    expect(record).toMatchObject({ type: 'user.created', status: 'processed', attempts: 2 });
  });

  it('applies a delivery once when two copies arrive at the same moment', async () => {
    const clerkId = clerkUserId();
    const id = `msg_${randomUUID()}`;
    const data = userData(clerkId, { updatedAt: Date.now() - 1000 });
    const results = await Promise.all([deliver('user.created', data, { id }), deliver('user.created', data, { id })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.status).sort()).toEqual(['duplicate', 'processed']);
    expect(await db().user.count({ where: { clerkId } })).toBe(1);
  });

  it('records and acknowledges event types it does not handle', async () => {
    const res = await deliver('session.created', { id: `sess_${randomUUID()}`, object: 'session' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ignored');
    expect(await db().webhookDelivery.findUnique({ where: { id: res.svixId } })).toMatchObject({
      type: 'session.created',
      status: 'ignored',
    });
  });

  it('refuses a signed payload that does not fit its type, and records it', async () => {
    const res = await deliver('user.created', { object: 'user' });
    expect(res.status).toBe(400);
    expect(await db().webhookDelivery.findUnique({ where: { id: res.svixId } })).toMatchObject({ status: 'invalid' });
  });
});

describe('POST /webhooks/clerk: text Clerk sends that PostgreSQL cannot store', () => {
  it('strips NUL and replaces unpaired surrogates in names, so a signed event is applied (never a 500 retried forever)', async () => {
    const clerkId = clerkUserId();
    const data = { ...userData(clerkId, { first: 'a\u0000b', updatedAt: Date.now() }), last_name: 'x\ud800', username: 'u\u0000' };
    const res = await deliver('user.created', data);
    expect(res.status).toBe(200);
    expect((await userRow(clerkId))!.displayName).toBe('ab x\ufffd');
    const org = clerkOrgId();
    const orgRes = await deliver('organization.created', orgData(org, { name: 'Acme\u0000\udc00', updatedAt: Date.now() }));
    expect(orgRes.status).toBe(200);
    expect((await orgRow(org))!.name).toBe('Acme\ufffd');
  });
});

describe('POST /webhooks/clerk: user.deleted', () => {
  it("removes the person's access, anonymizes them, keeps their writing, and their token stops working", async () => {
    const owner = await h.user();
    const gone = await h.user({ email: 'gone@example.test', name: 'Gone Soon' });
    const board = await db().board.create({ data: { name: 'Shared', ownerId: owner.id }, select: { id: true } });
    await db().boardPermission.create({ data: { boardId: board.id, userId: gone.id, level: 'EDIT' } });
    const ap = await db().actionPoint.create({ data: { title: 'Item', ownerId: owner.id }, select: { id: true } });
    await db().actionPointShare.create({ data: { actionPointId: ap.id, userId: gone.id, level: 'VIEW' } });
    const comment = await db().comment.create({
      data: { actionPointId: ap.id, authorId: gone.id, body: 'I was here' },
      select: { id: true },
    });
    const org = clerkOrgId();
    await deliver(
      'organizationMembership.created',
      membershipData({ org: orgData(org, { updatedAt: Date.now() }), userId: gone.clerkId, role: 'org:member', updatedAt: Date.now() }),
    );
    expect(await db().userRole.count({ where: { userId: gone.id } })).toBe(1);
    expect((await h.rest('GET', '/api/users/me', { token: gone.token })).status).toBe(200);
    expect((await h.rest('GET', '/api/boards', { token: gone.token })).status).toBe(200);

    const res = await deliver('user.deleted', { id: gone.clerkId, object: 'user', deleted: true });
    expect(res.status).toBe(200);

    const row = await userRow(gone.clerkId);
    expect(row).toMatchObject({ email: null, displayName: 'Deleted user', imageUrl: null });
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(await db().boardPermission.count({ where: { userId: gone.id } })).toBe(0);
    expect(await db().actionPointShare.count({ where: { userId: gone.id } })).toBe(0);
    expect(await db().userRole.count({ where: { userId: gone.id } })).toBe(0);
    const kept = await db().comment.findUniqueOrThrow({
      where: { id: comment.id },
      select: { body: true, author: { select: { displayName: true } } },
    });
    expect(kept).toEqual({ body: 'I was here', author: { displayName: 'Deleted user' } });

    for (const res2 of [
      await h.rest('GET', '/api/users/me', { token: gone.token }),
      await h.rest('GET', '/api/boards', { token: gone.token }),
      await h.rest('GET', '/api/users/me', { token: await h.issuer.sign({ sub: gone.clerkId }) }),
    ]) {
      expect(res2.status).toBe(401);
    }

    // A late update does not bring them back.
    const late = await deliver('user.updated', userData(gone.clerkId, { first: 'Back', updatedAt: Date.now() + 60_000 }));
    expect(late.status).toBe(200);
    expect(await userRow(gone.clerkId)).toMatchObject({ displayName: 'Deleted user', email: null });
    expect((await userRow(gone.clerkId))!.deletedAt).toBeInstanceOf(Date);
  });

  it('a deletion that arrives before the creation keeps the user from ever being created', async () => {
    const clerkId = clerkUserId();
    expect((await deliver('user.deleted', { id: clerkId, object: 'user', deleted: true })).status).toBe(200);
    expect((await deliver('user.created', userData(clerkId, { updatedAt: Date.now() }))).status).toBe(200);
    const row = await userRow(clerkId);
    expect(row).toMatchObject({ displayName: 'Deleted user', email: null });
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(await db().board.count({ where: { owner: { clerkId } } })).toBe(0);
    const token = await h.issuer.sign({ sub: clerkId });
    expect((await h.rest('GET', '/api/users/me', { token })).status).toBe(401);
  });
});

describe('POST /webhooks/clerk: organizations and memberships', () => {
  it('creates, updates (newest wins) and deletes an organization', async () => {
    const id = clerkOrgId();
    const t = Date.now() - 60_000;
    expect((await deliver('organization.created', orgData(id, { name: 'Acme', updatedAt: t }))).status).toBe(200);
    expect(await orgRow(id)).toMatchObject({ name: 'Acme', deletedAt: null });
    await deliver('organization.updated', orgData(id, { name: 'Acme Corp', updatedAt: t + 2000 }));
    const stale = await deliver('organization.updated', orgData(id, { name: 'Acme Old', updatedAt: t + 1000 }));
    expect(stale.body.status).toBe('stale');
    expect((await orgRow(id))!.name).toBe('Acme Corp');
    await deliver('organization.deleted', { id, object: 'organization', deleted: true });
    expect((await orgRow(id))!.deletedAt).toBeInstanceOf(Date);
    await deliver('organization.updated', orgData(id, { name: 'Revived', updatedAt: t + 9000 }));
    expect(await orgRow(id)).toMatchObject({ name: 'Acme Corp' });
    expect((await orgRow(id))!.deletedAt).toBeInstanceOf(Date);
  });

  it('keeps memberships and roles in sync; admins get ADMIN on the organization boards', async () => {
    const admin = await h.user();
    const owner = await h.user();
    const org = orgData(clerkOrgId(), { updatedAt: Date.now() - 60_000 });
    const membershipId = `orgmem_${randomUUID().slice(0, 12)}`;
    const t = Date.now() - 30_000;
    const created = await deliver(
      'organizationMembership.created',
      membershipData({ id: membershipId, org, userId: admin.clerkId, role: 'org:admin', updatedAt: t }),
    );
    expect(created.status).toBe(200);
    const orgId = (await orgRow(org.id))!.id;
    const role = await db().userRole.findFirstOrThrow({
      where: { userId: admin.id, organizationId: orgId },
      select: { role: { select: { key: true, isAdmin: true } } },
    });
    expect(role.role).toEqual({ key: 'org:admin', isAdmin: true });

    // A board of the organization owned by someone else: the admin has ADMIN on it.
    const board = await db().board.create({ data: { name: 'Org board', ownerId: owner.id, organizationId: orgId }, select: { id: true } });
    const { requireBoard } = await import('@ap/core/access/rules');
    expect((await requireBoard(db(), admin.id, board.id, 'VIEW')).level).toBe('ADMIN');

    // Demoted: no more access to the board. An older update arriving late changes nothing.
    await deliver(
      'organizationMembership.updated',
      membershipData({ id: membershipId, org, userId: admin.clerkId, role: 'org:member', updatedAt: t + 2000 }),
    );
    await deliver(
      'organizationMembership.updated',
      membershipData({ id: membershipId, org, userId: admin.clerkId, role: 'org:admin', updatedAt: t + 1000 }),
    );
    await expect(requireBoard(db(), admin.id, board.id, 'VIEW')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await db().userRole.findFirstOrThrow({
      where: { userId: admin.id, organizationId: orgId },
      select: { role: { select: { key: true } } },
    });
    expect(after.role.key).toBe('org:member');

    // Removed; a late copy of an earlier state does not restore the membership.
    await deliver(
      'organizationMembership.deleted',
      membershipData({ id: membershipId, org, userId: admin.clerkId, role: 'org:member', updatedAt: t + 3000 }),
    );
    expect(await db().userRole.count({ where: { userId: admin.id, organizationId: orgId } })).toBe(0);
    await deliver(
      'organizationMembership.updated',
      membershipData({ id: membershipId, org, userId: admin.clerkId, role: 'org:admin', updatedAt: t + 2500 }),
    );
    expect(await db().userRole.count({ where: { userId: admin.id, organizationId: orgId } })).toBe(0);
  });

  it('an older session token does not restore a membership a webhook removed', async () => {
    const u = await h.user();
    const org = orgData(clerkOrgId(), { updatedAt: Date.now() - 60_000 });
    const membershipId = `orgmem_${randomUUID().slice(0, 12)}`;
    // The token was issued before the removal (removal stamped a minute from now).
    const oldToken = await h.issuer.sign({ sub: u.clerkId, claims: { o: { id: org.id, slg: org.slug, rol: 'admin' } } });
    await deliver(
      'organizationMembership.deleted',
      membershipData({ id: membershipId, org, userId: u.clerkId, role: 'org:admin', updatedAt: Date.now() + 60_000 }),
    );
    expect((await h.rest('GET', '/api/users/me', { token: oldToken })).status).toBe(200);
    expect(await db().userRole.count({ where: { userId: u.id } })).toBe(0);
  });

  it('provisions the organization and the user from a membership that arrives first', async () => {
    const userId = clerkUserId();
    const org = orgData(clerkOrgId(), { name: 'First Seen', updatedAt: Date.now() - 5000 });
    const res = await deliver('organizationMembership.created', membershipData({ org, userId, role: 'org:member', updatedAt: Date.now() }));
    expect(res.status).toBe(200);
    expect(await orgRow(org.id)).toMatchObject({ name: 'First Seen' });
    const user = await userRow(userId);
    expect(user).toMatchObject({ email: `${userId}@example.test`, displayName: 'Mem Ber' });
    expect(await db().userRole.count({ where: { userId: user!.id } })).toBe(1);
    // The user.created that follows still fills in the profile.
    await deliver('user.created', userData(userId, { first: 'Real', updatedAt: Date.now() }));
    expect((await userRow(userId))!.displayName).toBe('Real Lovelace');
  });
});

describe('POST /webhooks/clerk: failures', () => {
  it('answers 5xx when applying fails, records it, and applies the retry once it can', async () => {
    const org = clerkOrgId();
    const fn = `ap_test_fail_${randomBytes(4).toString('hex')}`;
    // A database that refuses this one organization, like a failing dependency.
    await db().$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."clerkId" = '${org}' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`,
    );
    await db().$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT OR UPDATE ON "Organization" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    let first;
    try {
      first = await deliver('organization.created', orgData(org, { name: 'Flaky', updatedAt: Date.now() }));
      expect(first.status).toBe(500);
      expect(first.body.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await orgRow(org)).toBeNull();
      expect(await db().webhookDelivery.findUnique({ where: { id: first.svixId } })).toMatchObject({ status: 'failed', processedAt: null });
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Organization"`);
      await db().$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const retry = await deliver('organization.created', orgData(org, { name: 'Flaky', updatedAt: Date.now() }), { id: first!.svixId });
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('processed');
    expect(await orgRow(org)).toMatchObject({ name: 'Flaky' });
    expect(await db().webhookDelivery.findUnique({ where: { id: first!.svixId } })).toMatchObject({ status: 'processed', attempts: 2 });
  });
});
