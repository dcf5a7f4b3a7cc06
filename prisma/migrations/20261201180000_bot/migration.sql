-- The bot: interactions (one per bot.suggest) and the suggested action points they
-- hold, each with its provenance and, once decided, its status and action point.
CREATE TYPE "BotInteractionStatus" AS ENUM ('OPEN', 'REVIEWED');
CREATE TYPE "BotSourceType" AS ENUM ('TEXT', 'DOCUMENT');
CREATE TYPE "BotSuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

CREATE TABLE "BotInteraction" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "status" "BotInteractionStatus" NOT NULL DEFAULT 'OPEN',
    "sourceType" "BotSourceType" NOT NULL,
    "sourceText" TEXT,
    "documentId" UUID,
    "documentVersion" INTEGER,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "boardId" UUID,
    "model" TEXT NOT NULL,
    "embeddingModel" TEXT,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "totalTokens" INTEGER NOT NULL DEFAULT 0,
    "embeddingTokens" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "BotInteraction_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BotGeneratedActionPoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "interactionId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" TIMESTAMP(3),
    "assigneeId" UUID,
    "status" "BotSuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "actionPointId" UUID,
    "rejectReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "provenanceStart" INTEGER NOT NULL,
    "provenanceEnd" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "documentId" UUID,
    "chunkId" UUID,
    "pageStart" INTEGER,
    "possibleDuplicateOf" UUID,
    "duplicateScore" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "BotGeneratedActionPoint_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BotInteraction_userId_createdAt_id_idx" ON "BotInteraction"("userId", "createdAt", "id");
CREATE INDEX "BotInteraction_documentId_idx" ON "BotInteraction"("documentId");
CREATE INDEX "BotInteraction_boardId_idx" ON "BotInteraction"("boardId");
CREATE UNIQUE INDEX "BotGeneratedActionPoint_actionPointId_key" ON "BotGeneratedActionPoint"("actionPointId");
CREATE UNIQUE INDEX "BotGeneratedActionPoint_interactionId_ordinal_key" ON "BotGeneratedActionPoint"("interactionId", "ordinal");
CREATE INDEX "BotGeneratedActionPoint_assigneeId_idx" ON "BotGeneratedActionPoint"("assigneeId");
CREATE INDEX "BotGeneratedActionPoint_possibleDuplicateOf_idx" ON "BotGeneratedActionPoint"("possibleDuplicateOf");

ALTER TABLE "BotInteraction" ADD CONSTRAINT "BotInteraction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BotInteraction" ADD CONSTRAINT "BotInteraction_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BotInteraction" ADD CONSTRAINT "BotInteraction_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BotGeneratedActionPoint" ADD CONSTRAINT "BotGeneratedActionPoint_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "BotInteraction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BotGeneratedActionPoint" ADD CONSTRAINT "BotGeneratedActionPoint_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BotGeneratedActionPoint" ADD CONSTRAINT "BotGeneratedActionPoint_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BotGeneratedActionPoint" ADD CONSTRAINT "BotGeneratedActionPoint_possibleDuplicateOf_fkey" FOREIGN KEY ("possibleDuplicateOf") REFERENCES "ActionPoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
