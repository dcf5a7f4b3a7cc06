-- Action points embedded for similarity (embeddings.similarActionPoints): one vector per
-- action point, of its title and description, written by the job actionPoint.embed.
-- Each row names the model and size that made it (vectors of two models are never
-- compared), the hash of the text (unchanged text with the same model is not embedded
-- again) and the action point's version the text was read at (an older run never
-- overwrites a newer vector). Vectors of any size (EMBEDDING_DIMENSIONS); the HNSW
-- (cosine) index covers vectors of 1536 dimensions (the default), other sizes are
-- searched exactly.
CREATE TABLE "ActionPointEmbedding" (
    "actionPointId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "embedding" vector NOT NULL,
    "model" TEXT NOT NULL,
    "dimensions" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ActionPointEmbedding_pkey" PRIMARY KEY ("actionPointId")
);

-- The sweep looks for action points without a vector of the active model and size.
CREATE INDEX "ActionPointEmbedding_model_dimensions_idx" ON "ActionPointEmbedding"("model", "dimensions");
CREATE INDEX "ActionPointEmbedding_embedding_1536_idx" ON "ActionPointEmbedding"
  USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WHERE "dimensions" = 1536;

ALTER TABLE "ActionPointEmbedding" ADD CONSTRAINT "ActionPointEmbedding_actionPointId_fkey" FOREIGN KEY ("actionPointId") REFERENCES "ActionPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
