import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { sendClerkWebhook, startHarness, type Harness } from './harness.ts';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET });
});
afterAll(async () => {
  await h?.close();
});

function userCreated(clerkId: string) {
  return sendClerkWebhook(h, SECRET, 'user.created', {
    id: clerkId,
    object: 'user',
    first_name: 'Race',
    last_name: 'Condition',
    primary_email_address_id: 'idn_1',
    email_addresses: [{ id: 'idn_1', email_address: `${clerkId}@example.test` }],
    created_at: Date.now(),
    updated_at: Date.now(),
  });
}

const personalBoards = (clerkId: string) =>
  testDb().board.findMany({
    where: { owner: { clerkId }, isPersonal: true },
    select: { id: true, name: true, columns: { select: { name: true, rank: true } } },
  });

// The embedded database (pglite-socket) can interleave an interactive transaction
// (the webhook's) with other connections' queries under load: that case needs PostgreSQL.

describe('personal workspace', () => {
  it('is created exactly once for 20 concurrent first requests', async () => {
    const { clerkId, token } = await h.issuer.newUser();
    const responses = await Promise.all(Array.from({ length: 20 }, () => h.rest('GET', '/api/users/me', { token })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await personalBoards(clerkId)).toHaveLength(1);
  });

  it('is created exactly once for 20 concurrent first requests and a concurrent webhook', async () => {
    const { clerkId, token } = await h.issuer.newUser({ email: 'race@example.test', name: 'Race' });
    const requests = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? h.rest('GET', '/api/users/me', { token })
        : h
            .client(token)
            .users.me.query()
            .then(() => ({ status: 200 })),
    );
    const [webhook, ...responses] = await Promise.all([userCreated(clerkId), ...requests]);
    expect(webhook.status).toBe(200);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await testDb().user.count({ where: { clerkId } })).toBe(1);
    const boards = await personalBoards(clerkId);
    expect(boards).toHaveLength(1);
    const columns = boards[0]!.columns.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    expect(columns.map((c) => c.name)).toEqual(['To do', 'In progress', 'Done']);
  });

  it('is created once when the webhook comes first and the user signs in later', async () => {
    const { clerkId, token } = await h.issuer.newUser();
    expect((await userCreated(clerkId)).status).toBe(200);
    expect(await personalBoards(clerkId)).toHaveLength(1);
    await Promise.all(Array.from({ length: 5 }, () => h.rest('GET', '/api/users/me', { token })));
    expect(await personalBoards(clerkId)).toHaveLength(1);
  });

  it('is created on first sign-in without any webhook, and not again', async () => {
    const u = await h.user();
    expect(await personalBoards(u.clerkId)).toHaveLength(1);
    await h.rest('GET', '/api/users/me', { token: u.token });
    expect(await personalBoards(u.clerkId)).toHaveLength(1);
    const row = await testDb().user.findUniqueOrThrow({ where: { id: u.id }, select: { provisionedAt: true } });
    expect(row.provisionedAt).toBeInstanceOf(Date);
  });

  it('is not created again after the user deleted it', async () => {
    const u = await h.user();
    const [board] = await personalBoards(u.clerkId);
    await testDb().board.delete({ where: { id: board!.id } });
    await h.rest('GET', '/api/users/me', { token: u.token });
    expect(await personalBoards(u.clerkId)).toHaveLength(0);
  });
});
