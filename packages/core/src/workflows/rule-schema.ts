/**
 * The shape of a rule: its trigger, conditions and actions, one strict object per
 * type (unknown fields refused). The API validates inputs with these; the engine
 * reads stored rules with them.
 */
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { isWellFormedText } from '../shared/text.ts';

const Text = z.string().refine(isWellFormedText, { message: 'must be well-formed text', abort: true });
const Id = z.uuid({ message: 'must be a UUID' }).overwrite((s) => s.toLowerCase());
const Name = Text.trim().min(1).max(200);

export const TRIGGER_TYPES = [
  'ACTION_POINT_CREATED',
  'MOVED',
  'UPDATED',
  'COMMENTED',
  'TAGGED',
  'DUE_SOON',
  'OVERDUE',
  'IDLE',
  'SCHEDULE',
  'DOCUMENT_READY',
  'SUGGESTION_ACCEPTED',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** Fields an UPDATED trigger may name. */
export const UPDATABLE_FIELDS = ['title', 'description', 'dueDate', 'assigneeId', 'completedAt'] as const;

/** A five-field cron expression (minute hour day month weekday). */
const Cron = Text.trim()
  .max(100)
  .regex(/^\S+(\s+\S+){4}$/, { message: 'must be a cron expression of five fields (minute hour day month weekday)' })
  .refine(
    (cron) => {
      try {
        CronExpressionParser.parse(cron);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid cron expression' },
  );

const Timezone = Text.trim()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone, e.g. Europe/Berlin' },
  );

export const ZTrigger = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ACTION_POINT_CREATED') }),
    z.strictObject({ type: z.literal('MOVED'), toColumnId: Id.optional(), toStatusId: Id.optional() }),
    z.strictObject({ type: z.literal('UPDATED'), fields: z.array(z.enum(UPDATABLE_FIELDS)).max(UPDATABLE_FIELDS.length).optional() }),
    z.strictObject({ type: z.literal('COMMENTED') }),
    z.strictObject({ type: z.literal('TAGGED'), tagId: Id.optional() }),
    z.strictObject({
      type: z.literal('DUE_SOON'),
      withinHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30),
    }),
    z.strictObject({ type: z.literal('OVERDUE') }),
    z.strictObject({ type: z.literal('IDLE'), days: z.number().int().min(1).max(365) }),
    z.strictObject({ type: z.literal('SCHEDULE'), cron: Cron, timezone: Timezone.default('UTC') }),
    z.strictObject({ type: z.literal('DOCUMENT_READY') }),
    z.strictObject({ type: z.literal('SUGGESTION_ACCEPTED') }),
  ])
  .meta({ id: 'WorkflowTrigger' });
export type Trigger = z.output<typeof ZTrigger>;

export const ZCondition = z
  .discriminatedUnion('field', [
    z.strictObject({ field: z.literal('tagIds'), op: z.literal('includes'), value: Id }),
    z
      .strictObject({ field: z.literal('assigneeId'), op: z.enum(['is', 'isEmpty']), value: Id.optional() })
      .refine((c) => (c.op === 'is') === (c.value !== undefined), {
        message: 'is required with op "is" and not allowed with op "isEmpty"',
        path: ['value'],
      }),
    z.strictObject({ field: z.literal('dueDate'), op: z.literal('before'), value: z.iso.datetime({ offset: true }) }),
    z.strictObject({ field: z.literal('title'), op: z.literal('contains'), value: Text.min(1).max(200) }),
    z.strictObject({ field: z.literal('statusId'), op: z.literal('is'), value: Id }),
  ])
  .meta({ id: 'WorkflowCondition' });
export type Condition = z.output<typeof ZCondition>;

const HttpsOrHttpUrl = Text.max(2000).refine(
  (u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL without credentials' },
);

export const ZAction = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('MOVE'), columnId: Id }),
    z.strictObject({ type: z.literal('ASSIGN'), assigneeId: Id }),
    z.strictObject({ type: z.literal('SET_DUE'), inDays: z.number().int().min(0).max(3650) }),
    z.strictObject({ type: z.literal('TAG'), tagId: Id }),
    z.strictObject({ type: z.literal('UNTAG'), tagId: Id }),
    z.strictObject({ type: z.literal('COMMENT'), body: Text.trim().min(1).max(10_000) }),
    z.strictObject({ type: z.literal('NOTIFY'), userIds: z.array(Id).min(1).max(50) }),
    z.strictObject({ type: z.literal('ADD_TO_BOARD'), boardId: Id, columnId: Id }),
    z.strictObject({ type: z.literal('CREATE_ACTION_POINT'), title: Text.trim().min(1).max(500), columnId: Id }),
    z.strictObject({ type: z.literal('WEBHOOK'), url: HttpsOrHttpUrl }),
  ])
  .meta({ id: 'WorkflowAction' });
export type Action = z.output<typeof ZAction>;

export const MAX_CONDITIONS = 20;
export const MAX_ACTIONS = 20;

export const ZRuleBody = {
  name: Name,
  trigger: ZTrigger,
  conditions: z.array(ZCondition).max(MAX_CONDITIONS).default([]),
  actions: z.array(ZAction).min(1).max(MAX_ACTIONS),
  enabled: z.boolean({ error: 'must be true or false' }).default(true),
};

/** A stored rule's parts, read back (they were validated when written). */
export function parseStoredRule(rule: { trigger: unknown; conditions: unknown; actions: unknown }): {
  trigger: Trigger;
  conditions: Condition[];
  actions: Action[];
} {
  return {
    trigger: ZTrigger.parse(rule.trigger),
    conditions: z.array(ZCondition).parse(rule.conditions),
    actions: z.array(ZAction).parse(rule.actions),
  };
}
