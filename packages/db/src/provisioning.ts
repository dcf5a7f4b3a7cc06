import type { DbTx } from './client.ts';

/**
 * In one statement (atomic without an interactive transaction): claims the user's
 * provisioning (`provisionedAt` still null, not deleted) and creates their personal
 * board with its columns. The UPDATE row-locks the user, so a concurrent call waits,
 * then finds it claimed and creates nothing. Returns the board id, or null.
 */
export async function claimPersonalBoard(
  db: DbTx,
  input: { userId: string; name: string; columns: { name: string; rank: string }[] },
): Promise<string | null> {
  const names = input.columns.map((c) => c.name);
  const ranks = input.columns.map((c) => c.rank);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH claimed AS (
      UPDATE "User" SET "provisionedAt" = now(), "updatedAt" = now()
       WHERE "id" = ${input.userId}::uuid AND "provisionedAt" IS NULL AND "deletedAt" IS NULL
      RETURNING "id"
    ), board AS (
      INSERT INTO "Board" ("name", "ownerId", "isPersonal", "updatedAt")
      SELECT ${input.name}, "id", true, now() FROM claimed
      RETURNING "id"
    ), columns AS (
      INSERT INTO "Column" ("boardId", "name", "rank", "updatedAt")
      SELECT board."id", c."name", c."rank", now()
        FROM board, unnest(${names}::text[], ${ranks}::text[]) AS c("name", "rank")
      RETURNING "id"
    )
    SELECT "id"::text AS id FROM board`;
  return rows[0]?.id ?? null;
}
