import { z } from 'zod';
import { CATEGORIES } from '@ap/core/workflows/statuses';
import { ZRuleBody } from '@ap/core/workflows/rule-schema';
import { ZId, ZIsoDate, ZLevel, ZPaginationInput, ZText } from '../../schemas.ts';

export const ZCategory = z.enum(CATEGORIES).meta({ id: 'StatusCategory' });

export const ZWorkflow = z
  .object({
    boardId: z.string(),
    version: z.number().int(),
    statuses: z.array(z.object({ id: z.string(), name: z.string(), category: ZCategory, columnId: z.string().nullable() })),
    transitions: z.array(z.object({ fromStatusId: z.string(), toStatusId: z.string(), minLevel: ZLevel })),
  })
  .meta({ id: 'Workflow' });

export const ZGetWorkflowInput = z.strictObject({ boardId: ZId });

/** A status of a transition: its id, or (for a status new in this update) its name. */
const ZStatusRef = ZText.trim().min(1).max(100);

export const ZUpdateWorkflowInput = z.strictObject({
  boardId: ZId,
  statuses: z
    .array(
      z.strictObject({
        /** An existing status of this board (kept under its id); omitted: a new status. */
        id: ZId.optional(),
        name: ZText.trim().min(1).max(100),
        category: ZCategory,
        columnId: ZId.nullable().optional(),
      }),
    )
    .max(50),
  transitions: z
    .array(z.strictObject({ fromStatusId: ZStatusRef, toStatusId: ZStatusRef, minLevel: ZLevel.optional() }))
    .max(500)
    .default([]),
});

export const ZRule = z
  .object({
    id: z.string(),
    boardId: z.string(),
    ownerId: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    trigger: z.record(z.string(), z.unknown()),
    conditions: z.array(z.record(z.string(), z.unknown())),
    actions: z.array(z.record(z.string(), z.unknown())),
    /** Whether its WEBHOOK actions sign with a secret of its own. */
    hasSecret: z.boolean(),
    version: z.number().int(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'WorkflowRule' });

/** The rule as created: with its webhook secret, shown this once. */
export const ZCreatedRule = ZRule.extend({ secret: z.string().nullable() }).meta({ id: 'CreatedWorkflowRule' });

export const ZListRulesInput = z.strictObject({ boardId: ZId, ...ZPaginationInput.shape });

export const ZCreateRuleInput = z.strictObject({ boardId: ZId, ...ZRuleBody });

export const ZUpdateRuleInput = z.strictObject({
  ruleId: ZId,
  name: ZRuleBody.name.optional(),
  trigger: ZRuleBody.trigger.optional(),
  conditions: z.array(ZRuleBody.conditions.unwrap().element).max(20).optional(),
  actions: ZRuleBody.actions.optional(),
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
});

export const ZRuleIdInput = z.strictObject({ ruleId: ZId });

export const ZDryRunInput = z.strictObject({ ruleId: ZId, actionPointId: ZId.optional() });

export const ZDryRun = z
  .object({
    ruleId: z.string(),
    actionPointId: z.string().nullable(),
    conditionsMet: z.boolean(),
    conditions: z.array(z.object({ condition: z.record(z.string(), z.unknown()), met: z.boolean() })),
    actions: z.array(z.object({ type: z.string(), would: z.string(), allowed: z.boolean(), reason: z.string().nullable() })),
  })
  .meta({ id: 'WorkflowDryRun' });

export const ZListRunsInput = z.strictObject({ boardId: ZId, ruleId: ZId.optional(), ...ZPaginationInput.shape });

export const ZRun = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    ruleName: z.string(),
    event: z.record(z.string(), z.unknown()),
    depth: z.number().int(),
    status: z.string(),
    reason: z.string().nullable(),
    actions: z.array(z.record(z.string(), z.unknown())),
    attempts: z.number().int(),
    createdAt: ZIsoDate,
    startedAt: ZIsoDate.nullable(),
    finishedAt: ZIsoDate.nullable(),
    durationMs: z.number().int().nullable(),
  })
  .meta({ id: 'WorkflowRun' });

export const ZListDeliveriesInput = z.strictObject({ ruleId: ZId, ...ZPaginationInput.shape });

export const ZDelivery = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    runId: z.string(),
    messageId: z.string(),
    url: z.string(),
    attempt: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    nextRetryAt: ZIsoDate.nullable(),
    createdAt: ZIsoDate,
  })
  .meta({ id: 'WorkflowDelivery' });
