/**
 * Raw SQL of documents. `documentVisibleToSql` is the SQL form of core's
 * `documentVisibleTo` (access/rules.ts) — owner, a DocumentPermission, or a member
 * of the document's (not deleted) organization, and never a deleted document — for
 * statements that must filter by visibility inside themselves (search ranks only
 * what the caller may see). A test holds the two forms equal.
 */
import { Prisma, type DbTx } from './client.ts';

/**
 * The condition "the document aliased `alias` is visible to `userId`", for a WHERE
 * clause. `alias` is a fixed identifier of the calling statement, never input.
 */
export function documentVisibleToSql(userId: string, alias = 'd'): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`invalid alias ${alias}`);
  const d = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${d}."deletedAt" IS NULL AND (
      ${d}."ownerId" = ${userId}::uuid
      OR EXISTS (SELECT 1 FROM "DocumentPermission" dp WHERE dp."documentId" = ${d}."id" AND dp."userId" = ${userId}::uuid)
      OR EXISTS (SELECT 1 FROM "UserRole" ur JOIN "Organization" o ON o."id" = ur."organizationId"
                  WHERE ur."organizationId" = ${d}."organizationId" AND ur."userId" = ${userId}::uuid AND o."deletedAt" IS NULL)))`;
}

/** The ids among `ids` of documents visible to `userId` (by the SQL form of the rule). */
export async function visibleDocumentIds(db: DbTx, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT d."id"::text AS id FROM "Document" d
     WHERE d."id" = ANY(${ids}::uuid[]) AND ${documentVisibleToSql(userId)}
     ORDER BY d."id"`;
  return rows.map((r) => r.id);
}

/**
 * Marks an upload used, once: true for the one caller that found it pending, its
 * owner's and not past `notAfter`; concurrent callers wait on the row and get false.
 */
export async function claimUpload(tx: DbTx, uploadId: string, ownerId: string, notAfter: Date): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "Upload" SET "status" = 'USED', "usedAt" = now()
     WHERE "id" = ${uploadId}::uuid AND "ownerId" = ${ownerId}::uuid AND "status" = 'PENDING' AND "expiresAt" > ${notAfter}`;
  return n === 1;
}

/**
 * Marks unused uploads that expired before `before` as EXPIRED (no document can
 * claim them after this) and returns them with those already EXPIRED or REFUSED:
 * the sweep then deletes each blob, then its row.
 */
export async function expireUploads(db: DbTx, before: Date, limit: number): Promise<{ id: string; blobName: string }[]> {
  await db.$executeRaw`
    UPDATE "Upload" SET "status" = 'EXPIRED'
     WHERE "id" IN (SELECT "id" FROM "Upload" WHERE "status" = 'PENDING' AND "expiresAt" < ${before} ORDER BY "expiresAt" LIMIT ${limit})`;
  return db.$queryRaw<{ id: string; blobName: string }[]>`
    SELECT "id"::text AS id, "blobName" FROM "Upload"
     WHERE "status" IN ('EXPIRED', 'REFUSED') AND "expiresAt" < ${before}
     ORDER BY "expiresAt" LIMIT ${limit}`;
}

/** Deletes a document's chunks (and their vectors) in batches; returns how many went. */
export async function deleteDocumentChunks(db: DbTx, documentId: string, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "DocumentChunk" WHERE "id" IN (
        SELECT "id" FROM "DocumentChunk" WHERE "documentId" = ${documentId}::uuid LIMIT ${batch})`;
    total += n;
    if (n < batch) return total;
  }
}
