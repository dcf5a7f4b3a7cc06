// Idempotency keys on the POSTs that create something, over REST and tRPC: a repeat
// with the same key and body returns the first response and creates nothing, the
// same key with another body is CONFLICT, concurrent repeats never make a second
// object, and a second server process on the same database shares the keys.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { startHarness, type Harness, type TestUser } from './harness.ts';

let h: Harness;
let second: Harness;
let alice: TestUser;

beforeAll(async () => {
  h = await startHarness({ RUN_WORKER: 'false' });
  // A second server process on the same database, trusting the same issuer.
  second = await startHarness({ RUN_WORKER: 'false', CLERK_ISSUER: h.issuer.issuer });
  alice = await h.user();
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

const keyed = (key: string) => ({ 'idempotency-key': key });

/** A tRPC mutation over HTTP with headers of the test's (unbatched: the body is the input). */
async function trpc(server: Harness, token: string, path: string, input: unknown, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: any }; error?: { data: { code: string } } };
  return { status: res.status, data: body.result?.data, code: body.error?.data.code };
}

const boardsNamed = (ownerId: string, name: string) => testDb().board.count({ where: { ownerId, name } });

describe('Idempotency-Key', () => {
  it('REST: a repeat returns the first response and creates no second board', async () => {
    const key = randomUUID();
    const name = `Keyed ${key}`;
    const first = await h.rest('POST', '/api/boards', { token: alice.token, body: { name }, headers: keyed(key) });
    const again = await h.rest('POST', '/api/boards', { token: alice.token, body: { name }, headers: keyed(key) });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await boardsNamed(alice.id, name)).toBe(1);
    // Without a key, the same body creates another.
    await h.rest('POST', '/api/boards', { token: alice.token, body: { name } });
    expect(await boardsNamed(alice.id, name)).toBe(2);
  });

  it('tRPC: the same, for action points and comments', async () => {
    const board = await h.caller(alice.token).boards.create({ name: 'Keyed APs' });
    const columnId = board.columns[0]!.id;
    const key = randomUUID();
    const input = { title: 'Once', boardId: board.id, columnId };
    const a = await trpc(h, alice.token, 'actionPoints.create', input, keyed(key));
    const b = await trpc(h, alice.token, 'actionPoints.create', input, keyed(key));
    expect(a.status).toBe(200);
    expect(b.data).toEqual(a.data);
    expect(await testDb().actionPoint.count({ where: { ownerId: alice.id, title: 'Once' } })).toBe(1);

    const commentKey = randomUUID();
    const comment = { actionPointId: a.data.id, body: 'Said once' };
    const c1 = await trpc(h, alice.token, 'comments.create', comment, keyed(commentKey));
    const c2 = await h.rest('POST', `/api/action-points/${a.data.id}/comments`, {
      token: alice.token,
      body: { body: 'Said once' },
      headers: keyed(commentKey),
    });
    expect(c1.status).toBe(200);
    // The same key over the other transport, with the same input, is the same request.
    expect(c2.status).toBe(201);
    expect(c2.body).toEqual(c1.data);
    expect(await testDb().comment.count({ where: { actionPointId: a.data.id } })).toBe(1);
  });

  it('documents: an inline document is created once', async () => {
    const key = randomUUID();
    const body = { title: `Doc ${key}`, text: '# Notes\n\nWritten once.' };
    const first = await h.rest('POST', '/api/documents', { token: alice.token, body, headers: keyed(key) });
    const again = await h.rest('POST', '/api/documents', { token: alice.token, body, headers: keyed(key) });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await testDb().document.count({ where: { title: body.title } })).toBe(1);
  });

  it('the same key with another body is CONFLICT and creates nothing', async () => {
    const key = randomUUID();
    await h.rest('POST', '/api/boards', { token: alice.token, body: { name: `First ${key}` }, headers: keyed(key) });
    const other = await h.rest('POST', '/api/boards', { token: alice.token, body: { name: `Other ${key}` }, headers: keyed(key) });
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/another request/);
    expect(await boardsNamed(alice.id, `Other ${key}`)).toBe(0);
    // Another procedure with the key is another request too.
    const ap = await trpc(h, alice.token, 'actionPoints.create', { title: `First ${key}` }, keyed(key));
    expect(ap.code).toBe('CONFLICT');
  });

  it('keys are per user', async () => {
    const bob = await h.user();
    const key = randomUUID();
    const a = await h.rest('POST', '/api/boards', { token: alice.token, body: { name: `Mine ${key}` }, headers: keyed(key) });
    const b = await h.rest('POST', '/api/boards', { token: bob.token, body: { name: `Mine ${key}` }, headers: keyed(key) });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('concurrent repeats make one board, on one server process or two', async () => {
    const key = randomUUID();
    const name = `Raced ${key}`;
    const calls = [h, second, h, second, h, second].map((server) =>
      server.rest('POST', '/api/boards', { token: alice.token, body: { name }, headers: keyed(key) }),
    );
    const results = await Promise.all(calls);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(await boardsNamed(alice.id, name)).toBe(1);
    // Once finished, the other process replays it too.
    const later = await second.rest('POST', '/api/boards', { token: alice.token, body: { name }, headers: keyed(key) });
    expect(later.body.id).toBe(created[0]!.body.id);
  });

  it('a client error is stored and replayed; a malformed key is 400 and runs nothing', async () => {
    const key = randomUUID();
    const foreign = { title: 'Nowhere', boardId: randomUUID(), columnId: randomUUID() };
    const first = await h.rest('POST', '/api/action-points', { token: alice.token, body: foreign, headers: keyed(key) });
    const again = await h.rest('POST', '/api/action-points', { token: alice.token, body: foreign, headers: keyed(key) });
    expect(first.status).toBe(404);
    expect(again.status).toBe(404);
    expect(again.body.message).toBe(first.body.message);

    const long = await h.rest('POST', '/api/boards', {
      token: alice.token,
      body: { name: 'Too long a key' },
      headers: keyed('k'.repeat(256)),
    });
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/Idempotency-Key/);
    expect(await boardsNamed(alice.id, 'Too long a key')).toBe(0);
  });
});
