-- AI usage and the per-user AI limits, shared by every process through these rows:
-- - "AiRequestWindow": one row per user, the AI requests made in the current
--   one-minute window (AI_REQUESTS_PER_MINUTE), counted by one UPSERT … RETURNING;
-- - "AiUsageDay": the tokens a user's AI calls used per UTC day (AI_DAILY_TOKEN_BUDGET);
-- - "AiUsage": one row per AI service call made for a user (service, model, tokens).
CREATE TABLE "AiRequestWindow" (
    "userId" UUID NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "AiRequestWindow_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "AiUsageDay" (
    "userId" UUID NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "tokens" INTEGER NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AiUsageDay_pkey" PRIMARY KEY ("userId", "day")
);

CREATE TABLE "AiUsage" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "procedure" TEXT,
    "requestId" TEXT,
    "outcome" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "totalTokens" INTEGER NOT NULL DEFAULT 0,
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AiUsage_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AiUsage_userId_at_idx" ON "AiUsage"("userId", "at");

ALTER TABLE "AiRequestWindow" ADD CONSTRAINT "AiRequestWindow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AiUsageDay" ADD CONSTRAINT "AiUsageDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AiUsage" ADD CONSTRAINT "AiUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
