import { z } from 'zod';
import { listBoardActivity, type ActivityRow } from '@ap/core/boards/activity';
import { toPublicUser } from '@ap/core/identity/users';
import { paginated, ZId, ZIsoDate, ZPaginationInput, ZPublicUser } from '../../schemas.ts';
import { authedProcedure, type AuthedArgs } from '../../trpc.ts';

export const ZActivity = z
  .object({
    id: z.string(),
    boardId: z.string().nullable(),
    actionPointId: z.string().nullable(),
    actorId: z.string().nullable(),
    actor: ZPublicUser.nullable(),
    /** Who acted for `actor`: the user themself, a workflow rule or the bot (with the rule's or interaction's id). */
    actedBy: z.object({ type: z.enum(['USER', 'RULE', 'BOT']), id: z.string().nullable() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    changes: z.record(z.string(), z.unknown()),
    createdAt: ZIsoDate,
  })
  .meta({ id: 'Activity' });

export const ZBoardActivityInput = z.strictObject({ boardId: ZId, ...ZPaginationInput.shape });

function toOutput(a: ActivityRow): z.input<typeof ZActivity> {
  const changes = a.changes && typeof a.changes === 'object' && !Array.isArray(a.changes) ? a.changes : {};
  return {
    id: a.id.toString(),
    boardId: a.boardId,
    actionPointId: a.actionPointId,
    actorId: a.actorId,
    actor: a.actor ? toPublicUser(a.actor) : null,
    actedBy: { type: a.actorType, id: a.actorRef },
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    changes: changes as Record<string, unknown>,
    createdAt: a.createdAt.toISOString(),
  };
}

async function boardActivityHandler({ ctx, input }: AuthedArgs<typeof ZBoardActivityInput>) {
  const page = await listBoardActivity(ctx.svc, input);
  return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
}

/** boards.activity: who changed what on a board, newest first. */
export const boardActivityProcedure = authedProcedure
  .meta({
    openapi: { method: 'GET', path: '/boards/{boardId}/activity', tags: ['boards'], summary: 'Who changed what on a board, newest first' },
  })
  .input(ZBoardActivityInput)
  .output(paginated(ZActivity))
  .query(boardActivityHandler);
