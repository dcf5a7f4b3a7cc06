// Time-based rule triggers: SCHEDULE (cron in a time zone) with CREATE_ACTION_POINT
// makes recurring action points, one per occurrence whatever the number of processes
// ticking; DUE_SOON, OVERDUE and IDLE fire once per action point and occurrence.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestOccurrence, WORKFLOW_TICK_JOB, workflowTick } from '@ap/core/workflows/ticks';
import { createDb } from '@ap/db/client';
import { startServices, type Services } from '@ap/worker/services';
import { testDatabaseUrl, testDb } from '@ap/testing/db';
import { startHarness, type Harness, type TestUser, until } from './harness.ts';

let h: Harness;
const db = testDb();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function setup(owner: TestUser) {
  const c = h.caller(owner.token);
  const b = await c.boards.create({ name: `Time ${randomUUID().slice(0, 6)}`, columns: ['To do', 'Done'] });
  return { c, boardId: b.id, todo: b.columns[0]!.id };
}

const finished = (ruleId: string) => db.workflowRun.count({ where: { ruleId, status: { in: ['SUCCEEDED', 'SKIPPED', 'FAILED'] } } });

describe('SCHEDULE', () => {
  it('reads the cron expression in its time zone', () => {
    const now = new Date('2026-03-02T08:30:00Z'); // a Monday, 09:30 in Berlin
    expect(latestOccurrence('0 9 * * 1', 'Europe/Berlin', now).toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(latestOccurrence('0 9 * * 1', 'UTC', now).toISOString()).toBe('2026-02-23T09:00:00.000Z');
  });

  it('creates one recurring action point per occurrence, however many processes tick at once', async () => {
    const owner = await h.user();
    const { c, boardId, todo } = await setup(owner);
    const rule = await c.workflows.createRule({
      boardId,
      name: 'Weekly review',
      trigger: { type: 'SCHEDULE', cron: '0 9 * * 1', timezone: 'Europe/Berlin' },
      actions: [
        { type: 'CREATE_ACTION_POINT', title: 'Weekly review {date}', columnId: todo },
        { type: 'COMMENT', body: 'Agenda: open items.' },
      ],
    });
    // Its schedule counts from its creation: pretend it was made a week and a half ago.
    await db.workflowRule.update({ where: { id: rule.id }, data: { firedUntil: new Date(Date.now() - 10 * 86_400_000) } });
    // Two processes, each with its own connections, ticking at the same moment.
    const other = createDb(testDatabaseUrl(), { max: 2 });
    try {
      const now = new Date();
      const queued = await Promise.all([
        workflowTick(h.server.deps, now),
        workflowTick({ db: other, jobs: h.server.deps.jobs }, now),
        workflowTick(h.server.deps, now),
      ]);
      expect(queued.reduce((a, b) => a + b, 0)).toBe(1);
      await until('the run', async () => (await finished(rule.id)) === 1);
      expect(await workflowTick({ db: other, jobs: h.server.deps.jobs }, new Date(now.getTime() + 60_000))).toBe(0);
    } finally {
      await other.$disconnect();
    }
    const made = await db.actionPoint.findMany({ where: { ownerId: owner.id, title: { startsWith: 'Weekly review' } } });
    expect(made).toHaveLength(1);
    const run = await db.workflowRun.findFirstOrThrow({ where: { ruleId: rule.id } });
    const occurrence = (run.event as { occurrence: string }).occurrence;
    expect(new Date(occurrence).getUTCDay()).toBe(1);
    expect(made[0]!.title).toBe(`Weekly review ${occurrence.slice(0, 10)}`);
    expect(await db.comment.count({ where: { actionPointId: made[0]!.id } })).toBe(1);
  });

  it("fires once per minute through the queue's scheduler with two workers running", { timeout: 150_000 }, async () => {
    const owner = await h.user();
    const { c, boardId, todo } = await setup(owner);
    // A second worker's services, working and scheduling the same jobs on their own connections.
    const quiet = { info() {}, warn() {}, error() {} };
    const otherDb = createDb(testDatabaseUrl(), { max: 4 });
    let second: Services | undefined;
    try {
      second = await startServices(h.server.deps.env, {
        databaseUrl: testDatabaseUrl(),
        db: otherDb,
        events: h.server.deps.events,
        log: quiet,
        runJobs: true,
        allowEmbeddedBlobs: false,
      });
      expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.schedule WHERE name = ${WORKFLOW_TICK_JOB}`).toEqual([
        { n: 1n },
      ]);
      const rule = await c.workflows.createRule({
        boardId,
        name: 'Every minute',
        trigger: { type: 'SCHEDULE', cron: '* * * * *', timezone: 'UTC' },
        actions: [{ type: 'CREATE_ACTION_POINT', title: 'Minute {date}', columnId: todo }],
      });
      const first = await until(
        'the first scheduled run',
        async () => db.workflowRun.findFirst({ where: { ruleId: rule.id, status: 'SUCCEEDED' } }),
        100_000,
      );
      // Whoever ticked: one run and one action point for that minute, none twice.
      await new Promise((r) => setTimeout(r, 12_000));
      const runs = await db.workflowRun.findMany({ where: { ruleId: rule.id } });
      const keys = runs.map((r) => r.eventKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toContain(first.eventKey);
      expect(await db.actionPoint.count({ where: { ownerId: owner.id, title: { startsWith: 'Minute' } } })).toBe(
        runs.filter((r) => r.status === 'SUCCEEDED').length,
      );
    } finally {
      await second?.close({ timeoutMs: 1_000 });
      await otherDb.$disconnect();
    }
  });
});

describe('DUE_SOON, OVERDUE and IDLE', () => {
  it('fire once per action point and occurrence', async () => {
    const owner = await h.user();
    const { c, boardId, todo } = await setup(owner);
    const now = new Date();
    const hours = (n: number) => new Date(now.getTime() + n * 3_600_000).toISOString();
    const soon = await c.actionPoints.create({ title: 'soon', boardId, columnId: todo, dueDate: hours(5) });
    const later = await c.actionPoints.create({ title: 'later', boardId, columnId: todo, dueDate: hours(72) });
    const late = await c.actionPoints.create({ title: 'late', boardId, columnId: todo, dueDate: hours(-2) });
    const done = await c.actionPoints.create({ title: 'done', boardId, columnId: todo, dueDate: hours(-2), completed: true });
    const idle = await c.actionPoints.create({ title: 'idle', boardId, columnId: todo });
    const comment = (body: string) => [{ type: 'COMMENT' as const, body }];
    const dueSoon = await c.workflows.createRule({
      boardId,
      name: 'soon',
      trigger: { type: 'DUE_SOON', withinHours: 24 },
      actions: comment('Due soon.'),
    });
    const overdue = await c.workflows.createRule({ boardId, name: 'late', trigger: { type: 'OVERDUE' }, actions: comment('Overdue.') });
    const stale = await c.workflows.createRule({
      boardId,
      name: 'idle',
      trigger: { type: 'IDLE', days: 3 },
      actions: comment('Still on it?'),
    });
    const old = new Date(now.getTime() - 5 * 86_400_000);
    await db.$executeRaw`UPDATE "ActionPoint" SET "updatedAt" = ${old} WHERE "id" = ${idle.id}::uuid`;
    await db.$executeRaw`UPDATE "ActionPointBoardAssociation" SET "updatedAt" = ${old} WHERE "actionPointId" = ${idle.id}::uuid`;

    await Promise.all([workflowTick(h.server.deps, now), workflowTick(h.server.deps, now)]);
    await workflowTick(h.server.deps, new Date(now.getTime() + 60_000));
    await until('the runs', async () => (await finished(dueSoon.id)) + (await finished(overdue.id)) + (await finished(stale.id)) === 3);
    const bodies = async (id: string) => (await c.comments.list({ actionPointId: id })).items.map((x) => x.body);
    expect(await bodies(soon.id)).toEqual(['Due soon.']);
    expect(await bodies(later.id)).toEqual([]);
    expect(await bodies(late.id)).toEqual(['Overdue.']);
    expect(await bodies(done.id)).toEqual([]);
    expect(await bodies(idle.id)).toEqual(['Still on it?']);

    // A new due date is a new occurrence; the same one never fires again.
    await c.actionPoints.update({ actionPointId: late.id, dueDate: hours(-1) });
    await workflowTick(h.server.deps, new Date(now.getTime() + 120_000));
    await until('the second overdue run', async () => (await finished(overdue.id)) === 2);
    expect(await bodies(late.id)).toEqual(['Overdue.', 'Overdue.']);
    expect(await bodies(soon.id)).toEqual(['Due soon.']);
  });
});
