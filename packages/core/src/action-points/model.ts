/**
 * The read model of action points: one action point, any number of boards, each
 * board with its own column and lexorank position (ActionPointBoardAssociation).
 */
import type { DbTx, Prisma } from '@ap/db/client';
import type { RankedItemRow } from '@ap/db/board-view';
import { actionPointAccess, type Level } from '../access/rules.ts';

export const MAX_BOARDS_PER_ACTION_POINT = 100;

const publicUserSelect = { id: true, email: true, displayName: true, imageUrl: true } as const;

export const actionPointSelect = {
  id: true,
  title: true,
  description: true,
  dueDate: true,
  completedAt: true,
  ownerId: true,
  assigneeId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  assignee: { select: publicUserSelect },
} satisfies Prisma.ActionPointSelect;

export type ActionPointRow = Prisma.ActionPointGetPayload<{ select: typeof actionPointSelect }>;

export interface PublicUserRow {
  id: string;
  email: string | null;
  displayName: string | null;
  imageUrl: string | null;
}

export interface TagRef {
  id: string;
  name: string;
  color: string;
}

/** An action point as a board shows it: its position there and that board's tags. */
export interface BoardItem extends Omit<ActionPointRow, 'assignee'> {
  assignee: PublicUserRow | null;
  columnId: string;
  rank: string;
  tags: TagRef[];
}

export interface ActionPointPlacementRow {
  boardId: string;
  boardName: string;
  columnId: string;
  columnName: string;
  rank: string;
  /** The caller's level on that board. */
  level: Level;
}

/** An action point with the caller's level, the boards the caller can see it on and its tags there. */
export interface ActionPointDetail extends ActionPointRow {
  level: Level;
  boards: ActionPointPlacementRow[];
  tags: (TagRef & { boardId: string })[];
}

export interface Position {
  actionPointId: string;
  boardId: string;
  columnId: string;
  rank: string;
  /** True when the column's ranks were rewritten to make room (reload it). */
  rebalanced: boolean;
}

export function toBoardItem(row: RankedItemRow): BoardItem {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    dueDate: row.dueDate,
    completedAt: row.completedAt,
    ownerId: row.ownerId,
    assigneeId: row.assigneeId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    assignee: row.assigneeId
      ? {
          id: row.assigneeId,
          email: row.assigneeEmail,
          displayName: row.assigneeDisplayName,
          imageUrl: row.assigneeImageUrl,
        }
      : null,
    columnId: row.columnId,
    rank: row.rank,
    tags: typeof row.tags === 'string' ? (JSON.parse(row.tags) as TagRef[]) : (row.tags ?? []),
  };
}

/** Everything the caller may see of one action point, or null when it is invisible to them. */
export async function loadActionPoint(db: DbTx, userId: string, actionPointId: string): Promise<ActionPointDetail | null> {
  const access = await actionPointAccess(db, userId, actionPointId);
  if (!access) return null;
  const boardIds = access.boards.map((b) => b.boardId);
  // One after the other: inside a transaction they share one connection.
  const ap = await db.actionPoint.findUnique({ where: { id: actionPointId }, select: actionPointSelect });
  if (!ap) return null;
  const placements = boardIds.length
    ? await db.actionPointBoardAssociation.findMany({
        where: { actionPointId, boardId: { in: boardIds } },
        select: {
          boardId: true,
          columnId: true,
          rank: true,
          board: { select: { name: true } },
          column: { select: { name: true } },
        },
        orderBy: { createdAt: 'asc' },
      })
    : [];
  const tags = boardIds.length
    ? await db.actionPointTag.findMany({
        where: { actionPointId, boardId: { in: boardIds } },
        select: { boardId: true, boardTag: { select: { tag: { select: { id: true, name: true, color: true } } } } },
      })
    : [];
  const levelOf = new Map(access.boards.map((b) => [b.boardId, b.level]));
  return {
    ...ap,
    level: access.level,
    boards: placements.map((p) => ({
      boardId: p.boardId,
      boardName: p.board.name,
      columnId: p.columnId,
      columnName: p.column.name,
      rank: p.rank,
      level: levelOf.get(p.boardId)!,
    })),
    tags: tags
      .map((t) => ({ ...t.boardTag.tag, boardId: t.boardId }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.boardId.localeCompare(b.boardId)),
  };
}
