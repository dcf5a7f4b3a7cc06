/**
 * The rule engine: one `workflow.run` job per (rule, event) run. A run acts as the
 * rule's owner, with the owner's rights of the moment, through the core functions
 * people use (so activity, notifications and live events follow, naming the rule).
 * All of a run happens in ONE transaction that also marks it done, under the run
 * row's lock: a retried or duplicated job finds it done and does nothing, and a run
 * cut short leaves nothing behind. An action the owner may not take fails the run
 * (nothing of it stays) with the reason logged; the loop guard stops runs past the
 * chain depth or the rule's rate.
 */
import type { Db, DbTx, Prisma } from '@ap/db/client';
import { moveActionPoint } from '../action-points/move.ts';
import { createActionPoint, updateActionPoint } from '../action-points/crud.ts';
import { addToBoard } from '../action-points/membership.ts';
import { actionPointAccess, requireBoard, requireBoardLevel, usersWhoCanSeeActionPoint } from '../access/rules.ts';
import { createComment } from '../collaboration/comments.ts';
import { notify } from '../collaboration/notifications.ts';
import { attachTag, detachTag } from '../collaboration/tags.ts';
import type { Deps } from '../ports/deps.ts';
import type { JobProducer } from '../ports/job-queue.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { DomainEvent, EventBus } from '../shared/events.ts';
import { MAX_CHAIN_DEPTH, type RuleEvent } from './hook.ts';
import { parseStoredRule, type Action, type Condition } from './rule-schema.ts';
import { WEBHOOK_JOB, webhookPayload } from './webhooks.ts';

/** Runs one rule may start per minute; past it, runs are stopped (loop guard). */
export const RULE_RUNS_PER_MINUTE = 60;

export type EngineDeps = Pick<Deps, 'db' | 'events' | 'jobs' | 'log'> & Partial<Pick<Deps, 'clock'>>;

export interface ActionOutcome {
  type: string;
  status: 'done' | 'failed' | 'not run';
  detail?: string;
  error?: string;
}

/** A client whose `$transaction` runs its callback in `tx`: core functions called with it join the run's transaction. */
function joined(tx: DbTx): Db {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === '$transaction') return (fn: (t: DbTx) => unknown) => fn(target);
      return Reflect.get(target, prop, receiver);
    },
  }) as unknown as Db;
}

/** Collects events to publish once the run's transaction committed. */
function bufferingBus(): EventBus & { drained: DomainEvent[] } {
  const drained: DomainEvent[] = [];
  return { drained, publish: (e) => void drained.push(e), subscribe: () => () => {} };
}

export interface Snapshot {
  id: string;
  title: string;
  description: string | null;
  dueDate: Date | null;
  assigneeId: string | null;
  completedAt: Date | null;
  tagIds: string[];
  columnId: string | null;
  statusId: string | null;
}

/** The action point as the rule's board has it, read as `userId` (null when they cannot see it). */
export async function snapshot(tx: DbTx, userId: string, boardId: string, actionPointId: string): Promise<Snapshot | null> {
  if (!(await actionPointAccess(tx, userId, actionPointId))) return null;
  const ap = await tx.actionPoint.findUnique({
    where: { id: actionPointId },
    select: {
      id: true,
      title: true,
      description: true,
      dueDate: true,
      assigneeId: true,
      completedAt: true,
      tags: { where: { boardId }, select: { tagId: true } },
      associations: { where: { boardId }, select: { columnId: true, column: { select: { status: { select: { id: true } } } } } },
    },
  });
  if (!ap) return null;
  const a = ap.associations[0];
  return {
    id: ap.id,
    title: ap.title,
    description: ap.description,
    dueDate: ap.dueDate,
    assigneeId: ap.assigneeId,
    completedAt: ap.completedAt,
    tagIds: ap.tags.map((t) => t.tagId),
    columnId: a?.columnId ?? null,
    statusId: a?.column.status?.id ?? null,
  };
}

export function conditionMet(c: Condition, ap: Snapshot | null): boolean {
  if (!ap) return false;
  switch (c.field) {
    case 'tagIds':
      return ap.tagIds.includes(c.value);
    case 'assigneeId':
      return c.op === 'isEmpty' ? ap.assigneeId === null : ap.assigneeId === c.value;
    case 'dueDate':
      return ap.dueDate !== null && ap.dueDate < new Date(c.value);
    case 'title':
      return ap.title.toLowerCase().includes(c.value.toLowerCase());
    case 'statusId':
      return ap.statusId === c.value;
  }
}

const DAY_MS = 86_400_000;

/** `{date}` in a created title: the day of the occurrence (or of the run). */
const titleFor = (title: string, at: Date) => title.replaceAll('{date}', at.toISOString().slice(0, 10));

interface RunContext {
  tx: DbTx;
  svc: ServiceContext & { jobs: JobProducer };
  rule: { id: string; name: string; boardId: string; ownerId: string };
  run: { id: string };
  event: RuleEvent;
  now: Date;
  /** The action point actions act on: the event's, or the one a CREATE_ACTION_POINT made. */
  actionPointId: string | null;
}

/** One action through the core function a person would call; returns what it did. */
async function act(c: RunContext, a: Action, index: number): Promise<string> {
  const apId = c.actionPointId;
  const need = () => {
    if (!apId) throw new AppError('BAD_REQUEST', 'there is no action point to act on');
    return apId;
  };
  switch (a.type) {
    case 'MOVE':
      await moveActionPoint(c.svc, { boardId: c.rule.boardId, actionPointId: need(), columnId: a.columnId });
      return `moved to column ${a.columnId}`;
    case 'ASSIGN':
      await updateActionPoint(c.svc, { actionPointId: need(), assigneeId: a.assigneeId });
      return `assigned to ${a.assigneeId}`;
    case 'SET_DUE': {
      const due = new Date(c.now.getTime() + a.inDays * DAY_MS);
      await updateActionPoint(c.svc, { actionPointId: need(), dueDate: due });
      return `due ${due.toISOString()}`;
    }
    case 'TAG':
      await attachTag(c.svc, { actionPointId: need(), tagId: a.tagId });
      return `tagged ${a.tagId}`;
    case 'UNTAG':
      try {
        await detachTag(c.svc, { actionPointId: need(), tagId: a.tagId });
        return `untagged ${a.tagId}`;
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND' && err.message.startsWith('Tag on this')) return 'was not tagged';
        throw err;
      }
    case 'COMMENT': {
      const comment = await createComment(c.svc, { actionPointId: need(), body: a.body });
      return `commented ${comment.id}`;
    }
    case 'NOTIFY': {
      const id = need();
      await requireBoard(c.tx, c.rule.ownerId, c.rule.boardId, 'VIEW');
      const allowed = await usersWhoCanSeeActionPoint(c.tx, id, a.userIds);
      const events: DomainEvent[] = [];
      const ap = await c.tx.actionPoint.findUniqueOrThrow({ where: { id }, select: { title: true } });
      await notify(
        c.tx,
        {
          recipients: a.userIds.filter((u) => allowed.has(u)),
          type: 'WORKFLOW',
          actorId: c.rule.ownerId,
          boardId: c.rule.boardId,
          actionPointId: id,
          data: { ruleId: c.rule.id, ruleName: c.rule.name, title: ap.title, trigger: c.event.type },
          includeActor: true,
        },
        events,
      );
      for (const e of events) await c.svc.events.publish(e);
      return `notified ${events.length} of ${a.userIds.length}`;
    }
    case 'ADD_TO_BOARD':
      await addToBoard(c.svc, { boardId: a.boardId, actionPointId: need(), columnId: a.columnId });
      return `added to board ${a.boardId}`;
    case 'CREATE_ACTION_POINT': {
      const at = c.event.occurrence ? new Date(c.event.occurrence) : c.now;
      const ap = await createActionPoint(c.svc, { title: titleFor(a.title, at), boardId: c.rule.boardId, columnId: a.columnId });
      c.actionPointId = ap.id;
      return `created ${ap.id}`;
    }
    case 'WEBHOOK': {
      await requireBoard(c.tx, c.rule.ownerId, c.rule.boardId, 'VIEW');
      const messageId = `msg_${c.run.id.replaceAll('-', '')}_${index}`;
      const payload = await webhookPayload(c.tx, { rule: c.rule, event: c.event, actionPointId: c.actionPointId, now: c.now });
      await c.svc.jobs.enqueue(c.tx, {
        name: WEBHOOK_JOB,
        data: { ruleId: c.rule.id, runId: c.run.id, url: a.url, messageId, attempt: 1, payload },
        key: `${messageId}:1`,
      });
      return `webhook ${messageId} queued`;
    }
  }
}

class RunFailed extends Error {
  constructor(
    readonly reason: string,
    readonly outcomes: ActionOutcome[],
  ) {
    super(reason);
  }
}

const TERMINAL = new Set(['SUCCEEDED', 'SKIPPED', 'FAILED', 'STOPPED']);

async function finish(
  db: DbTx,
  runId: string,
  data: { status: string; reason?: string | null; actions?: ActionOutcome[]; attempts: number; startedAt: Date },
): Promise<void> {
  await db.workflowRun.update({
    where: { id: runId },
    data: {
      status: data.status,
      reason: data.reason ?? null,
      actions: (data.actions ?? []) as unknown as Prisma.InputJsonValue,
      attempts: data.attempts,
      startedAt: data.startedAt,
      finishedAt: new Date(),
    },
  });
}

/** One attempt of `workflow.run`. */
export async function runRule(deps: EngineDeps, job: { data: { runId: string }; attempt: number; maxAttempts: number }): Promise<void> {
  const { runId } = job.data;
  const startedAt = new Date();
  const now = deps.clock?.now() ?? startedAt;
  const bus = bufferingBus();
  let result: { status: string; reason?: string } | null = null;
  try {
    result = await deps.db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ status: string }[]>`
          SELECT "status" FROM "WorkflowRun" WHERE "id" = ${runId}::uuid FOR UPDATE`;
        const status = locked[0]?.status;
        if (!status || TERMINAL.has(status)) return null;
        const run = await tx.workflowRun.findUniqueOrThrow({
          where: { id: runId },
          select: {
            id: true,
            event: true,
            depth: true,
            rule: {
              select: { id: true, name: true, boardId: true, ownerId: true, enabled: true, trigger: true, conditions: true, actions: true },
            },
          },
        });
        const rule = run.rule;
        const base = { attempts: job.attempt, startedAt };
        if (!rule.enabled) {
          await finish(tx, runId, { ...base, status: 'SKIPPED', reason: 'the rule is disabled' });
          return { status: 'SKIPPED' };
        }
        if (run.depth > MAX_CHAIN_DEPTH) {
          const reason = `loop guard: chain depth ${run.depth} is past the limit of ${MAX_CHAIN_DEPTH}`;
          await finish(tx, runId, { ...base, status: 'STOPPED', reason });
          return { status: 'STOPPED', reason };
        }
        const recent = await tx.workflowRun.count({
          where: {
            ruleId: rule.id,
            id: { not: runId },
            startedAt: { gt: new Date(startedAt.getTime() - 60_000) },
            status: { in: ['SUCCEEDED', 'FAILED'] },
          },
        });
        if (recent >= RULE_RUNS_PER_MINUTE) {
          const reason = `loop guard: the rule ran ${recent} times in the last minute (limit ${RULE_RUNS_PER_MINUTE})`;
          await finish(tx, runId, { ...base, status: 'STOPPED', reason });
          return { status: 'STOPPED', reason };
        }
        const event = run.event as unknown as RuleEvent;
        const parts = parseStoredRule(rule);
        // The owner's rights now: still on the board, still seeing the action point.
        const level = await requireBoardLevel(tx, rule.ownerId, rule.boardId, 'VIEW').catch(() => null);
        if (!level) throw new RunFailed("the rule's owner no longer has access to its board", []);
        const ap = event.actionPointId ? await snapshot(tx, rule.ownerId, rule.boardId, event.actionPointId) : null;
        if (event.actionPointId && !ap) throw new RunFailed("the rule's owner can no longer see the action point", []);
        if (!parts.conditions.every((c) => conditionMet(c, ap))) {
          await finish(tx, runId, { ...base, status: 'SKIPPED', reason: 'conditions not met' });
          return { status: 'SKIPPED' };
        }
        const c: RunContext = {
          tx,
          svc: {
            db: joined(tx),
            events: bus,
            jobs: deps.jobs,
            userId: rule.ownerId,
            actor: { type: 'rule', ruleId: rule.id, depth: run.depth },
          },
          rule,
          run,
          event,
          now,
          actionPointId: event.actionPointId,
        };
        const outcomes: ActionOutcome[] = [];
        for (const [i, a] of parts.actions.entries()) {
          try {
            outcomes.push({ type: a.type, status: 'done', detail: await act(c, a, i) });
          } catch (err) {
            if (!(err instanceof AppError) || err.code === 'SERVICE_UNAVAILABLE' || err.code === 'INTERNAL_SERVER_ERROR') throw err;
            outcomes.push({ type: a.type, status: 'failed', error: err.message });
            for (const rest of parts.actions.slice(i + 1)) outcomes.push({ type: rest.type, status: 'not run' });
            throw new RunFailed(`${a.type} failed: ${err.message} (no action of this run was applied)`, outcomes);
          }
        }
        await finish(tx, runId, { ...base, status: 'SUCCEEDED', actions: outcomes });
        return { status: 'SUCCEEDED' };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (err) {
    const failed = err instanceof RunFailed ? err : null;
    if (!failed && job.attempt < job.maxAttempts) throw err;
    const reason =
      failed?.reason ?? `the run failed after ${job.attempt} attempts: ${(err as Error).message?.split('\n')[0] ?? 'internal error'}`;
    deps.log?.warn({ runId, reason, attempt: job.attempt }, 'workflow rule run failed');
    await deps.db.$transaction(async (tx) => {
      const row = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "WorkflowRun" WHERE "id" = ${runId}::uuid FOR UPDATE`;
      if (!row[0] || TERMINAL.has(row[0].status)) return;
      await finish(tx, runId, { status: 'FAILED', reason, actions: failed?.outcomes ?? [], attempts: job.attempt, startedAt });
    });
    return;
  }
  if (result?.status === 'STOPPED') deps.log?.warn({ runId, reason: result.reason }, 'workflow rule run stopped');
  for (const e of bus.drained) await deps.events.publish(e);
}
