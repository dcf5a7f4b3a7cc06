/**
 * Tables of "a user has a level on a resource" (board permissions, action-point
 * shares, document permissions): one row shape, one set of statements. Table and column names come from
 * the fixed map below, never from input.
 */
import { Prisma, type DbTx, type PermissionLevel } from './client.ts';

export const GRANT_TABLES = {
  board: { table: 'BoardPermission', resource: 'boardId', grantor: 'grantedById' },
  actionPoint: { table: 'ActionPointShare', resource: 'actionPointId', grantor: 'sharedById' },
  document: { table: 'DocumentPermission', resource: 'documentId', grantor: 'grantedById' },
} as const;

export type GrantTable = keyof typeof GRANT_TABLES;

export interface GrantRow {
  id: string;
  resourceId: string;
  userId: string;
  level: PermissionLevel;
  grantedById: string | null;
  createdAt: Date;
  updatedAt: Date;
  user: { id: string; email: string | null; displayName: string | null; imageUrl: string | null };
}

function names(kind: GrantTable) {
  const t = GRANT_TABLES[kind];
  return { table: Prisma.raw(`"${t.table}"`), resource: Prisma.raw(`"${t.resource}"`), grantor: Prisma.raw(`"${t.grantor}"`) };
}

type Flat = Omit<GrantRow, 'user'> & { email: string | null; displayName: string | null; imageUrl: string | null };

const toRow = ({ email, displayName, imageUrl, ...g }: Flat): GrantRow => ({
  ...g,
  user: { id: g.userId, email, displayName, imageUrl },
});

function selectRows(kind: GrantTable, where: Prisma.Sql, limit: number): Prisma.Sql {
  const n = names(kind);
  return Prisma.sql`
    SELECT g."id"::text AS id, g.${n.resource}::text AS "resourceId", g."userId"::text AS "userId", g."level"::text AS level,
           g.${n.grantor}::text AS "grantedById", g."createdAt", g."updatedAt",
           u."email", u."displayName", u."imageUrl"
      FROM ${n.table} g JOIN "User" u ON u."id" = g."userId"
     WHERE ${where}
     ORDER BY g."userId" LIMIT ${limit}`;
}

/**
 * Serializes changes to one user's grant on one resource until the transaction
 * ends, so concurrent identical grants, and a grant racing a revoke, take turns.
 */
export async function lockGrant(tx: DbTx, kind: GrantTable, resourceId: string, userId: string): Promise<void> {
  const key = `grant:${kind}:${resourceId}:${userId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

export async function findGrant(tx: DbTx, kind: GrantTable, resourceId: string, userId: string): Promise<GrantRow | null> {
  const n = names(kind);
  const rows = await tx.$queryRaw<Flat[]>(
    selectRows(kind, Prisma.sql`g.${n.resource} = ${resourceId}::uuid AND g."userId" = ${userId}::uuid`, 1),
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Grants on a resource by user id, after `afterUserId` (keyset). */
export async function listGrants(
  tx: DbTx,
  kind: GrantTable,
  resourceId: string,
  afterUserId: string | null,
  limit: number,
): Promise<GrantRow[]> {
  const n = names(kind);
  const after = afterUserId ? Prisma.sql`AND g."userId" > ${afterUserId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<Flat[]>(selectRows(kind, Prisma.sql`g.${n.resource} = ${resourceId}::uuid ${after}`, limit));
  return rows.map(toRow);
}

/** Creates the grant or sets its level (and who gave it). */
export async function putGrant(
  tx: DbTx,
  kind: GrantTable,
  g: { resourceId: string; userId: string; level: PermissionLevel; grantedById: string },
): Promise<void> {
  const n = names(kind);
  await tx.$executeRaw`
    INSERT INTO ${n.table} (${n.resource}, "userId", "level", ${n.grantor}, "updatedAt")
    VALUES (${g.resourceId}::uuid, ${g.userId}::uuid, ${g.level}::"PermissionLevel", ${g.grantedById}::uuid, now())
    ON CONFLICT (${n.resource}, "userId")
    DO UPDATE SET "level" = EXCLUDED."level", ${n.grantor} = EXCLUDED.${n.grantor}, "updatedAt" = now()`;
}

/** Deletes the grant; null when there was none. */
export async function deleteGrant(
  tx: DbTx,
  kind: GrantTable,
  resourceId: string,
  userId: string,
): Promise<{ id: string; level: PermissionLevel } | null> {
  const n = names(kind);
  const rows = await tx.$queryRaw<{ id: string; level: PermissionLevel }[]>`
    DELETE FROM ${n.table} WHERE ${n.resource} = ${resourceId}::uuid AND "userId" = ${userId}::uuid
    RETURNING "id"::text AS id, "level"::text AS level`;
  return rows[0] ?? null;
}
