// Reading what rules did (workflows.runs), and what one would do (workflows.dryRun).
import { actionPointAccess, atLeast, requireBoard, requireBoardLevel } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { conditionMet, snapshot } from './engine.ts';
import { parseStoredRule, type Action, type Condition } from './rule-schema.ts';
import { requireRule } from './rules.ts';

export interface RunRow {
  id: string;
  ruleId: string;
  ruleName: string;
  event: Record<string, unknown>;
  depth: number;
  status: string;
  reason: string | null;
  actions: Record<string, unknown>[];
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A board's rule runs, newest first (VIEW); optionally one rule's. */
export async function listRuns(
  svc: ServiceContext,
  input: { boardId: string; ruleId?: string; cursor?: string; limit: number },
): Promise<Page<RunRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.workflowRun.findMany({
    where: { boardId: input.boardId, ...(input.ruleId ? { ruleId: input.ruleId } : {}), ...afterCreatedAt(after, 'desc') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      ruleId: true,
      event: true,
      depth: true,
      status: true,
      reason: true,
      actions: true,
      attempts: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      rule: { select: { name: true } },
    },
  });
  return toPage(
    rows.map(({ rule, ...r }) => ({
      ...r,
      ruleName: rule.name,
      event: r.event as Record<string, unknown>,
      actions: r.actions as Record<string, unknown>[],
    })),
    input.limit,
    (r) => [r.createdAt.toISOString(), r.id],
  );
}

export interface DryRunResult {
  ruleId: string;
  actionPointId: string | null;
  conditionsMet: boolean;
  conditions: { condition: Condition; met: boolean }[];
  actions: { type: string; would: string; allowed: boolean; reason: string | null }[];
}

/** What the rule would do to one action point, taking no action (VIEW on the rule's board and the action point). */
export async function dryRun(svc: ServiceContext, input: { ruleId: string; actionPointId?: string }): Promise<DryRunResult> {
  const rule = await requireRule(svc.db, svc.userId, input.ruleId, 'VIEW');
  if (input.actionPointId && !(await actionPointAccess(svc.db, svc.userId, input.actionPointId))) {
    throw new AppError('NOT_FOUND', 'Action point not found');
  }
  const parts = parseStoredRule(rule);
  const ownerLevel = await requireBoardLevel(svc.db, rule.ownerId, rule.boardId, 'VIEW').catch(() => null);
  const ap = input.actionPointId ? await snapshot(svc.db, rule.ownerId, rule.boardId, input.actionPointId) : null;
  const conditions = parts.conditions.map((condition) => ({ condition, met: conditionMet(condition, ap) }));
  const apLevel = input.actionPointId ? (await actionPointAccess(svc.db, rule.ownerId, input.actionPointId))?.level : null;
  const actions = parts.actions.map((a) => {
    const needs = a.type === 'COMMENT' ? 'COMMENT' : a.type === 'NOTIFY' || a.type === 'WEBHOOK' ? 'VIEW' : 'EDIT';
    const on = a.type === 'CREATE_ACTION_POINT' || a.type === 'WEBHOOK' || a.type === 'NOTIFY' ? ownerLevel : (apLevel ?? null);
    const allowed = ownerLevel !== null && atLeast(on, needs);
    const would = describe(a);
    const reason = allowed
      ? null
      : ownerLevel === null
        ? "the rule's owner no longer has access to its board"
        : `the rule's owner has ${on ?? 'no access'}, ${needs} is needed`;
    return { type: a.type, would, allowed, reason };
  });
  return {
    ruleId: rule.id,
    actionPointId: input.actionPointId ?? null,
    conditionsMet: conditions.every((c) => c.met) && (!input.actionPointId || ap !== null),
    conditions,
    actions,
  };
}

function describe(a: Action): string {
  switch (a.type) {
    case 'MOVE':
      return `move it to column ${a.columnId}`;
    case 'ASSIGN':
      return `assign it to ${a.assigneeId}`;
    case 'SET_DUE':
      return `set it due in ${a.inDays} days`;
    case 'TAG':
      return `tag it ${a.tagId}`;
    case 'UNTAG':
      return `remove tag ${a.tagId}`;
    case 'COMMENT':
      return `comment "${a.body.slice(0, 80)}"`;
    case 'NOTIFY':
      return `notify ${a.userIds.length} user(s)`;
    case 'ADD_TO_BOARD':
      return `add it to board ${a.boardId}, column ${a.columnId}`;
    case 'CREATE_ACTION_POINT':
      return `create "${a.title}" in column ${a.columnId}`;
    case 'WEBHOOK':
      return `post the event to ${new URL(a.url).origin}`;
  }
}
