import { z } from 'zod';
import { listAudit, type AuditRow } from '@ap/core/documents/audit';
import { paginated, ZId, ZIsoDate, ZPaginationInput } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';

export const ZAuditListInput = z.strictObject({ documentId: ZId, ...ZPaginationInput.shape });

export const ZAuditRow = z
  .object({
    id: z.string(),
    /** `document.created`, `.viewed`, `.downloaded`, `.retrieved`, `.updated`, `.reprocessed`, `.shared`, `.unshared`, `.deleted`. */
    action: z.string(),
    documentId: z.string(),
    /** The user the action was made for. */
    actorId: z.string().nullable(),
    /** Who acted for them: the user, a workflow rule or the bot (actorRef: the rule's or interaction's id). */
    actorType: z.enum(['USER', 'RULE', 'BOT']),
    actorRef: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    at: ZIsoDate,
  })
  .meta({ id: 'AuditRow' });

const toAuditOutput = (r: AuditRow): z.input<typeof ZAuditRow> => ({
  id: r.id.toString(),
  action: r.action,
  documentId: r.documentId,
  actorId: r.actorId,
  actorType: r.actorType,
  actorRef: r.actorRef,
  requestId: r.requestId,
  details: (r.details ?? {}) as Record<string, unknown>,
  at: r.at.toISOString(),
});

async function auditListHandler({ ctx, input }: AuthedArgs<typeof ZAuditListInput>) {
  const page = await listAudit(ctx.svc, input);
  return { items: page.items.map(toAuditOutput), nextCursor: page.nextCursor };
}

export const auditRouter = router({
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/documents/{documentId}/audit',
        tags: ['audit'],
        summary: 'What was done to a document, by whom, newest first (document ADMIN)',
      },
    })
    .input(ZAuditListInput)
    .output(paginated(ZAuditRow))
    .query(auditListHandler),
});
