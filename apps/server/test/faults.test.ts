// Faults of the database, against a PostgreSQL of the test's own that it stops and
// starts: readiness turns 503 at once while liveness stays 200, API calls answer
// 503 with Retry-After instead of hanging, and the same server serves again when
// the database is back. A pool whose connections are all held answers 503 with
// Retry-After after its acquire timeout, not a queue without end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBinDir, startTempPostgres, type TempPostgres } from '@ap/testing/temp-postgres';
import { startHarness, type Harness, type TestUser } from './harness.ts';

const available = postgresBinDir() !== null;

/** A request that must be answered within `ms` (the AbortSignal fails the test otherwise). */
const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });

describe.skipIf(!available)('the database goes away and comes back', () => {
  let database: TempPostgres;
  let h: Harness;
  let alice: TestUser;
  let boardId: string;

  beforeAll(async () => {
    database = await startTempPostgres();
    h = await startHarness(
      { DATABASE_URL: database.url, MIGRATE_ON_START: 'true', RUN_WORKER: 'true' },
      { pool: { acquireTimeoutMs: 2_000 } },
    );
    alice = await h.user();
    boardId = (await h.caller(alice.token).boards.create({ name: 'Survives outages' })).id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await database?.destroy();
  });

  it('503 on readiness and API calls while it is down, 200 on liveness; serving again when it returns', async () => {
    await database.stop();

    const ready = await fetch(`${h.url}/health/ready`, within(2_000));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: 'database unreachable' });
    expect((await fetch(`${h.url}/health/live`, within(2_000))).status).toBe(200);

    const res = await fetch(`${h.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${alice.token}` }, ...within(5_000) });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    await database.start();
    await expect
      .poll(async () => (await fetch(`${h.url}/health/ready`, within(2_000))).status, { timeout: 20_000, interval: 250 })
      .toBe(200);
    // Connections the pool held across the outage are replaced: the next calls succeed.
    await expect
      .poll(async () => (await h.rest('GET', `/api/boards/${boardId}`, { token: alice.token })).status, { timeout: 20_000, interval: 250 })
      .toBe(200);
    const board = await h.rest('GET', `/api/boards/${boardId}`, { token: alice.token });
    expect(board.body).toMatchObject({ id: boardId, name: 'Survives outages' });
  }, 90_000);
});

describe.skipIf(!available)('every pooled connection is busy', () => {
  let database: TempPostgres;
  let h: Harness;

  beforeAll(async () => {
    database = await startTempPostgres();
    h = await startHarness(
      { DATABASE_URL: database.url, MIGRATE_ON_START: 'true', RUN_WORKER: 'false' },
      { pool: { max: 2, acquireTimeoutMs: 1_000 } },
    );
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await database?.destroy();
  });

  it('a request that cannot get a connection is 503 with Retry-After, and the held ones complete', async () => {
    const alice = await h.user();
    const board = await h.caller(alice.token).boards.create({ name: 'Busy' });
    // Another session locks the board's row: two renames wait on it, holding both pooled connections.
    const locker = await database.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM "Board" WHERE id = $1 FOR UPDATE', [board.id]);
    const held = [1, 2].map((n) => h.rest('PATCH', `/api/boards/${board.id}`, { token: alice.token, body: { name: `Renamed ${n}` } }));
    await expect
      .poll(async () => {
        const { rows } = await locker.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return rows[0]!.n;
      })
      .toBeGreaterThanOrEqual(1);

    const refused = await fetch(`${h.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${alice.token}` },
      ...within(5_000),
    });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    await locker.query('COMMIT');
    await locker.end();
    // Both were waiting on the lock, not refused: one renames, the other renames too or meets the first's change (409).
    const statuses = (await Promise.all(held)).map((r) => r.status);
    expect(statuses).toContain(200);
    for (const status of statuses) expect([200, 409]).toContain(status);
    expect((await h.rest('GET', `/api/boards/${board.id}`, { token: alice.token })).status).toBe(200);
  }, 60_000);
});
