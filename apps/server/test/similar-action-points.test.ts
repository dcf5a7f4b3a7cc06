// embeddings.similarActionPoints (GET /api/action-points/{actionPointId}/similar):
// action points are embedded through the job queue (the outbox: a job written with
// every create and every change of title or description, worked by the server's own
// runner here), and the similarity search ranks, in one statement, only the action
// points the caller can see. A share or grant and its revoke take effect on the next
// request; a changed title is embedded again; a job run twice (or late) leaves one
// vector, of the current text; vectors of another model are never compared.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeActionPointVector } from '@ap/db/action-point-vectors';
import { vectorLiteral } from '@ap/db/chunks';
import { contentHashOf, embeddingTextOf, sweepActionPointEmbeddings } from '@ap/core/action-points/embeddings';
import { jobRegistrations } from '@ap/core/jobs/registry';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
let alice: TestUser;
let bob: TestUser;
let boardId: string;
let columnId: string;

const db = () => h.server.deps.db;

interface Stored {
  actionPointId: string;
  version: number;
  contentHash: string;
  model: string;
  dimensions: number;
  updatedAt: Date;
}

async function stored(actionPointId: string): Promise<Stored | null> {
  const rows = await db().$queryRaw<Stored[]>`
    SELECT "actionPointId"::text AS "actionPointId", "version", "contentHash", "model", "dimensions", "updatedAt"
      FROM "ActionPointEmbedding" WHERE "actionPointId" = ${actionPointId}::uuid`;
  return rows[0] ?? null;
}

/** Waits until the runner has embedded the current text of each action point. */
async function embedded(...ids: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const id of ids) {
    for (;;) {
      const ap = await db().actionPoint.findUniqueOrThrow({ where: { id }, select: { title: true, description: true } });
      const row = await stored(id);
      if (row && row.contentHash === contentHashOf(embeddingTextOf(ap))) break;
      if (Date.now() > deadline) throw new Error(`action point ${id} was not embedded in time`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const embedJobs = (actionPointId: string) =>
  db().$queryRaw<{ version: string }[]>`
    SELECT data->>'version' AS version FROM pgboss.job
     WHERE name = 'actionPoint.embed' AND data->>'actionPointId' = ${actionPointId} ORDER BY created_on`;

const similar = (user: TestUser, actionPointId: string, limit?: number) =>
  h.caller(user.token).embeddings.similarActionPoints({ actionPointId, ...(limit ? { limit } : {}) });
const ids = async (user: TestUser, actionPointId: string) => (await similar(user, actionPointId, 50)).items.map((i) => i.id);

async function create(user: TestUser, title: string, opts: { description?: string; onBoard?: boolean } = {}) {
  const ap = await h.caller(user.token).actionPoints.create({
    title,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.onBoard ? { boardId, columnId } : {}),
  });
  return ap.id;
}

beforeAll(async () => {
  h = await startHarness();
  [alice, bob] = await Promise.all([h.user(), h.user()]);
  const board = await h.caller(alice.token).boards.create({ name: 'Web app' });
  boardId = board.id;
  columnId = board.columns[0]!.id;
}, 60_000);
afterAll(() => h?.close());

describe('embeddings.similarActionPoints', () => {
  let a: string;
  let b: string;
  let c: string;
  let d: string;

  beforeAll(async () => {
    a = await create(alice, 'Fix the login page crash on Safari', { onBoard: true });
    b = await create(alice, 'Login page crashes on Safari', { description: 'Reported by two customers.', onBoard: true });
    c = await create(alice, 'Safari login crash with a long password');
    d = await create(alice, 'Order coffee beans for the office kitchen');
    await embedded(a, b, c, d);
  }, 60_000);

  it('finds the nearest action points first, with score and boards, never the action point itself', async () => {
    const { items } = await similar(alice, a);
    expect(items.map((i) => i.id)).not.toContain(a);
    expect(
      items
        .map((i) => i.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([b, c].sort());
    expect(items.findIndex((i) => i.id === d)).toBeGreaterThan(1);
    for (let i = 1; i < items.length; i++) expect(items[i]!.score).toBeLessThanOrEqual(items[i - 1]!.score);
    const onBoard = items.find((i) => i.id === b)!;
    expect(onBoard).toMatchObject({ title: 'Login page crashes on Safari', completedAt: null });
    expect(onBoard.score).toBeGreaterThan(0.3);
    expect(onBoard.boards).toEqual([{ boardId, boardName: 'Web app', columnId, columnName: 'To do' }]);
    expect(items.find((i) => i.id === c)!.boards).toEqual([]);
    expect((await similar(alice, a, 1)).items).toHaveLength(1);
  });

  it('answers over REST, limit 1 to 50 (default 10), and refuses what it cannot serve', async () => {
    const rest = await h.rest('GET', `/api/action-points/${a}/similar?limit=2`, { token: alice.token });
    expect(rest.status).toBe(200);
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.items[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      completedAt: null,
      score: expect.any(Number),
      boards: expect.any(Array),
    });
    for (const limit of ['0', '51', 'ten']) {
      const bad = await h.rest('GET', `/api/action-points/${a}/similar?limit=${limit}`, { token: alice.token });
      expect(bad.status, limit).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('limit');
    }
    expect((await h.rest('GET', `/api/action-points/${a}/similar`)).status).toBe(401);
    expect((await h.rest('GET', `/api/action-points/${randomUUID()}/similar`, { token: alice.token })).status).toBe(404);
  });

  it('never shows bob an action point only alice can see, and is NOT_FOUND on hers', async () => {
    const secret = await create(alice, 'Zephyr marmalade vault audit for the finance team');
    const own = await create(bob, 'Zephyr marmalade vault audit with the finance team');
    await embedded(secret, own);
    expect(await ids(alice, secret)).not.toContain(own);
    const seen = await similar(bob, own, 50);
    expect(seen.items.map((i) => i.id)).not.toContain(secret);
    expect(JSON.stringify(seen)).not.toContain('finance team');
    for (const apId of [a, b, c, d]) expect(seen.items.map((i) => i.id)).not.toContain(apId);
    expect(await codeOf(similar(bob, secret))).toBe('NOT_FOUND');
    expect((await h.rest('GET', `/api/action-points/${secret}/similar`, { token: bob.token })).status).toBe(404);
  });

  it('a share and a board grant show their action points on the next request; the revoke hides them again', async () => {
    const own = await create(bob, 'Safari login page crash after the update');
    await embedded(own);
    const alices = async () => (await ids(bob, own)).filter((id) => [a, b, c, d].includes(id));
    expect(await alices()).toEqual([]);

    await h.caller(alice.token).actionPointShares.share({ actionPointId: c, userId: bob.id, level: 'VIEW' });
    expect(await alices()).toEqual([c]);
    await h.caller(alice.token).actionPointShares.unshare({ actionPointId: c, userId: bob.id });
    expect(await alices()).toEqual([]);

    await h.caller(alice.token).boardPermissions.grant({ boardId, userId: bob.id, level: 'VIEW' });
    expect((await alices()).sort()).toEqual([a, b].sort());
    const viaBoard = (await similar(bob, own, 50)).items.find((i) => i.id === a)!;
    expect(viaBoard.boards).toEqual([{ boardId, boardName: 'Web app', columnId, columnName: 'To do' }]);
    // The source may be one the caller sees through the grant.
    expect((await similar(bob, a, 50)).items.map((i) => i.id)).toContain(own);
    await h.caller(alice.token).boardPermissions.revoke({ boardId, userId: bob.id });
    expect(await alices()).toEqual([]);
    expect(await codeOf(similar(bob, a))).toBe('NOT_FOUND');
  });

  it('a changed title is queued with the change and embedded again; a change of anything else is not', async () => {
    const id = await create(alice, 'Renew the office plants contract');
    await embedded(id);
    const before = (await stored(id))!;
    expect(await embedJobs(id)).toEqual([{ version: '1' }]);
    expect(await ids(alice, a)).toContain(id);
    const rankBefore = (await ids(alice, a)).indexOf(id);

    await h.caller(alice.token).actionPoints.update({ actionPointId: id, dueDate: new Date(Date.now() + 86_400_000).toISOString() });
    expect(await embedJobs(id)).toEqual([{ version: '1' }]);

    await h.caller(alice.token).actionPoints.update({ actionPointId: id, title: 'Fix the Safari login page crash' });
    expect(await embedJobs(id)).toEqual([{ version: '1' }, { version: '3' }]);
    await embedded(id);
    const after = (await stored(id))!;
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.version).toBe(3);
    expect((await ids(alice, a)).indexOf(id)).toBeLessThan(rankBefore);

    // The source's own new text counts at once, before its job has run.
    await h.caller(alice.token).actionPoints.update({ actionPointId: d, description: 'Also the Safari login page crash fix' });
    expect((await similar(alice, d, 3)).items.map((i) => i.id)).toContain(a);
  });

  it('a job run twice leaves one vector and embeds nothing the second time; a stale run writes nothing', async () => {
    const id = await create(alice, 'Archive the old invoices');
    await embedded(id);
    const handler = jobRegistrations(h.server.deps).find((r) => r.definition.name === 'actionPoint.embed')!.handler;
    const job = { id: randomUUID(), name: 'actionPoint.embed', data: { actionPointId: id, version: 1 }, attempt: 1, maxAttempts: 6 };
    const first = (await stored(id))!;
    await handler({ ...job, signal: new AbortController().signal });
    await handler({ ...job, attempt: 2, signal: new AbortController().signal });
    const count = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ActionPointEmbedding" WHERE "actionPointId" = ${id}::uuid`;
    expect(count[0]!.n).toBe(1);
    expect((await stored(id))!.updatedAt).toEqual(first.updatedAt);

    // A run that read the text before a change finished: its vector is not stored.
    await h.caller(alice.token).actionPoints.update({ actionPointId: id, title: 'Archive the old invoices of 2025' });
    await embedded(id);
    const current = (await stored(id))!;
    const { embedder } = h.server.deps;
    const stale = await embedder.embed(['Archive the old invoices']);
    const wrote = await writeActionPointVector(db(), {
      actionPointId: id,
      title: 'Archive the old invoices',
      description: null,
      contentHash: contentHashOf('Archive the old invoices'),
      embedding: vectorLiteral(stale.vectors[0]!, embedder.dimensions),
      model: embedder.model,
      dimensions: embedder.dimensions,
    });
    expect(wrote).toBe(false);
    expect(await stored(id)).toEqual(current);
  });

  it('never compares vectors of another model; the sweep embeds them again with the active one', async () => {
    const id = await create(alice, 'Safari login page crash on the checkout');
    await embedded(id);
    expect(await ids(alice, a)).toContain(id);
    await db().$executeRaw`UPDATE "ActionPointEmbedding" SET "model" = 'older-model' WHERE "actionPointId" = ${id}::uuid`;
    expect(await ids(alice, a)).not.toContain(id);
    expect(await sweepActionPointEmbeddings(h.server.deps)).toBeGreaterThanOrEqual(1);
    expect((await stored(id))!.model).toBe(h.server.deps.embedder.model);
    expect(await ids(alice, a)).toContain(id);
  });

  it('a deleted action point is gone from the next request, with its vector', async () => {
    const id = await create(alice, 'Safari login page crash on iPad');
    await embedded(id);
    expect(await ids(alice, a)).toContain(id);
    await h.caller(alice.token).actionPoints.delete({ actionPointId: id });
    expect(await ids(alice, a)).not.toContain(id);
    expect(await stored(id)).toBeNull();
    expect(await codeOf(similar(alice, id))).toBe('NOT_FOUND');
  });
});
