-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateEnum
CREATE TYPE "PermissionLevel" AS ENUM ('VIEW', 'COMMENT', 'EDIT', 'ADMIN');
CREATE TYPE "LinkType" AS ENUM ('RELATES', 'BLOCKS', 'DUPLICATES');
CREATE TYPE "NotificationType" AS ENUM ('BOARD_GRANTED', 'ACTION_POINT_SHARED', 'ASSIGNED', 'MENTIONED', 'COMMENTED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clerkId" TEXT NOT NULL,
    "email" TEXT,
    "displayName" TEXT,
    "imageUrl" TEXT,
    "clerkUpdatedAt" TIMESTAMP(3),
    "provisionedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clerkId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT,
    "imageUrl" TEXT,
    "clerkUpdatedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Role" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "UserRole" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "roleId" UUID NOT NULL,
    "clerkUpdatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Board" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "ownerId" UUID NOT NULL,
    "organizationId" UUID,
    "isPersonal" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Board_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Column" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "boardId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "rank" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Column_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ActionPoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "ownerId" UUID NOT NULL,
    "assigneeId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ActionPoint_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ActionPointBoardAssociation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actionPointId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "columnId" UUID NOT NULL,
    "rank" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ActionPointBoardAssociation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BoardPermission" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "boardId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "level" "PermissionLevel" NOT NULL,
    "grantedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "BoardPermission_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ActionPointShare" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actionPointId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "level" "PermissionLevel" NOT NULL,
    "sharedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ActionPointShare_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actionPointId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" UUID[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actionPointId" UUID NOT NULL,
    "uploaderId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Tag" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "boardId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BoardTag" (
    "boardId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardTag_pkey" PRIMARY KEY ("boardId","tagId")
);

CREATE TABLE "ActionPointTag" (
    "actionPointId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActionPointTag_pkey" PRIMARY KEY ("actionPointId","tagId")
);

CREATE TABLE "LinkedActionPoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sourceId" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "type" "LinkType" NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkedActionPoint_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LinkedActionPoint_not_self" CHECK ("sourceId" <> "targetId")
);

CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "type" "NotificationType" NOT NULL,
    "actorId" UUID,
    "boardId" UUID,
    "actionPointId" UUID,
    "commentId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Activity" (
    "id" BIGSERIAL NOT NULL,
    "boardId" UUID,
    "actionPointId" UUID,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Embedding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ownerId" UUID NOT NULL,
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "embedding" vector(1536) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Embedding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_clerkId_key" ON "User"("clerkId");
CREATE INDEX "User_email_idx" ON "User"("email");
CREATE UNIQUE INDEX "Organization_clerkId_key" ON "Organization"("clerkId");
CREATE UNIQUE INDEX "Role_key_key" ON "Role"("key");
CREATE UNIQUE INDEX "UserRole_userId_organizationId_key" ON "UserRole"("userId", "organizationId");
CREATE INDEX "UserRole_organizationId_userId_idx" ON "UserRole"("organizationId", "userId");
CREATE INDEX "UserRole_roleId_idx" ON "UserRole"("roleId");
CREATE INDEX "Board_ownerId_id_idx" ON "Board"("ownerId", "id");
CREATE INDEX "Board_organizationId_id_idx" ON "Board"("organizationId", "id");
CREATE UNIQUE INDEX "Column_boardId_rank_key" ON "Column"("boardId", "rank");
CREATE UNIQUE INDEX "Column_id_boardId_key" ON "Column"("id", "boardId");
CREATE INDEX "ActionPoint_ownerId_id_idx" ON "ActionPoint"("ownerId", "id");
CREATE INDEX "ActionPoint_assigneeId_id_idx" ON "ActionPoint"("assigneeId", "id");
CREATE UNIQUE INDEX "ActionPointBoardAssociation_actionPointId_boardId_key" ON "ActionPointBoardAssociation"("actionPointId", "boardId");
CREATE UNIQUE INDEX "ActionPointBoardAssociation_columnId_rank_key" ON "ActionPointBoardAssociation"("columnId", "rank");
CREATE INDEX "ActionPointBoardAssociation_boardId_actionPointId_idx" ON "ActionPointBoardAssociation"("boardId", "actionPointId");
CREATE INDEX "ActionPointBoardAssociation_columnId_boardId_idx" ON "ActionPointBoardAssociation"("columnId", "boardId");
CREATE UNIQUE INDEX "BoardPermission_boardId_userId_key" ON "BoardPermission"("boardId", "userId");
CREATE INDEX "BoardPermission_userId_boardId_idx" ON "BoardPermission"("userId", "boardId");
CREATE INDEX "BoardPermission_grantedById_idx" ON "BoardPermission"("grantedById");
CREATE UNIQUE INDEX "ActionPointShare_actionPointId_userId_key" ON "ActionPointShare"("actionPointId", "userId");
CREATE INDEX "ActionPointShare_userId_actionPointId_idx" ON "ActionPointShare"("userId", "actionPointId");
CREATE INDEX "ActionPointShare_sharedById_idx" ON "ActionPointShare"("sharedById");
CREATE INDEX "Comment_actionPointId_createdAt_id_idx" ON "Comment"("actionPointId", "createdAt", "id");
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");
CREATE INDEX "Attachment_actionPointId_createdAt_id_idx" ON "Attachment"("actionPointId", "createdAt", "id");
CREATE INDEX "Attachment_uploaderId_idx" ON "Attachment"("uploaderId");
CREATE UNIQUE INDEX "Tag_boardId_name_key" ON "Tag"("boardId", "name");
CREATE INDEX "BoardTag_tagId_idx" ON "BoardTag"("tagId");
CREATE INDEX "ActionPointTag_boardId_tagId_idx" ON "ActionPointTag"("boardId", "tagId");
CREATE INDEX "ActionPointTag_tagId_idx" ON "ActionPointTag"("tagId");
CREATE UNIQUE INDEX "LinkedActionPoint_sourceId_targetId_type_key" ON "LinkedActionPoint"("sourceId", "targetId", "type");
CREATE INDEX "LinkedActionPoint_targetId_idx" ON "LinkedActionPoint"("targetId");
CREATE INDEX "LinkedActionPoint_createdById_idx" ON "LinkedActionPoint"("createdById");
CREATE UNIQUE INDEX "Notification_seq_key" ON "Notification"("seq");
CREATE INDEX "Notification_userId_seq_idx" ON "Notification"("userId", "seq");
CREATE INDEX "Notification_actorId_idx" ON "Notification"("actorId");
CREATE INDEX "Notification_boardId_idx" ON "Notification"("boardId");
CREATE INDEX "Notification_actionPointId_idx" ON "Notification"("actionPointId");
CREATE INDEX "Activity_boardId_id_idx" ON "Activity"("boardId", "id");
CREATE INDEX "Activity_actionPointId_id_idx" ON "Activity"("actionPointId", "id");
CREATE INDEX "Activity_actorId_idx" ON "Activity"("actorId");
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");
CREATE UNIQUE INDEX "Embedding_sourceType_sourceId_key" ON "Embedding"("sourceType", "sourceId");
CREATE INDEX "Embedding_ownerId_idx" ON "Embedding"("ownerId");
-- Not expressible in schema.prisma: approximate nearest neighbour by cosine distance.
CREATE INDEX "Embedding_embedding_hnsw_idx" ON "Embedding" USING hnsw ("embedding" vector_cosine_ops);

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Board" ADD CONSTRAINT "Board_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Board" ADD CONSTRAINT "Board_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Column" ADD CONSTRAINT "Column_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPoint" ADD CONSTRAINT "ActionPoint_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPoint" ADD CONSTRAINT "ActionPoint_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ActionPointBoardAssociation" ADD CONSTRAINT "ActionPointBoardAssociation_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointBoardAssociation" ADD CONSTRAINT "ActionPointBoardAssociation_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointBoardAssociation" ADD CONSTRAINT "ActionPointBoardAssociation_columnId_boardId_fkey" FOREIGN KEY ("columnId", "boardId") REFERENCES "Column"("id", "boardId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BoardPermission" ADD CONSTRAINT "BoardPermission_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardPermission" ADD CONSTRAINT "BoardPermission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardPermission" ADD CONSTRAINT "BoardPermission_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ActionPointShare" ADD CONSTRAINT "ActionPointShare_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointShare" ADD CONSTRAINT "ActionPointShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointShare" ADD CONSTRAINT "ActionPointShare_sharedById_fkey" FOREIGN KEY ("sharedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardTag" ADD CONSTRAINT "BoardTag_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BoardTag" ADD CONSTRAINT "BoardTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointTag" ADD CONSTRAINT "ActionPointTag_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointTag" ADD CONSTRAINT "ActionPointTag_boardId_tagId_fkey" FOREIGN KEY ("boardId", "tagId") REFERENCES "BoardTag"("boardId", "tagId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionPointTag" ADD CONSTRAINT "ActionPointTag_actionPointId_boardId_fkey" FOREIGN KEY ("actionPointId", "boardId") REFERENCES "ActionPointBoardAssociation"("actionPointId", "boardId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LinkedActionPoint" ADD CONSTRAINT "LinkedActionPoint_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LinkedActionPoint" ADD CONSTRAINT "LinkedActionPoint_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LinkedActionPoint" ADD CONSTRAINT "LinkedActionPoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Embedding" ADD CONSTRAINT "Embedding_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
