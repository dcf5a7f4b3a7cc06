import { router } from './trpc.ts';
import { usersRouter } from './routers/users/router.ts';
import { organizationsRouter } from './routers/organizations/router.ts';
import { notificationsRouter } from './routers/notifications/router.ts';
import { actionPointSharesRouter, boardPermissionsRouter, documentSharesRouter } from './routers/grants/router.ts';
import { blobStorageRouter } from './routers/blob-storage/router.ts';
import { documentsRouter } from './routers/documents/router.ts';
import { auditRouter } from './routers/audit/router.ts';
import { attachmentsRouter } from './routers/attachments/router.ts';
import { commentsRouter } from './routers/comments/router.ts';
import { tagsRouter } from './routers/tags/router.ts';
import { linksRouter } from './routers/links/router.ts';
import { boardsRouter } from './routers/boards/router.ts';
import { columnsRouter } from './routers/columns/router.ts';
import { actionPointsRouter } from './routers/action-points/router.ts';
import { embeddingsRouter } from './routers/embeddings/router.ts';
import { vectorDocumentsRouter } from './routers/vector-documents/router.ts';
import { botRouter } from './routers/bot/router.ts';
import { aiVisionRouter } from './routers/ai-vision/router.ts';
import { documentIntelligenceRouter } from './routers/document-intelligence/router.ts';
import { workflowsRouter } from './routers/workflows/router.ts';
import { aiRouter } from './routers/ai/router.ts';

// Keep routers eager (no lazy()): the OpenAPI generator walks them.
export const appRouter = router({
  users: usersRouter,
  organizations: organizationsRouter,
  notifications: notificationsRouter,
  boardPermissions: boardPermissionsRouter,
  actionPointShares: actionPointSharesRouter,
  comments: commentsRouter,
  tags: tagsRouter,
  links: linksRouter,
  boards: boardsRouter,
  columns: columnsRouter,
  actionPoints: actionPointsRouter,
  blobStorage: blobStorageRouter,
  documents: documentsRouter,
  documentShares: documentSharesRouter,
  audit: auditRouter,
  attachments: attachmentsRouter,
  embeddings: embeddingsRouter,
  vectorDocuments: vectorDocumentsRouter,
  bot: botRouter,
  aiVision: aiVisionRouter,
  documentIntelligence: documentIntelligenceRouter,
  workflows: workflowsRouter,
  ai: aiRouter,
});

export type AppRouter = typeof appRouter;
