/**
 * Typed SQL for lexorank positions: row locks that serialize writers of one list,
 * neighbour lookups, and bulk rewrites (rebalancing). Every query is a tagged
 * template. Ranks are compared with the database's collation; lexorank's alphabet
 * (0-9a-z) orders the same way under C and the usual locales.
 *
 * Two lists are ranked: the columns of a board (serialized by the Board row) and
 * the action points of a column (serialized by the Column row).
 */
import { Prisma, queryDirect, type DbTx } from './client.ts';

/** The neighbour of an anchor on one side: a smaller rank (placing before it) or a larger one. */
function side(which: 'before' | 'after') {
  return which === 'before' ? { cmp: Prisma.sql`<`, order: Prisma.sql`DESC` } : { cmp: Prisma.sql`>`, order: Prisma.sql`ASC` };
}

/** Locks the Column row (FOR NO KEY UPDATE) so writers of its ranks take turns. False when it is not on that board. */
export async function lockColumn(tx: DbTx, columnId: string, boardId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Column"
     WHERE "id" = ${columnId}::uuid AND "boardId" = ${boardId}::uuid
     FOR NO KEY UPDATE`;
  return rows.length === 1;
}

/** Locks the Board row so writers of its column ranks take turns. False when it does not exist. */
export async function lockBoard(tx: DbTx, boardId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Board" WHERE "id" = ${boardId}::uuid FOR NO KEY UPDATE`;
  return rows.length === 1;
}

export interface Anchor {
  /** Column (or board, for column ranks) the anchor is in. */
  parentId: string;
  rank: string;
  /** The nearest rank on the other side of the anchor, excluding the item being placed. */
  other: string | null;
  /** Whose rank `other` is. */
  otherId: string | null;
}

/** SQL of an action point's Anchor on a board (see itemAnchor): at most one row. */
function itemAnchorSql(boardId: string, anchorId: string, selfId: string, which: 'before' | 'after'): Prisma.Sql {
  const { cmp, order } = side(which);
  return Prisma.sql`
    SELECT x."columnId"::text AS "parentId", x."rank", o."rank" AS other, o."actionPointId"::text AS "otherId"
      FROM "ActionPointBoardAssociation" x
      LEFT JOIN LATERAL (
           SELECT p."rank", p."actionPointId" FROM "ActionPointBoardAssociation" p
            WHERE p."columnId" = x."columnId" AND p."rank" ${cmp} x."rank" AND p."actionPointId" <> ${selfId}::uuid
            ORDER BY p."rank" ${order} LIMIT 1) o ON true
     WHERE x."actionPointId" = ${anchorId}::uuid AND x."boardId" = ${boardId}::uuid`;
}

/** SQL of a column's last action point (id, rank), ignoring one: at most one row. */
function lastItemSql(columnId: string, selfId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT "actionPointId"::text AS id, "rank" FROM "ActionPointBoardAssociation"
     WHERE "columnId" = ${columnId}::uuid AND "actionPointId" <> ${selfId}::uuid
     ORDER BY "rank" DESC LIMIT 1`;
}

/**
 * An action point's position on a board, with its nearest neighbour below
 * (`side` = 'before': the item is placed before the anchor) or above ('after').
 */
export async function itemAnchor(
  tx: DbTx,
  boardId: string,
  anchorId: string,
  selfId: string,
  which: 'before' | 'after',
): Promise<Anchor | null> {
  const rows = await tx.$queryRaw<Anchor[]>(itemAnchorSql(boardId, anchorId, selfId, which));
  return rows[0] ?? null;
}

/** The last action point of a column (highest rank), ignoring one (the one being placed). */
export async function lastItem(tx: DbTx, columnId: string, selfId: string): Promise<{ id: string; rank: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; rank: string }[]>(lastItemSql(columnId, selfId));
  return rows[0] ?? null;
}

/** The highest rank in a column, ignoring one action point (the one being placed). */
export async function lastItemRank(tx: DbTx, columnId: string, selfId: string): Promise<string | null> {
  return (await lastItem(tx, columnId, selfId))?.rank ?? null;
}

/**
 * A gap of a column, as read before taking the column's lock: the neighbours that
 * bound it (id and rank; null at an end). A write "if the gap is unchanged" checks,
 * in the same statement, that both neighbours still hold those ranks there and that
 * nothing but the item being placed lies between them.
 */
export interface Gap {
  lo: string | null;
  loId: string | null;
  hi: string | null;
  hiId: string | null;
}

/**
 * Moves an action point into a gap of a column at `rank` if the gap is as read
 * (else false, nothing written). Takes the column's lock first (a no-op when the
 * caller holds it); see the ap_place_in_gap migration.
 */
export async function setItemPositionInGap(
  tx: DbTx,
  actionPointId: string,
  boardId: string,
  columnId: string,
  rank: string,
  gap: Gap,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ ok: boolean }[]>`
    SELECT ap_place_in_gap(${actionPointId}::uuid, ${boardId}::uuid, ${columnId}::uuid, ${rank}::text,
                           ${gap.lo}::text, ${gap.loId}::uuid, ${gap.hi}::text, ${gap.hiId}::uuid) AS ok`;
  return rows[0]?.ok === true;
}

/**
 * Puts an action point on a board in a gap of a column at `rank` if the gap is as
 * read (else false): the same checks as ap_place_in_gap, as index probes whatever
 * the cached plan.
 */
export async function insertItemPositionInGap(
  tx: DbTx,
  actionPointId: string,
  boardId: string,
  columnId: string,
  rank: string,
  gap: Gap,
): Promise<boolean> {
  const n = await tx.$executeRaw`
    INSERT INTO "ActionPointBoardAssociation" ("actionPointId", "boardId", "columnId", "rank", "updatedAt")
    SELECT ${actionPointId}::uuid, ${boardId}::uuid, ${columnId}::uuid, ${rank}, now()
     WHERE (${gap.loId}::uuid IS NULL OR EXISTS (
            SELECT 1 FROM "ActionPointBoardAssociation" o
             WHERE o."columnId" = ${columnId}::uuid AND o."actionPointId" = ${gap.loId}::uuid AND o."rank" = ${gap.lo}::text))
       AND (${gap.hiId}::uuid IS NULL OR EXISTS (
            SELECT 1 FROM "ActionPointBoardAssociation" o
             WHERE o."columnId" = ${columnId}::uuid AND o."actionPointId" = ${gap.hiId}::uuid AND o."rank" = ${gap.hi}::text))
       AND (SELECT o."rank" FROM "ActionPointBoardAssociation" o
             WHERE o."columnId" = ${columnId}::uuid AND o."rank" > coalesce(${gap.lo}::text, '')
             ORDER BY o."rank" LIMIT 1) IS NOT DISTINCT FROM ${gap.hi}::text
    ON CONFLICT ("columnId", "rank") DO NOTHING`;
  return n === 1;
}

/**
 * What a move needs to know before it starts, in one read: the column the action
 * point is in on that board, and the board's owner, organization and the caller's
 * grant (the inputs of authorization's boardLevelOf). Null when the action point is
 * not on that board.
 */
export async function moveContext(
  tx: DbTx,
  actionPointId: string,
  boardId: string,
  userId: string,
): Promise<{ columnId: string; ownerId: string; organizationId: string | null; grant: string | null } | null> {
  const rows = await tx.$queryRaw<{ columnId: string; ownerId: string; organizationId: string | null; grant: string | null }[]>`
    SELECT a."columnId"::text AS "columnId", b."ownerId"::text AS "ownerId",
           b."organizationId"::text AS "organizationId", p."level"::text AS "grant"
      FROM "ActionPointBoardAssociation" a
      JOIN "Board" b ON b."id" = a."boardId"
      LEFT JOIN "BoardPermission" p ON p."boardId" = b."id" AND p."userId" = ${userId}::uuid
     WHERE a."actionPointId" = ${actionPointId}::uuid AND a."boardId" = ${boardId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The access rule of the one-statement move, in SQL: the action point's column on
 * the board, when the user owns the board or holds an EDIT or ADMIN grant on it (no
 * row otherwise). It is core's access rule `movesInOneStatement`, held equal to it
 * by a test; whatever it leaves out (organization roles) takes the locked path.
 */
function whereMoverMayMove(m: { actionPointId: string; boardId: string; userId: string }): Prisma.Sql {
  return Prisma.sql`
      SELECT a."columnId", CASE WHEN b."ownerId" = ${m.userId}::uuid THEN 'ADMIN'::"PermissionLevel" ELSE p."level" END AS "level"
        FROM "ActionPointBoardAssociation" a
        JOIN "Board" b ON b."id" = a."boardId"
        LEFT JOIN "BoardPermission" p ON p."boardId" = b."id" AND p."userId" = ${m.userId}::uuid
       WHERE a."actionPointId" = ${m.actionPointId}::uuid AND a."boardId" = ${m.boardId}::uuid
         AND (b."ownerId" = ${m.userId}::uuid OR p."level" IN ('EDIT', 'ADMIN'))`;
}

/**
 * The one-statement move's workflow rule, on whereMoverMayMove's row: a move within
 * its column, or on a board without transitions, or one a transition allows at the
 * mover's level (enum order: VIEW < COMMENT < EDIT < ADMIN); and no enabled rule of
 * the board is triggered by moves (those moves take the locked path, whose
 * transaction queues the rules' runs). Everything else takes the locked path,
 * which refuses with the allowed targets (core's workflows/statuses.ts).
 */
function whereWorkflowAllows(m: { actionPointId: string; boardId: string; userId: string; columnId: string }): Prisma.Sql {
  return Prisma.sql`
      SELECT w."columnId" FROM (${whereMoverMayMove(m)}) w
       WHERE NOT EXISTS (SELECT 1 FROM "WorkflowRule" r
                          WHERE r."boardId" = ${m.boardId}::uuid AND r."triggerType" = 'MOVED' AND r."enabled")
         AND (w."columnId" = ${m.columnId}::uuid
              OR NOT EXISTS (SELECT 1 FROM "WorkflowTransition" t WHERE t."boardId" = ${m.boardId}::uuid)
              OR EXISTS (SELECT 1 FROM "WorkflowTransition" t
                           JOIN "WorkflowStatus" f ON f."id" = t."fromStatusId"
                           JOIN "WorkflowStatus" s ON s."id" = t."toStatusId"
                          WHERE t."boardId" = ${m.boardId}::uuid AND f."columnId" = w."columnId"
                            AND s."columnId" = ${m.columnId}::uuid AND t."minLevel" <= w."level"))`;
}

/** Whether the one-statement move lets this user move this action point on this board (its access rule alone). */
export async function mayMoveInOneStatement(db: DbTx, m: { actionPointId: string; boardId: string; userId: string }): Promise<boolean> {
  const rows = await db.$queryRaw<{ ok: boolean }[]>`SELECT EXISTS (${whereMoverMayMove(m)}) AS ok`;
  return rows[0]!.ok;
}

/** The board event of a move: its Activity row shaped as core's toBoardEvent shapes one. */
export interface MoveEvent {
  kind: 'board';
  /** The Activity row's id. */
  id: string;
  boardId: string;
  type: string;
  actorId: string;
  entityType: string;
  entityId: string;
  actionPointId: string;
  changes: Record<string, unknown>;
  at: string;
}

export interface MoveRequest {
  actionPointId: string;
  boardId: string;
  columnId: string;
  beforeId?: string | null;
  afterId?: string | null;
  /** For whom it is moved: must own the board or hold EDIT or ADMIN on it. */
  userId: string;
  /** Who moves it for that user (the Activity row's actorType and actorRef). */
  actorType: 'USER' | 'RULE' | 'BOT';
  actorRef: string | null;
  /** Longest rank to write (lexorank's MAX_RANK_LENGTH); a longer one needs a rebalance. */
  maxRankLength: number;
  /** Also NOTIFY `channel` of the move's board event, as `{"o": origin, "e": event}` (see EventBus.notifyTarget). */
  notify?: { channel: string; origin: string };
}

/**
 * The usual move in one statement, outside any transaction: it reads where the
 * action point is and the gap `beforeId` / `afterId` name (as placement's gapFrom
 * reads them; neither: the end of the column), computes the rank between them
 * (ap_rank_between, lexorank.ts's between), writes it if the gap is unchanged under
 * the column's lock (ap_place_in_gap) and records the move's Activity row. Returns
 * the rank and the move's board event, or null having written nothing whenever the caller must
 * take the locked path: neither the board's owner nor holding an EDIT or ADMIN
 * grant (refused there with the right error, or allowed by organization roles),
 * a move the board's workflow does not allow or whose rules must hear of it,
 * anchors not on the board, not in the column, not adjacent or the action point
 * itself, a gap that changed meanwhile or has no room for a short rank.
 */
export async function moveInOneStatement(db: DbTx, m: MoveRequest): Promise<{ rank: string; event: MoveEvent } | null> {
  if (m.beforeId === m.actionPointId || m.afterId === m.actionPointId) return null;
  const anchor = (id: string, which: 'before' | 'after') => itemAnchorSql(m.boardId, id, m.actionPointId, which);
  const column = Prisma.sql`${m.columnId}::text`;
  const gap =
    m.beforeId && m.afterId
      ? Prisma.sql`
        SELECT a."rank" AS lo, ${m.afterId}::text AS "loId", b."rank" AS hi, ${m.beforeId}::text AS "hiId"
          FROM (${anchor(m.afterId, 'after')}) a, (${anchor(m.beforeId, 'before')}) b
         WHERE a."parentId" = ${column} AND b."parentId" = ${column}
           AND a."rank" < b."rank" AND a.other = b."rank" AND b.other = a."rank"`
      : m.beforeId
        ? Prisma.sql`
        SELECT b.other AS lo, b."otherId" AS "loId", b."rank" AS hi, ${m.beforeId}::text AS "hiId"
          FROM (${anchor(m.beforeId, 'before')}) b WHERE b."parentId" = ${column}`
        : m.afterId
          ? Prisma.sql`
        SELECT a."rank" AS lo, ${m.afterId}::text AS "loId", a.other AS hi, a."otherId" AS "hiId"
          FROM (${anchor(m.afterId, 'after')}) a WHERE a."parentId" = ${column}`
          : Prisma.sql`
        SELECT l."rank" AS lo, l.id AS "loId", NULL::text AS hi, NULL::text AS "hiId"
          FROM (SELECT 1) one LEFT JOIN (${lastItemSql(m.columnId, m.actionPointId)}) l ON true`;
  const sent = m.notify
    ? Prisma.sql`, sent AS (
      SELECT pg_notify(${m.notify.channel}, json_build_object('o', ${m.notify.origin}::text, 'e', r.event)::text) FROM recorded r)`
    : Prisma.empty;
  const rows = await queryDirect<{ rank: string; event: MoveEvent }>(
    db,
    Prisma.sql`
    WITH here AS (${whereWorkflowAllows(m)}), gap AS (${gap}),
    placed AS (
      SELECT here."columnId" AS "fromColumnId", r.rank,
             ap_place_in_gap(${m.actionPointId}::uuid, ${m.boardId}::uuid, ${m.columnId}::uuid, r.rank,
                             g.lo, g."loId"::uuid, g.hi, g."hiId"::uuid) AS ok
        FROM here, gap g, LATERAL (SELECT ap_rank_between(g.lo, g.hi) AS rank) r
       WHERE length(r.rank) <= ${m.maxRankLength}
    ), recorded AS (
      INSERT INTO "Activity" ("boardId", "actionPointId", "actorId", "actorType", "actorRef", "action", "entityType", "entityId", "changes")
      SELECT ${m.boardId}::uuid, ${m.actionPointId}::uuid, ${m.userId}::uuid, ${m.actorType}::"ActorType", ${m.actorRef}::text,
             'actionPoint.moved', 'actionPoint', ${m.actionPointId},
             jsonb_build_object('columnId', jsonb_build_object('from', "fromColumnId"::text, 'to', ${column}),
                                'beforeId', ${m.beforeId ?? null}::text, 'afterId', ${m.afterId ?? null}::text)
        FROM placed WHERE ok
      RETURNING json_build_object(
        'kind', 'board', 'id', "id"::text, 'boardId', "boardId", 'type', "action", 'actorId', "actorId",
        'entityType', "entityType", 'entityId', "entityId", 'actionPointId', "actionPointId", 'changes', "changes",
        'at', to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS event
    )${sent}
    SELECT recorded.event, placed.rank FROM recorded, placed${m.notify ? Prisma.sql`, sent` : Prisma.empty}`,
  );
  return rows[0] ?? null;
}

/** Action points of a column in rank order (ids only), for rebalancing. */
export async function columnItemIds(tx: DbTx, columnId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "actionPointId"::text AS id FROM "ActionPointBoardAssociation"
     WHERE "columnId" = ${columnId}::uuid ORDER BY "rank"`;
  return rows.map((r) => r.id);
}

/**
 * Sets an action point's column and rank on a board unless another action point
 * of that column already holds the rank (then returns false and changes nothing,
 * leaving the transaction usable).
 */
export async function setItemPosition(tx: DbTx, actionPointId: string, boardId: string, columnId: string, rank: string): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "ActionPointBoardAssociation" AS a
       SET "columnId" = ${columnId}::uuid, "rank" = ${rank}, "updatedAt" = now()
     WHERE a."actionPointId" = ${actionPointId}::uuid AND a."boardId" = ${boardId}::uuid
       AND NOT EXISTS (SELECT 1 FROM "ActionPointBoardAssociation" o
                        WHERE o."columnId" = ${columnId}::uuid AND o."rank" = ${rank}
                          AND o."actionPointId" <> ${actionPointId}::uuid)`;
  return n === 1;
}

/**
 * Puts an action point on a board at a rank. Returns 'rank-taken' when the rank is
 * already used in that column (nothing written, transaction still usable); a
 * second association of the same action point with the board raises the unique
 * violation as usual.
 */
export async function insertItemPosition(
  tx: DbTx,
  actionPointId: string,
  boardId: string,
  columnId: string,
  rank: string,
): Promise<'inserted' | 'rank-taken'> {
  const n = await tx.$executeRaw`
    INSERT INTO "ActionPointBoardAssociation" ("actionPointId", "boardId", "columnId", "rank", "updatedAt")
    VALUES (${actionPointId}::uuid, ${boardId}::uuid, ${columnId}::uuid, ${rank}, now())
    ON CONFLICT ("columnId", "rank") DO NOTHING`;
  return n === 1 ? 'inserted' : 'rank-taken';
}

/**
 * Rewrites the ranks of a column's action points in one pass: first every row of
 * the column gets a temporary unique rank, then the listed ones get theirs (so the
 * unique index never sees two equal ranks mid-way). Rows of the column not listed
 * keep the temporary rank: the caller lists all of them except one it then places.
 */
export async function rewriteItemRanks(tx: DbTx, columnId: string, ids: string[], ranks: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ActionPointBoardAssociation" SET "rank" = '~' || "actionPointId"::text
     WHERE "columnId" = ${columnId}::uuid`;
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE "ActionPointBoardAssociation" AS a SET "rank" = v.rank, "updatedAt" = now()
      FROM unnest(${ids}::uuid[], ${ranks}::text[]) AS v(id, rank)
     WHERE a."columnId" = ${columnId}::uuid AND a."actionPointId" = v.id`;
}

/** Appends action points of one column to another, keeping their order (ranks given by the caller). */
export async function moveAllItems(tx: DbTx, fromColumnId: string, toColumnId: string, ids: string[], ranks: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "ActionPointBoardAssociation" AS a
       SET "columnId" = ${toColumnId}::uuid, "rank" = v.rank, "updatedAt" = now()
      FROM unnest(${ids}::uuid[], ${ranks}::text[]) AS v(id, rank)
     WHERE a."columnId" = ${fromColumnId}::uuid AND a."actionPointId" = v.id`;
}

// ---- Columns of a board -------------------------------------------------------

/** A column's rank with its nearest neighbour on one side, ignoring `selfId`. */
export async function columnAnchor(
  tx: DbTx,
  boardId: string,
  anchorId: string,
  selfId: string | null,
  which: 'before' | 'after',
): Promise<Anchor | null> {
  const self = selfId ?? '00000000-0000-0000-0000-000000000000';
  const { cmp, order } = side(which);
  const rows = await tx.$queryRaw<Anchor[]>`
    SELECT x."boardId"::text AS "parentId", x."rank", o."rank" AS other, o."id"::text AS "otherId"
      FROM "Column" x
      LEFT JOIN LATERAL (
           SELECT p."rank", p."id" FROM "Column" p
            WHERE p."boardId" = x."boardId" AND p."rank" ${cmp} x."rank" AND p."id" <> ${self}::uuid
            ORDER BY p."rank" ${order} LIMIT 1) o ON true
     WHERE x."id" = ${anchorId}::uuid AND x."boardId" = ${boardId}::uuid`;
  return rows[0] ?? null;
}

export async function lastColumn(tx: DbTx, boardId: string, selfId: string | null): Promise<{ id: string; rank: string } | null> {
  const self = selfId ?? '00000000-0000-0000-0000-000000000000';
  const rows = await tx.$queryRaw<{ id: string; rank: string }[]>`
    SELECT "id"::text AS id, "rank" FROM "Column" WHERE "boardId" = ${boardId}::uuid AND "id" <> ${self}::uuid
     ORDER BY "rank" DESC LIMIT 1`;
  return rows[0] ?? null;
}

export async function boardColumnIds(tx: DbTx, boardId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Column" WHERE "boardId" = ${boardId}::uuid ORDER BY "rank"`;
  return rows.map((r) => r.id);
}

/** Same two-phase rewrite as rewriteItemRanks, for the columns of a board. */
export async function rewriteColumnRanks(tx: DbTx, boardId: string, ids: string[], ranks: string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Column" SET "rank" = '~' || "id"::text WHERE "boardId" = ${boardId}::uuid`;
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Column" AS c SET "rank" = v.rank, "updatedAt" = now()
      FROM unnest(${ids}::uuid[], ${ranks}::text[]) AS v(id, rank)
     WHERE c."boardId" = ${boardId}::uuid AND c."id" = v.id`;
}

/** Sets a column's rank unless another column of the board holds it (then false). */
export async function setColumnRank(tx: DbTx, columnId: string, boardId: string, rank: string): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "Column" AS c SET "rank" = ${rank}, "updatedAt" = now()
     WHERE c."id" = ${columnId}::uuid AND c."boardId" = ${boardId}::uuid
       AND NOT EXISTS (SELECT 1 FROM "Column" o
                        WHERE o."boardId" = ${boardId}::uuid AND o."rank" = ${rank} AND o."id" <> ${columnId}::uuid)`;
  return n === 1;
}

// ---- Ranked reads: the board view and a column's items ------------------------
