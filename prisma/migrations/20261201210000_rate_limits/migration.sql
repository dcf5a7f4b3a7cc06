-- The API requests of one caller (`user:<id>`, or `ip:<address>` without a token)
-- in the current one-minute window (RATE_LIMIT_PER_MINUTE), counted by one UPSERT
-- so that every process shares the limit.
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimitWindow_windowStart_idx" ON "RateLimitWindow"("windowStart");
