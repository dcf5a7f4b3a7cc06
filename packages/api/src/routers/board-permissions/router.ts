import { z } from 'zod';
import {
  grantBoardPermission,
  listBoardPermissions,
  revokeBoardPermission,
  type BoardPermissionRow,
} from '@ap/core/access/board-permissions';
import { toPublicUser } from '@ap/core/identity/users';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router } from '../../trpc.ts';
import {
  ZBoardPermission,
  ZGrantBoardPermissionInput,
  ZListBoardPermissionsInput,
  ZRevokeBoardPermissionInput,
} from './board-permissions.schema.ts';

const tags = ['board-permissions'];

function toOutput(p: BoardPermissionRow): z.input<typeof ZBoardPermission> {
  return {
    id: p.id,
    boardId: p.boardId,
    userId: p.userId,
    user: toPublicUser(p.user),
    level: p.level,
    grantedById: p.grantedById,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const boardPermissionsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards/{boardId}/permissions', tags, summary: 'Who has been granted access to a board' } })
    .input(ZListBoardPermissionsInput)
    .output(paginated(ZBoardPermission))
    .query(async ({ ctx, input }) => {
      const page = await listBoardPermissions(ctx.svc, input);
      return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
    }),

  grant: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/boards/{boardId}/permissions/{userId}',
        tags,
        summary: "Grant or change a user's level on a board (ADMIN; never above your own level)",
      },
    })
    .input(ZGrantBoardPermissionInput)
    .output(ZBoardPermission)
    .mutation(async ({ ctx, input }) => toOutput(await grantBoardPermission(ctx.svc, input))),

  revoke: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/boards/{boardId}/permissions/{userId}', tags, summary: "Revoke a user's grant on a board (ADMIN)" } })
    .input(ZRevokeBoardPermissionInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await revokeBoardPermission(ctx.svc, input);
      return { ok: true as const };
    }),
});
