import { z } from 'zod';
import {
  listActionPointShares,
  shareActionPoint,
  unshareActionPoint,
  type ActionPointShareRow,
} from '@ap/core/access/action-point-shares';
import { toPublicUser } from '@ap/core/identity/users';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router } from '../../trpc.ts';
import {
  ZActionPointShare,
  ZListActionPointSharesInput,
  ZShareActionPointInput,
  ZUnshareActionPointInput,
} from './action-point-shares.schema.ts';

const tags = ['action-point-shares'];

function toOutput(s: ActionPointShareRow): z.input<typeof ZActionPointShare> {
  return {
    id: s.id,
    actionPointId: s.actionPointId,
    userId: s.userId,
    user: toPublicUser(s.user),
    level: s.level,
    sharedById: s.sharedById,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const actionPointSharesRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/action-points/{actionPointId}/shares', tags, summary: 'Users an action point is shared with directly' } })
    .input(ZListActionPointSharesInput)
    .output(paginated(ZActionPointShare))
    .query(async ({ ctx, input }) => {
      const page = await listActionPointShares(ctx.svc, input);
      return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
    }),

  share: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/action-points/{actionPointId}/shares/{userId}',
        tags,
        summary: 'Share one action point with a user, or change their level (ADMIN on it)',
      },
    })
    .input(ZShareActionPointInput)
    .output(ZActionPointShare)
    .mutation(async ({ ctx, input }) => toOutput(await shareActionPoint(ctx.svc, input))),

  unshare: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/action-points/{actionPointId}/shares/{userId}', tags, summary: 'Stop sharing an action point with a user (ADMIN on it)' } })
    .input(ZUnshareActionPointInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await unshareActionPoint(ctx.svc, input);
      return { ok: true as const };
    }),
});
