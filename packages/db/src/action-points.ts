/**
 * Raw SQL of action-point visibility: the SQL form of core's `boardVisibleTo` and
 * `actionPointVisibleTo` (access/rules.ts), for statements that must filter by
 * visibility inside themselves (the similarity search ranks only what the caller may
 * see). Each is a SELECT of ids whose every branch is driven by an index:
 * - boards: the user owns it, holds a BoardPermission on it, or is an admin of its
 *   (not deleted) organization;
 * - action points: the user owns it, holds an ActionPointShare of it, or it is on a
 *   board the user can see.
 * A test holds them equal to the TypeScript rules over every combination.
 */
import { Prisma, type DbTx } from './client.ts';

/** `SELECT "id"` of the boards `userId` can see. */
export function boardsVisibleToSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT b."id" FROM "Board" b WHERE b."ownerId" = ${userId}::uuid
    UNION ALL
    SELECT bp."boardId" FROM "BoardPermission" bp WHERE bp."userId" = ${userId}::uuid
    UNION ALL
    SELECT b."id" FROM "UserRole" ur
      JOIN "Role" r ON r."id" = ur."roleId" AND r."isAdmin"
      JOIN "Organization" o ON o."id" = ur."organizationId" AND o."deletedAt" IS NULL
      JOIN "Board" b ON b."organizationId" = ur."organizationId"
     WHERE ur."userId" = ${userId}::uuid`;
}

/** `SELECT "id"` of the action points `userId` can see (an id may come more than once). */
export function actionPointsVisibleToSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT ap."id" FROM "ActionPoint" ap WHERE ap."ownerId" = ${userId}::uuid
    UNION ALL
    SELECT s."actionPointId" FROM "ActionPointShare" s WHERE s."userId" = ${userId}::uuid
    UNION ALL
    SELECT x."actionPointId" FROM "ActionPointBoardAssociation" x WHERE x."boardId" IN (${boardsVisibleToSql(userId)})`;
}

/** The ids among `ids` of action points visible to `userId` (by the SQL form of the rule). */
export async function visibleActionPointIds(db: DbTx, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT v."id"::text AS id FROM (${actionPointsVisibleToSql(userId)}) v
     WHERE v."id" = ANY(${ids}::uuid[])
     ORDER BY id`;
  return rows.map((r) => r.id);
}

/** The ids among `ids` of boards visible to `userId` (by the SQL form of the rule). */
export async function visibleBoardIds(db: DbTx, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT v."id"::text AS id FROM (${boardsVisibleToSql(userId)}) v
     WHERE v."id" = ANY(${ids}::uuid[])
     ORDER BY id`;
  return rows.map((r) => r.id);
}
