-- Workflows: per-board statuses mapped to columns and the transitions allowed
-- between them; rules run on events and schedules as their owner, each run logged
-- once per (rule, event); outgoing webhook attempts.
ALTER TYPE "NotificationType" ADD VALUE 'WORKFLOW';

CREATE TYPE "StatusCategory" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED');

CREATE TABLE "BoardWorkflow" (
    "boardId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "BoardWorkflow_pkey" PRIMARY KEY ("boardId")
);

CREATE TABLE "WorkflowStatus" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "boardId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "category" "StatusCategory" NOT NULL,
    "columnId" UUID,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkflowStatus_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WorkflowTransition" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "boardId" UUID NOT NULL,
    "fromStatusId" UUID NOT NULL,
    "toStatusId" UUID NOT NULL,
    "minLevel" "PermissionLevel" NOT NULL DEFAULT 'EDIT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkflowTransition_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WorkflowRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "boardId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "triggerType" TEXT NOT NULL,
    "trigger" JSONB NOT NULL,
    "conditions" JSONB NOT NULL DEFAULT '[]',
    "actions" JSONB NOT NULL,
    "secret" TEXT,
    "firedUntil" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WorkflowRule_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WorkflowRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ruleId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "eventKey" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WorkflowDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ruleId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER,
    "nextRetryAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkflowDelivery_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "WorkflowStatus_columnId_key" ON "WorkflowStatus"("columnId");
CREATE UNIQUE INDEX "WorkflowStatus_boardId_name_key" ON "WorkflowStatus"("boardId", "name");
CREATE UNIQUE INDEX "WorkflowTransition_fromStatusId_toStatusId_key" ON "WorkflowTransition"("fromStatusId", "toStatusId");
CREATE INDEX "WorkflowTransition_boardId_idx" ON "WorkflowTransition"("boardId");
CREATE INDEX "WorkflowTransition_toStatusId_idx" ON "WorkflowTransition"("toStatusId");
CREATE INDEX "WorkflowRule_boardId_triggerType_enabled_idx" ON "WorkflowRule"("boardId", "triggerType", "enabled");
CREATE INDEX "WorkflowRule_triggerType_enabled_idx" ON "WorkflowRule"("triggerType", "enabled");
CREATE INDEX "WorkflowRule_ownerId_idx" ON "WorkflowRule"("ownerId");
CREATE UNIQUE INDEX "WorkflowRun_ruleId_eventKey_key" ON "WorkflowRun"("ruleId", "eventKey");
CREATE INDEX "WorkflowRun_boardId_createdAt_id_idx" ON "WorkflowRun"("boardId", "createdAt", "id");
CREATE INDEX "WorkflowRun_ruleId_createdAt_idx" ON "WorkflowRun"("ruleId", "createdAt");
CREATE UNIQUE INDEX "WorkflowDelivery_messageId_attempt_key" ON "WorkflowDelivery"("messageId", "attempt");
CREATE INDEX "WorkflowDelivery_ruleId_createdAt_id_idx" ON "WorkflowDelivery"("ruleId", "createdAt", "id");
CREATE INDEX "WorkflowDelivery_runId_idx" ON "WorkflowDelivery"("runId");

ALTER TABLE "BoardWorkflow" ADD CONSTRAINT "BoardWorkflow_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowStatus" ADD CONSTRAINT "WorkflowStatus_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowStatus" ADD CONSTRAINT "WorkflowStatus_columnId_fkey" FOREIGN KEY ("columnId") REFERENCES "Column"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "WorkflowTransition" ADD CONSTRAINT "WorkflowTransition_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowTransition" ADD CONSTRAINT "WorkflowTransition_fromStatusId_fkey" FOREIGN KEY ("fromStatusId") REFERENCES "WorkflowStatus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowTransition" ADD CONSTRAINT "WorkflowTransition_toStatusId_fkey" FOREIGN KEY ("toStatusId") REFERENCES "WorkflowStatus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowRule" ADD CONSTRAINT "WorkflowRule_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowRule" ADD CONSTRAINT "WorkflowRule_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "WorkflowRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowDelivery" ADD CONSTRAINT "WorkflowDelivery_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "WorkflowRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowDelivery" ADD CONSTRAINT "WorkflowDelivery_runId_fkey" FOREIGN KEY ("runId") REFERENCES "WorkflowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
