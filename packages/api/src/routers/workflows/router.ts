import type { z } from 'zod';
import { dryRun, listRuns, type RunRow } from '@ap/core/workflows/runs';
import { createRule, deleteRule, listRules, updateRule, type RuleRow, type WrittenRule } from '@ap/core/workflows/rules';
import { getWorkflow, updateWorkflow } from '@ap/core/workflows/statuses';
import { listDeliveries, type DeliveryRow } from '@ap/core/workflows/webhooks';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import {
  ZCreatedRule,
  ZCreateRuleInput,
  ZDelivery,
  ZDryRun,
  ZDryRunInput,
  ZGetWorkflowInput,
  ZListDeliveriesInput,
  ZListRulesInput,
  ZListRunsInput,
  ZRule,
  ZRuleIdInput,
  ZRun,
  ZUpdateRuleInput,
  ZUpdateWorkflowInput,
  ZWorkflow,
} from './workflows.schema.ts';

const tags = ['workflows'];

function toRuleOutput(r: RuleRow): z.input<typeof ZRule> {
  return {
    id: r.id,
    boardId: r.boardId,
    ownerId: r.ownerId,
    name: r.name,
    enabled: r.enabled,
    trigger: r.trigger as Record<string, unknown>,
    conditions: r.conditions as Record<string, unknown>[],
    actions: r.actions as Record<string, unknown>[],
    hasSecret: r.hasSecret,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const toWrittenOutput = (r: WrittenRule): z.input<typeof ZCreatedRule> => ({ ...toRuleOutput(r), secret: r.secret });

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toRunOutput(r: RunRow): z.input<typeof ZRun> {
  return {
    ...r,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  };
}

function toDeliveryOutput(d: DeliveryRow): z.input<typeof ZDelivery> {
  return { ...d, nextRetryAt: iso(d.nextRetryAt), createdAt: d.createdAt.toISOString() };
}

async function getHandler({ ctx, input }: AuthedArgs<typeof ZGetWorkflowInput>) {
  return getWorkflow(ctx.svc, input);
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateWorkflowInput>) {
  return updateWorkflow(ctx.svc, input);
}

async function listRulesHandler({ ctx, input }: AuthedArgs<typeof ZListRulesInput>) {
  const page = await listRules(ctx.svc, input);
  return { items: page.items.map(toRuleOutput), nextCursor: page.nextCursor };
}

async function createRuleHandler({ ctx, input }: AuthedArgs<typeof ZCreateRuleInput>) {
  return toWrittenOutput(await createRule(ctx.svc, input));
}

async function updateRuleHandler({ ctx, input }: AuthedArgs<typeof ZUpdateRuleInput>) {
  return toWrittenOutput(await updateRule(ctx.svc, input));
}

async function deleteRuleHandler({ ctx, input }: AuthedArgs<typeof ZRuleIdInput>) {
  await deleteRule(ctx.svc, input);
  return { ok: true as const };
}

async function dryRunHandler({ ctx, input }: AuthedArgs<typeof ZDryRunInput>) {
  return dryRun(ctx.svc, input);
}

async function runsHandler({ ctx, input }: AuthedArgs<typeof ZListRunsInput>) {
  const page = await listRuns(ctx.svc, input);
  return { items: page.items.map(toRunOutput), nextCursor: page.nextCursor };
}

async function deliveriesHandler({ ctx, input }: AuthedArgs<typeof ZListDeliveriesInput>) {
  const page = await listDeliveries(ctx.svc, input);
  return { items: page.items.map(toDeliveryOutput), nextCursor: page.nextCursor };
}

export const workflowsRouter = router({
  get: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/boards/{boardId}/workflow',
        tags,
        summary: "The board's statuses and transitions (VIEW; a default set from its columns when first asked)",
      },
    })
    .input(ZGetWorkflowInput)
    .output(ZWorkflow)
    .query(getHandler),

  update: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/boards/{boardId}/workflow',
        tags,
        summary: 'Replace the whole status and transition set (ADMIN); with transitions, moves they do not allow are FORBIDDEN',
      },
    })
    .input(ZUpdateWorkflowInput)
    .output(ZWorkflow)
    .mutation(updateHandler),

  listRules: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards/{boardId}/workflow/rules', tags, summary: "The board's rules (VIEW)" } })
    .input(ZListRulesInput)
    .output(paginated(ZRule))
    .query(listRulesHandler),

  createRule: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/boards/{boardId}/workflow/rules',
        tags,
        summary: 'Create a rule (ADMIN); it acts as you. A WEBHOOK rule returns its signing secret this once',
      },
    })
    .input(ZCreateRuleInput)
    .output(ZCreatedRule)
    .mutation(createRuleHandler),

  updateRule: authedProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/workflow-rules/{ruleId}',
        tags,
        summary: 'Change, enable or disable a rule (ADMIN on its board); it acts as you from then on',
      },
    })
    .input(ZUpdateRuleInput)
    .output(ZCreatedRule)
    .mutation(updateRuleHandler),

  deleteRule: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/workflow-rules/{ruleId}', tags, summary: 'Delete a rule (ADMIN on its board)' } })
    .input(ZRuleIdInput)
    .output(ZOk)
    .mutation(deleteRuleHandler),

  dryRun: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/workflow-rules/{ruleId}/dry-run',
        tags,
        summary: 'What the rule would do to one action point, taking no action (VIEW)',
      },
    })
    .input(ZDryRunInput)
    .output(ZDryRun)
    .mutation(dryRunHandler),

  runs: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/boards/{boardId}/workflow/runs',
        tags,
        summary: "The board's rule runs, newest first: trigger, actions, outcomes, status (VIEW)",
      },
    })
    .input(ZListRunsInput)
    .output(paginated(ZRun))
    .query(runsHandler),

  deliveries: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/workflow-rules/{ruleId}/deliveries',
        tags,
        summary: "A rule's outgoing webhook attempts, newest first: status code, attempt, next retry (VIEW)",
      },
    })
    .input(ZListDeliveriesInput)
    .output(paginated(ZDelivery))
    .query(deliveriesHandler),
});
