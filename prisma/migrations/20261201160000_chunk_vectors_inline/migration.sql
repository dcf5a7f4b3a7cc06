-- A chunk's vector is kept in its row (storage MAIN) rather than out of line: an exact
-- search over the chunks a caller can see reads one heap page per chunk instead of
-- several TOAST pages. A vector too large for a page (over about 2,000 dimensions)
-- still goes out of line. Applies to rows written from now on.
ALTER TABLE "DocumentChunk" ALTER COLUMN "embedding" SET STORAGE MAIN;
