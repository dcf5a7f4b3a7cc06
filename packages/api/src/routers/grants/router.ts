// Board permissions, action-point shares and document shares: three uses of the grants module.
import { actionPointGrants, boardGrants, documentGrants } from '@ap/core/access/grants';
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

const document = grantProcedures({
  kind: documentGrants,
  resource: 'documentId',
  grantor: 'grantedById',
  schemaId: 'DocumentPermission',
  path: '/documents/{documentId}/permissions',
  tags: ['document-shares'],
  summaries: {
    list: 'Who a document is shared with (VIEW)',
    grant: 'Share a document with a user, or change their level (ADMIN; never above your own level; audited)',
    revoke: 'Stop sharing a document with a user (ADMIN; audited)',
  },
});

export const boardPermissionsRouter = router({ list: board.list, grant: board.grant, revoke: board.revoke });
export const actionPointSharesRouter = router({ list: actionPoint.list, share: actionPoint.grant, unshare: actionPoint.revoke });
export const documentSharesRouter = router({ list: document.list, grant: document.grant, revoke: document.revoke });
