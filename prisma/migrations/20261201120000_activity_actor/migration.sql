-- Who acted for the user named by "actorId": the user themself, a workflow rule
-- (actorRef = rule id) or the bot (actorRef = bot interaction id).
CREATE TYPE "ActorType" AS ENUM ('USER', 'RULE', 'BOT');

ALTER TABLE "Activity"
  ADD COLUMN "actorType" "ActorType" NOT NULL DEFAULT 'USER',
  ADD COLUMN "actorRef" TEXT;
