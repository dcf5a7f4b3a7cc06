/**
 * Time-based triggers, fired by `workflow.tick`: a queue schedule of one minute, so
 * one process fires each tick whatever the number of workers. Each firing is a run
 * keyed by its occurrence (unique per rule), so a tick run twice, or two ticks at
 * once, fire it once:
 * - SCHEDULE: the latest occurrence of the cron expression (in its time zone) since
 *   the rule last fired;
 * - DUE_SOON / OVERDUE: once per action point and due date;
 * - IDLE: once per action point and stretch without change.
 */
import { CronExpressionParser } from 'cron-parser';
import { Prisma, type DbTx } from '@ap/db/client';
import type { Deps } from '../ports/deps.ts';
import { RULE_RUN_JOB, queueRuleEvent } from './hook.ts';
import type { Trigger } from './rule-schema.ts';

export const WORKFLOW_TICK_JOB = 'workflow.tick';
/** Action points one rule fires for in one tick (the rest in the next ones). */
export const MAX_FIRINGS_PER_TICK = 200;

export type TickDeps = Pick<Deps, 'db' | 'jobs' | 'log'> & Partial<Pick<Deps, 'clock'>>;

/** The latest occurrence of `cron` at or before `now`, in `timezone`. */
export function latestOccurrence(cron: string, timezone: string, now: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: now, tz: timezone }).prev().toDate();
}

async function fireSchedules(deps: TickDeps, now: Date): Promise<number> {
  const rules = await deps.db.workflowRule.findMany({
    where: { triggerType: 'SCHEDULE', enabled: true },
    select: { id: true, boardId: true, trigger: true, firedUntil: true },
  });
  let fired = 0;
  for (const rule of rules) {
    const t = rule.trigger as Extract<Trigger, { type: 'SCHEDULE' }>;
    let at: Date;
    try {
      at = latestOccurrence(t.cron, t.timezone ?? 'UTC', now);
    } catch (err) {
      deps.log?.warn({ ruleId: rule.id, err }, 'schedule of a rule cannot be read');
      continue;
    }
    if (rule.firedUntil && at <= rule.firedUntil) continue;
    fired += await deps.db.$transaction(async (tx) => {
      await tx.workflowRule.updateMany({ where: { id: rule.id }, data: { firedUntil: now } });
      return queueRuleEvent(
        tx,
        deps.jobs,
        {
          key: `schedule:${at.toISOString()}`,
          type: 'SCHEDULE',
          boardId: rule.boardId,
          actionPointId: null,
          depth: 0,
          at: now.toISOString(),
          occurrence: at.toISOString(),
        },
        { ruleIds: [rule.id] },
      );
    });
  }
  return fired;
}

/** Runs of one time-based rule for the action points of its board that `when` selects, each keyed once. */
async function fireForActionPoints(
  tx: DbTx,
  deps: TickDeps,
  rule: { id: string; boardId: string },
  type: string,
  when: Prisma.Sql,
  key: Prisma.Sql,
) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "WorkflowRun" ("ruleId", "boardId", "eventKey", "event")
    SELECT ${rule.id}::uuid, a."boardId", ${type.toLowerCase()} || ':' || ap."id"::text || ':' || ${key},
           jsonb_build_object('type', ${type}::text, 'boardId', a."boardId"::text, 'actionPointId', ap."id"::text,
                              'depth', 0, 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                              'key', ${type.toLowerCase()} || ':' || ap."id"::text || ':' || ${key})
      FROM "ActionPointBoardAssociation" a
      JOIN "ActionPoint" ap ON ap."id" = a."actionPointId"
     WHERE a."boardId" = ${rule.boardId}::uuid AND ap."completedAt" IS NULL AND ${when}
       AND NOT EXISTS (SELECT 1 FROM "WorkflowRun" r
                        WHERE r."ruleId" = ${rule.id}::uuid
                          AND r."eventKey" = ${type.toLowerCase()} || ':' || ap."id"::text || ':' || ${key})
     LIMIT ${MAX_FIRINGS_PER_TICK}
    ON CONFLICT ("ruleId", "eventKey") DO NOTHING
    RETURNING "id"::text AS id`;
  for (const r of rows) await deps.jobs.enqueue(tx, { name: RULE_RUN_JOB, data: { runId: r.id }, key: r.id });
  return rows.length;
}

async function fireDueAndIdle(deps: TickDeps, now: Date): Promise<number> {
  const rules = await deps.db.workflowRule.findMany({
    where: { triggerType: { in: ['DUE_SOON', 'OVERDUE', 'IDLE'] }, enabled: true },
    select: { id: true, boardId: true, trigger: true },
  });
  let fired = 0;
  const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const dueKey = Prisma.sql`to_char(ap."dueDate", 'YYYY-MM-DD"T"HH24:MI:SS.MS')`;
  for (const rule of rules) {
    const t = rule.trigger as Trigger;
    fired += await deps.db.$transaction(async (tx) => {
      if (t.type === 'DUE_SOON') {
        const until = new Date(now.getTime() + t.withinHours * 3_600_000);
        return fireForActionPoints(
          tx,
          deps,
          rule,
          'DUE_SOON',
          Prisma.sql`ap."dueDate" > ${ts(now)} AND ap."dueDate" <= ${ts(until)}`,
          dueKey,
        );
      }
      if (t.type === 'OVERDUE') return fireForActionPoints(tx, deps, rule, 'OVERDUE', Prisma.sql`ap."dueDate" <= ${ts(now)}`, dueKey);
      if (t.type === 'IDLE') {
        const since = new Date(now.getTime() - t.days * 86_400_000);
        const last = Prisma.sql`greatest(ap."updatedAt", a."updatedAt")`;
        return fireForActionPoints(
          tx,
          deps,
          rule,
          'IDLE',
          Prisma.sql`${last} <= ${ts(since)}`,
          Prisma.sql`to_char(${last}, 'YYYY-MM-DD"T"HH24:MI:SS.MS')`,
        );
      }
      return 0;
    });
  }
  return fired;
}

/** One tick: fires every time-based rule that is due at `now`. Returns the runs queued. */
export async function workflowTick(deps: TickDeps, now: Date = deps.clock?.now() ?? new Date()): Promise<number> {
  const n = (await fireSchedules(deps, now)) + (await fireDueAndIdle(deps, now));
  if (n > 0) deps.log?.info({ runs: n }, 'time-based rules fired');
  return n;
}
