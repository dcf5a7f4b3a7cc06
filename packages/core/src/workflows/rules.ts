/**
 * Rules of a board: read at VIEW, changed at ADMIN. A rule acts as its owner, the
 * user who last wrote it (an ADMIN who edits another's rule becomes its owner: a
 * rule never carries rights its writer lacks). Every id a rule names is checked to
 * be on its board, or visible to its owner; a WEBHOOK rule gets a `whsec_` secret,
 * returned once, by the write that made it.
 */
import { randomBytes } from 'node:crypto';
import type { DbTx, Prisma } from '@ap/db/client';
import { recordActivity } from '../boards/activity.ts';
import { boardVisibleTo, requireBoard, requireBoardLevel } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { badRequest, notFound, type FieldIssue } from '../shared/errors.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import type { Action, Condition, Trigger } from './rule-schema.ts';

export const MAX_RULES_PER_BOARD = 100;

export const ruleSelect = {
  id: true,
  boardId: true,
  ownerId: true,
  name: true,
  enabled: true,
  triggerType: true,
  trigger: true,
  conditions: true,
  actions: true,
  secret: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WorkflowRuleSelect;

type RuleRecord = Prisma.WorkflowRuleGetPayload<{ select: typeof ruleSelect }>;

export interface RuleRow extends Omit<RuleRecord, 'secret'> {
  hasSecret: boolean;
}

export interface WrittenRule extends RuleRow {
  /** The webhook secret when this write made it (shown this once), else null. */
  secret: string | null;
}

const toRow = ({ secret, ...r }: RuleRecord): RuleRow => ({ ...r, hasSecret: secret !== null });

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** Triggers that bring no action point: their actions act on the one a CREATE_ACTION_POINT makes. */
const WITHOUT_ACTION_POINT = new Set(['SCHEDULE', 'DOCUMENT_READY']);
const NEEDS_ACTION_POINT = new Set(['MOVE', 'ASSIGN', 'SET_DUE', 'TAG', 'UNTAG', 'COMMENT', 'ADD_TO_BOARD']);

export interface RuleParts {
  trigger: Trigger;
  conditions: Condition[];
  actions: Action[];
}

/** Every id of the rule on its board or visible to `ownerId`; BAD_REQUEST naming each one that is not. */
async function checkReferences(tx: DbTx, boardId: string, ownerId: string, r: RuleParts): Promise<void> {
  const issues: FieldIssue[] = [];
  const columnOn = async (columnId: string, onBoard: string) => (await tx.column.count({ where: { id: columnId, boardId: onBoard } })) > 0;
  const statusOn = async (statusId: string) => (await tx.workflowStatus.count({ where: { id: statusId, boardId } })) > 0;
  const tagOn = async (tagId: string) => (await tx.boardTag.count({ where: { tagId, boardId } })) > 0;
  const seesBoard = async (userId: string) =>
    (await tx.board.count({ where: { id: boardId, ...boardVisibleTo(userId) } })) > 0 &&
    (await tx.user.count({ where: { id: userId, deletedAt: null } })) > 0;

  const t = r.trigger;
  if (t.type === 'MOVED' && t.toColumnId && !(await columnOn(t.toColumnId, boardId)))
    issues.push({ path: 'trigger.toColumnId', message: 'is not a column of this board' });
  if (t.type === 'MOVED' && t.toStatusId && !(await statusOn(t.toStatusId)))
    issues.push({ path: 'trigger.toStatusId', message: "is not a status of this board's workflow" });
  if (t.type === 'TAGGED' && t.tagId && !(await tagOn(t.tagId)))
    issues.push({ path: 'trigger.tagId', message: 'is not a tag of this board' });

  for (const [i, c] of r.conditions.entries()) {
    const at = `conditions.${i}.value`;
    if (c.field === 'tagIds' && !(await tagOn(c.value))) issues.push({ path: at, message: 'is not a tag of this board' });
    if (c.field === 'statusId' && !(await statusOn(c.value)))
      issues.push({ path: at, message: "is not a status of this board's workflow" });
    if (c.field === 'assigneeId' && c.value && !(await seesBoard(c.value)))
      issues.push({ path: at, message: 'is not a user who can see this board' });
  }

  let created = false;
  for (const [i, a] of r.actions.entries()) {
    const at = `actions.${i}`;
    if (NEEDS_ACTION_POINT.has(a.type) && WITHOUT_ACTION_POINT.has(t.type) && !created) {
      issues.push({
        path: `${at}.type`,
        message: `needs an action point: a ${t.type} trigger brings none (put a CREATE_ACTION_POINT first)`,
      });
    }
    switch (a.type) {
      case 'MOVE':
      case 'CREATE_ACTION_POINT':
        if (!(await columnOn(a.columnId, boardId))) issues.push({ path: `${at}.columnId`, message: 'is not a column of this board' });
        if (a.type === 'CREATE_ACTION_POINT') created = true;
        break;
      case 'TAG':
      case 'UNTAG':
        if (!(await tagOn(a.tagId))) issues.push({ path: `${at}.tagId`, message: 'is not a tag of this board' });
        break;
      case 'ASSIGN':
        if (!(await seesBoard(a.assigneeId))) issues.push({ path: `${at}.assigneeId`, message: 'is not a user who can see this board' });
        break;
      case 'NOTIFY':
        for (const [j, u] of a.userIds.entries()) {
          if (!(await seesBoard(u))) issues.push({ path: `${at}.userIds.${j}`, message: 'is not a user who can see this board' });
        }
        break;
      case 'ADD_TO_BOARD': {
        const level = await requireBoardLevel(tx, ownerId, a.boardId, 'EDIT').catch(() => null);
        if (!level) issues.push({ path: `${at}.boardId`, message: 'is not a board you can edit' });
        else if (!(await columnOn(a.columnId, a.boardId)))
          issues.push({ path: `${at}.columnId`, message: 'is not a column of that board' });
        else if (a.boardId === boardId) issues.push({ path: `${at}.boardId`, message: 'is this board (use MOVE)' });
        break;
      }
      default:
        break;
    }
  }
  if (issues.length) throw badRequest(`Invalid rule: ${issues.map((f) => `${f.path}: ${f.message}`).join('; ')}`, issues);
}

const hasWebhook = (actions: Action[]) => actions.some((a) => a.type === 'WEBHOOK');

/** The rule (its board visible to the caller at `min`); NOT_FOUND otherwise. */
async function requireRule(tx: DbTx, userId: string, ruleId: string, min: 'VIEW' | 'ADMIN'): Promise<RuleRecord> {
  const rule = await tx.workflowRule.findFirst({ where: { id: ruleId, board: boardVisibleTo(userId) }, select: ruleSelect });
  if (!rule) throw notFound('Rule');
  await requireBoard(tx, userId, rule.boardId, min);
  return rule;
}

export async function getRule(svc: ServiceContext, input: { ruleId: string }): Promise<RuleRow> {
  return toRow(await requireRule(svc.db, svc.userId, input.ruleId, 'VIEW'));
}

/** The board's rules, oldest first (VIEW). */
export async function listRules(svc: ServiceContext, input: { boardId: string; cursor?: string; limit: number }): Promise<Page<RuleRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.workflowRule.findMany({
    where: { boardId: input.boardId, ...afterCreatedAt(after, 'asc') },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: ruleSelect,
  });
  return toPage(rows.map(toRow), input.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

export interface CreateRuleInput extends RuleParts {
  boardId: string;
  name: string;
  enabled: boolean;
}

/** A new rule of the board (ADMIN), owned by the caller. */
export async function createRule(svc: ServiceContext, input: CreateRuleInput): Promise<WrittenRule> {
  return mutate(svc, async (tx, events) => {
    await requireBoard(tx, svc.userId, input.boardId, 'ADMIN');
    if ((await tx.workflowRule.count({ where: { boardId: input.boardId } })) >= MAX_RULES_PER_BOARD) {
      throw badRequest(`A board has at most ${MAX_RULES_PER_BOARD} rules`);
    }
    await checkReferences(tx, input.boardId, svc.userId, input);
    const secret = hasWebhook(input.actions) ? newWebhookSecret() : null;
    const rule = await tx.workflowRule.create({
      data: {
        boardId: input.boardId,
        ownerId: svc.userId,
        name: input.name,
        enabled: input.enabled,
        triggerType: input.trigger.type,
        trigger: input.trigger as Prisma.InputJsonValue,
        conditions: input.conditions as Prisma.InputJsonValue,
        actions: input.actions as Prisma.InputJsonValue,
        secret,
        firedUntil: new Date(),
      },
      select: ruleSelect,
    });
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        by: svc,
        action: 'workflowRule.created',
        entityType: 'workflowRule',
        entityId: rule.id,
        changes: { name: rule.name, trigger: rule.triggerType, enabled: rule.enabled },
      }),
    );
    return { ...toRow(rule), secret };
  });
}

export interface UpdateRuleInput extends Partial<RuleParts> {
  ruleId: string;
  name?: string;
  enabled?: boolean;
}

/** Changes a rule (ADMIN on its board); the caller becomes its owner. */
export async function updateRule(svc: ServiceContext, input: UpdateRuleInput): Promise<WrittenRule> {
  return mutate(svc, async (tx, events) => {
    const rule = await requireRule(tx, svc.userId, input.ruleId, 'ADMIN');
    const next: RuleParts = {
      trigger: input.trigger ?? (rule.trigger as Trigger),
      conditions: input.conditions ?? (rule.conditions as Condition[]),
      actions: input.actions ?? (rule.actions as Action[]),
    };
    await checkReferences(tx, rule.boardId, svc.userId, next);
    const secret = hasWebhook(next.actions) && rule.secret === null ? newWebhookSecret() : null;
    const enabling = input.enabled === true && !rule.enabled;
    const updated = await tx.workflowRule.update({
      where: { id: rule.id },
      data: {
        ownerId: svc.userId,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        triggerType: next.trigger.type,
        trigger: next.trigger as Prisma.InputJsonValue,
        conditions: next.conditions as Prisma.InputJsonValue,
        actions: next.actions as Prisma.InputJsonValue,
        ...(secret ? { secret } : {}),
        // A schedule changed or switched back on fires from now, not for the time it was off.
        ...(enabling || input.trigger ? { firedUntil: new Date() } : {}),
        version: { increment: 1 },
      },
      select: ruleSelect,
    });
    events.push(
      await recordActivity(tx, {
        boardId: rule.boardId,
        by: svc,
        action: 'workflowRule.updated',
        entityType: 'workflowRule',
        entityId: rule.id,
        changes: {
          ...(input.name !== undefined && input.name !== rule.name ? { name: { from: rule.name, to: input.name } } : {}),
          ...(input.enabled !== undefined && input.enabled !== rule.enabled ? { enabled: { from: rule.enabled, to: input.enabled } } : {}),
          ...(rule.ownerId !== svc.userId ? { ownerId: { from: rule.ownerId, to: svc.userId } } : {}),
          version: updated.version,
        },
      }),
    );
    return { ...toRow(updated), secret };
  });
}

/** Deletes a rule (ADMIN on its board), its runs and deliveries with it. */
export async function deleteRule(svc: ServiceContext, input: { ruleId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const rule = await requireRule(tx, svc.userId, input.ruleId, 'ADMIN');
    await tx.workflowRule.delete({ where: { id: rule.id } });
    events.push(
      await recordActivity(tx, {
        boardId: rule.boardId,
        by: svc,
        action: 'workflowRule.deleted',
        entityType: 'workflowRule',
        entityId: rule.id,
        changes: { name: rule.name },
      }),
    );
  });
}

export { requireRule };
