/**
 * The one hook core functions call inside their transaction: the events of a change
 * that rules may be triggered by become runs (one per rule and event, unique), each
 * with a `workflow.run` job enqueued in the same transaction (an outbox). An event
 * caused by a rule carries its chain depth; past MAX_CHAIN_DEPTH its runs are
 * logged as stopped and never run.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import type { JobProducer } from '../ports/job-queue.ts';
import type { Acting } from '../shared/context.ts';
import type { DomainEvent } from '../shared/events.ts';
import type { Trigger, TriggerType } from './rule-schema.ts';

export const RULE_RUN_JOB = 'workflow.run';
/** Rule runs that may follow one another from a person's change (A's action triggers B, …). */
export const MAX_CHAIN_DEPTH = 5;

/** What a rule is triggered by. */
export interface RuleEvent {
  /** Unique per event (with the rule: the run's key). */
  key: string;
  type: TriggerType;
  boardId: string;
  actionPointId: string | null;
  /** 0: a person's change or a schedule; n: caused by a run of an event at depth n − 1. */
  depth: number;
  at: string;
  /** The rule whose run caused it, if any. */
  causedByRuleId?: string | null;
  fromColumnId?: string | null;
  toColumnId?: string | null;
  fields?: string[];
  tagId?: string | null;
  documentId?: string | null;
  suggestionId?: string | null;
  occurrence?: string | null;
}

/** The depth of the events a change makes: one more than the run acting, 0 for a person. */
export function depthOf(by: Acting): number {
  return by.actor.type === 'rule' ? (by.actor.depth ?? 0) + 1 : 0;
}

const TRIGGER_OF: Record<string, TriggerType> = {
  'actionPoint.created': 'ACTION_POINT_CREATED',
  'actionPoint.moved': 'MOVED',
  'actionPoint.updated': 'UPDATED',
  'comment.created': 'COMMENTED',
  'tag.attached': 'TAGGED',
};

/**
 * Queues the runs of the rules that `events` (a change's collected events) trigger.
 * Costs one indexed read per board event of a triggering kind, nothing for others.
 */
export async function queueRuleRuns(tx: DbTx, by: Acting & { jobs?: JobProducer }, events: readonly DomainEvent[]): Promise<void> {
  const depth = depthOf(by);
  for (const e of events) {
    if (e.kind !== 'board' || !e.boardId) continue;
    const type = TRIGGER_OF[e.type];
    if (!type) continue;
    const changes = e.changes as Record<string, unknown>;
    const column = changes.columnId as { from?: string; to?: string } | string | undefined;
    await queueRuleEvent(tx, by.jobs, {
      key: `activity:${e.id}`,
      type,
      boardId: e.boardId,
      actionPointId: e.actionPointId,
      depth,
      at: e.at,
      causedByRuleId: by.actor.type === 'rule' ? by.actor.ruleId : null,
      ...(type === 'MOVED' && typeof column === 'object' ? { fromColumnId: column.from ?? null, toColumnId: column.to ?? null } : {}),
      ...(type === 'ACTION_POINT_CREATED' && typeof column === 'string' ? { toColumnId: column } : {}),
      ...(type === 'UPDATED' ? { fields: Object.keys(changes) } : {}),
      ...(type === 'TAGGED' ? { tagId: e.entityId } : {}),
    });
  }
}

/** Whether a rule's trigger (of the event's type) matches the event's particulars. */
function matches(trigger: Trigger, event: RuleEvent, toStatusId: string | null): boolean {
  switch (trigger.type) {
    case 'MOVED':
      return (!trigger.toColumnId || trigger.toColumnId === event.toColumnId) && (!trigger.toStatusId || trigger.toStatusId === toStatusId);
    case 'UPDATED':
      return !trigger.fields?.length || trigger.fields.some((f) => event.fields?.includes(f));
    case 'TAGGED':
      return !trigger.tagId || trigger.tagId === event.tagId;
    default:
      return true;
  }
}

/**
 * Queues a run of every enabled rule of the event's board that it triggers (or of
 * `ruleIds`, when given), unless that rule already has a run for this event.
 */
export async function queueRuleEvent(
  tx: DbTx,
  jobs: JobProducer | undefined,
  event: RuleEvent,
  options: { ruleIds?: string[] } = {},
): Promise<number> {
  const rules = await tx.workflowRule.findMany({
    where: { boardId: event.boardId, triggerType: event.type, enabled: true, ...(options.ruleIds ? { id: { in: options.ruleIds } } : {}) },
    select: { id: true, trigger: true },
  });
  if (rules.length === 0) return 0;
  let toStatusId: string | null = null;
  if (event.type === 'MOVED' && event.toColumnId && rules.some((r) => (r.trigger as { toStatusId?: string }).toStatusId)) {
    toStatusId = (await tx.workflowStatus.findUnique({ where: { columnId: event.toColumnId }, select: { id: true } }))?.id ?? null;
  }
  const matching = rules.filter((r) => matches(r.trigger as Trigger, event, toStatusId));
  if (matching.length === 0) return 0;
  const stopped = event.depth > MAX_CHAIN_DEPTH;
  const runs = await tx.workflowRun.createManyAndReturn({
    data: matching.map((r) => ({
      ruleId: r.id,
      boardId: event.boardId,
      eventKey: event.key,
      event: event as unknown as Prisma.InputJsonValue,
      depth: event.depth,
      ...(stopped
        ? {
            status: 'STOPPED',
            reason: `loop guard: chain depth ${event.depth} is past the limit of ${MAX_CHAIN_DEPTH} (caused by rule ${event.causedByRuleId ?? 'unknown'})`,
            finishedAt: new Date(),
          }
        : {}),
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  if (stopped || runs.length === 0) return 0;
  if (!jobs) throw new Error('Rule runs need the job queue (svc.jobs)');
  for (const run of runs) await jobs.enqueue(tx, { name: RULE_RUN_JOB, data: { runId: run.id }, key: run.id });
  return runs.length;
}

/** A document became READY: the DOCUMENT_READY rules whose owners can see it. */
export async function queueDocumentReady(
  tx: DbTx,
  jobs: JobProducer | undefined,
  doc: { id: string; version: number; ownerId: string; organizationId: string | null },
): Promise<void> {
  const rules = await tx.workflowRule.findMany({
    where: {
      triggerType: 'DOCUMENT_READY',
      enabled: true,
      owner: {
        OR: [
          { id: doc.ownerId },
          { documentPermissions: { some: { documentId: doc.id } } },
          ...(doc.organizationId ? [{ roles: { some: { organizationId: doc.organizationId } } }] : []),
        ],
      },
    },
    select: { id: true, boardId: true },
  });
  const boards = new Map<string, string[]>();
  for (const r of rules) boards.set(r.boardId, [...(boards.get(r.boardId) ?? []), r.id]);
  for (const [boardId, ruleIds] of boards) {
    await queueRuleEvent(
      tx,
      jobs,
      {
        key: `document:${doc.id}:v${doc.version}`,
        type: 'DOCUMENT_READY',
        boardId,
        actionPointId: null,
        depth: 0,
        at: new Date().toISOString(),
        documentId: doc.id,
      },
      { ruleIds },
    );
  }
}

/**
 * A bot suggestion was accepted as an action point on a board: call inside the
 * accepting transaction, with the accepting context (its actor the bot).
 */
export async function queueSuggestionAccepted(
  tx: DbTx,
  by: Acting & { jobs?: JobProducer },
  input: { suggestionId: string; boardId: string; actionPointId: string },
): Promise<void> {
  await queueRuleEvent(tx, by.jobs, {
    key: `suggestion:${input.suggestionId}`,
    type: 'SUGGESTION_ACCEPTED',
    boardId: input.boardId,
    actionPointId: input.actionPointId,
    depth: depthOf(by),
    at: new Date().toISOString(),
    suggestionId: input.suggestionId,
  });
}
