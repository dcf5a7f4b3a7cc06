/**
 * Reads of the board view: a board's columns each with its first action points in
 * rank order, and the next page of one column, with assignees and the board's tags
 * joined (a fixed number of statements whatever the number of items).
 */
import { Prisma, type DbTx } from './client.ts';

/** One action point in a column, as the board view shows it (assignee and this board's tags joined). */
export interface RankedItemRow {
  columnId: string;
  rank: string;
  id: string;
  title: string;
  description: string | null;
  dueDate: Date | null;
  completedAt: Date | null;
  ownerId: string;
  assigneeId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  assigneeEmail: string | null;
  assigneeDisplayName: string | null;
  assigneeImageUrl: string | null;
  /** This board's tags on the action point, by name. */
  tags: { id: string; name: string; color: string }[];
}

/** A row of the board view: a column, and one of its first action points (null when it has none). */
export type BoardViewRow = { columnName: string; columnRank: string } & (
  | RankedItemRow
  | { [K in keyof RankedItemRow]: K extends 'columnId' ? string : null }
);

/** An action point's fields and assignee as RankedItemRow names them (from `ap` and `u`). */
const itemFields = Prisma.sql`
           ap."id"::text AS id, ap."title", ap."description", ap."dueDate", ap."completedAt",
           ap."ownerId"::text AS "ownerId", ap."assigneeId"::text AS "assigneeId", ap."version",
           ap."createdAt", ap."updatedAt",
           u."email" AS "assigneeEmail", u."displayName" AS "assigneeDisplayName", u."imageUrl" AS "assigneeImageUrl"`;

/** The board's tags on the action point `a`, by name, as a JSON array. */
const itemTags = (boardId: string) => Prisma.sql`
           COALESCE((SELECT json_agg(json_build_object('id', t."id", 'name', t."name", 'color', t."color") ORDER BY t."name")
                       FROM "ActionPointTag" apt JOIN "Tag" t ON t."id" = apt."tagId"
                      WHERE apt."actionPointId" = a."actionPointId" AND apt."boardId" = ${boardId}::uuid), '[]'::json)`;

/**
 * Every column of a board in order, each with its first `perColumn` action points
 * in rank order: one query (a LATERAL top-N per column on the (columnId, rank)
 * index; an empty column gives one row without an action point).
 */
export async function boardViewRows(db: DbTx, boardId: string, perColumn: number): Promise<BoardViewRow[]> {
  return db.$queryRaw<BoardViewRow[]>`
    SELECT c."id"::text AS "columnId", c."name" AS "columnName", c."rank" AS "columnRank", a."rank",
           ${itemFields},
           CASE WHEN a."actionPointId" IS NOT NULL THEN ${itemTags(boardId)} END AS tags
      FROM "Column" c
      LEFT JOIN LATERAL (
           SELECT x."actionPointId", x."rank" FROM "ActionPointBoardAssociation" x
            WHERE x."columnId" = c."id"
            ORDER BY x."rank" LIMIT ${perColumn}) a ON true
      LEFT JOIN "ActionPoint" ap ON ap."id" = a."actionPointId"
      LEFT JOIN "User" u ON u."id" = ap."assigneeId"
     WHERE c."boardId" = ${boardId}::uuid
     ORDER BY c."rank", a."rank"`;
}

/** Action points of one column after a rank (keyset), same shape as the board view. */
export async function columnItemsAfter(
  db: DbTx,
  boardId: string,
  columnId: string,
  afterRank: string | null,
  limit: number,
): Promise<RankedItemRow[]> {
  return db.$queryRaw<RankedItemRow[]>`
    SELECT a."columnId"::text AS "columnId", a."rank",
           ${itemFields},
           ${itemTags(boardId)} AS tags
      FROM (SELECT x."actionPointId", x."columnId", x."rank" FROM "ActionPointBoardAssociation" x
             WHERE x."columnId" = ${columnId}::uuid AND x."rank" > coalesce(${afterRank}::text, '')
             ORDER BY x."rank" LIMIT ${limit}) a
      JOIN "ActionPoint" ap ON ap."id" = a."actionPointId"
      LEFT JOIN "User" u ON u."id" = ap."assigneeId"
     ORDER BY a."rank"`;
}
