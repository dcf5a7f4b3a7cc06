// Board permissions and action-point shares: two uses of the grants module.
import { actionPointGrants, boardGrants } from '@ap/core/access/grants';
import { router } from '../../trpc.ts';
import { grantProcedures } from './procedures.ts';

const board = grantProcedures({
  kind: boardGrants,
  resource: 'boardId',
  grantor: 'grantedById',
  schemaId: 'BoardPermission',
  path: '/boards/{boardId}/permissions',
  tags: ['board-permissions'],
  summaries: {
    list: 'Who has been granted access to a board',
    grant: "Grant or change a user's level on a board (ADMIN; never above your own level)",
    revoke: "Revoke a user's grant on a board (ADMIN)",
  },
});

const actionPoint = grantProcedures({
  kind: actionPointGrants,
  resource: 'actionPointId',
  grantor: 'sharedById',
  schemaId: 'ActionPointShare',
  path: '/action-points/{actionPointId}/shares',
  tags: ['action-point-shares'],
  summaries: {
    list: 'Users an action point is shared with directly',
    grant: 'Share one action point with a user, or change their level (ADMIN on it)',
    revoke: 'Stop sharing an action point with a user (ADMIN on it)',
  },
});

export const boardPermissionsRouter = router({ list: board.list, grant: board.grant, revoke: board.revoke });
export const actionPointSharesRouter = router({ list: actionPoint.list, share: actionPoint.grant, unshare: actionPoint.revoke });
