-- Chunk vectors of any size (EMBEDDING_DIMENSIONS), with the size and model that made
-- each one; the HNSW (cosine) index covers vectors of 1536 dimensions (the default),
-- other sizes are searched exactly. Keyword search reads a generated tsvector
-- (english) through a GIN index.
ALTER TABLE "DocumentChunk" ALTER COLUMN "embedding" TYPE vector;
ALTER TABLE "DocumentChunk" ADD COLUMN "embeddingDimensions" INTEGER;
-- array_to_string is only STABLE; joining a text[] with a space does not depend on
-- any setting, so the wrapper is declared IMMUTABLE for the generated column.
CREATE FUNCTION "chunk_search_vector"(headings text[], body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(headings, ' '), '')), 'A')
      || to_tsvector('english'::regconfig, body)
$$;
ALTER TABLE "DocumentChunk" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS ("chunk_search_vector"("headings", "text")) STORED;

CREATE INDEX "DocumentChunk_embedding_1536_idx" ON "DocumentChunk"
  USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WHERE "embeddingDimensions" = 1536;
CREATE INDEX "DocumentChunk_searchVector_idx" ON "DocumentChunk" USING gin ("searchVector");
-- Reprocessing looks up a document's stored vectors by content hash. (The visibility
-- predicate's lookups have their indexes already: Document(ownerId, …),
-- DocumentPermission(userId, documentId), UserRole(userId, organizationId), and the
-- chunks of visible documents DocumentChunk(documentId, ordinal).)
CREATE INDEX "DocumentChunk_documentId_contentHash_idx" ON "DocumentChunk"("documentId", "contentHash");
