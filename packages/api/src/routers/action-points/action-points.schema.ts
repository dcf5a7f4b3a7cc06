import { z } from 'zod';
import type { ActionPointDetail, ActionPointRow, BoardItem, Position } from '@ap/core/action-points/model';
import { toPublicUser } from '@ap/core/identity/users';
import { ZBool, ZId, ZIsoDate, ZLevel, ZPaginationInput, ZPublicUser, ZQueryBool, ZText } from '../../schemas.ts';

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 10_000;

const ZTitle = ZText.trim().min(1).max(MAX_TITLE);
const ZDescription = ZText.max(MAX_DESCRIPTION);
/** Placement next to another action point of the target column (neither: last). */
const ZNeighbour = ZId.nullable().optional();

export const ZActionPoint = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    dueDate: ZIsoDate.nullable(),
    completedAt: ZIsoDate.nullable(),
    ownerId: z.string(),
    assigneeId: z.string().nullable(),
    assignee: ZPublicUser.nullable(),
    /** Incremented by every change; send it back as `expectedVersion` to refuse a stale update. */
    version: z.number().int(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'ActionPoint' });

export const ZBoardItemTag = z.object({ id: z.string(), name: z.string(), color: z.string() }).meta({ id: 'BoardItemTag' });

/** An action point as one board shows it: its column, rank and that board's tags. */
export const ZBoardItem = ZActionPoint.extend({
  columnId: z.string(),
  rank: z.string(),
  tags: z.array(ZBoardItemTag),
}).meta({ id: 'BoardItem' });

export const ZActionPointDetail = ZActionPoint.extend({
  /** The caller's level on this action point. */
  level: ZLevel,
  /** The boards the caller can see it on, with its place there. */
  boards: z.array(
    z.object({
      boardId: z.string(),
      boardName: z.string(),
      columnId: z.string(),
      columnName: z.string(),
      rank: z.string(),
      level: ZLevel,
    }),
  ),
  tags: z.array(ZBoardItemTag.extend({ boardId: z.string() })),
}).meta({ id: 'ActionPointDetail' });

export const ZPosition = z
  .object({
    /** The action point's id. */
    id: z.string(),
    actionPointId: z.string(),
    boardId: z.string(),
    columnId: z.string(),
    rank: z.string(),
    /** True when the column's other ranks were rewritten to make room: reload the column. */
    rebalanced: z.boolean(),
  })
  .meta({ id: 'ActionPointPosition' });

export const ZCreateActionPointInput = z.strictObject({
  title: ZTitle,
  description: ZDescription.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
  assigneeId: ZId.nullable().optional(),
  completed: ZBool.optional(),
  /** With columnId: placed last in that column of that board. */
  boardId: ZId.optional(),
  columnId: ZId.optional(),
});

export const ZGetActionPointInput = z.strictObject({ actionPointId: ZId });

export const ZListActionPointsInput = z
  .strictObject({
    owned: ZQueryBool.optional(),
    sharedWithMe: ZQueryBool.optional(),
    assignedToMe: ZQueryBool.optional(),
    q: ZText.trim().max(200).optional(),
    ...ZPaginationInput.shape,
  })
  .prefault({});

export const ZUpdateActionPointInput = z.strictObject({
  actionPointId: ZId,
  title: ZTitle.optional(),
  description: ZDescription.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
  assigneeId: ZId.nullable().optional(),
  completed: ZBool.optional(),
  expectedVersion: z.number({ error: 'must be an integer' }).int().min(1).optional(),
});

export const ZDeleteActionPointInput = z.strictObject({ actionPointId: ZId });

export const ZAddToBoardInput = z.strictObject({
  boardId: ZId,
  actionPointId: ZId,
  columnId: ZId,
  beforeId: ZNeighbour,
  afterId: ZNeighbour,
});

export const ZRemoveFromBoardInput = z.strictObject({ boardId: ZId, actionPointId: ZId });

export const ZMoveActionPointInput = z.strictObject({
  boardId: ZId,
  actionPointId: ZId,
  columnId: ZId,
  beforeId: ZNeighbour,
  afterId: ZNeighbour,
});

// ---- Mapping core rows to outputs (dates as ISO strings) ----------------------

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toActionPointOutput(ap: ActionPointRow | BoardItem): z.input<typeof ZActionPoint> {
  return {
    id: ap.id,
    title: ap.title,
    description: ap.description,
    dueDate: iso(ap.dueDate),
    completedAt: iso(ap.completedAt),
    ownerId: ap.ownerId,
    assigneeId: ap.assigneeId,
    assignee: ap.assignee ? toPublicUser(ap.assignee) : null,
    version: ap.version,
    createdAt: ap.createdAt.toISOString(),
    updatedAt: ap.updatedAt.toISOString(),
  };
}

/** Written out field by field: the board view maps hundreds of these per request (a spread is several times slower). */
export function toBoardItemOutput(ap: BoardItem): z.input<typeof ZBoardItem> {
  return {
    id: ap.id,
    title: ap.title,
    description: ap.description,
    dueDate: iso(ap.dueDate),
    completedAt: iso(ap.completedAt),
    ownerId: ap.ownerId,
    assigneeId: ap.assigneeId,
    assignee: ap.assignee ? toPublicUser(ap.assignee) : null,
    version: ap.version,
    createdAt: ap.createdAt.toISOString(),
    updatedAt: ap.updatedAt.toISOString(),
    columnId: ap.columnId,
    rank: ap.rank,
    tags: ap.tags,
  };
}

export function toDetailOutput(ap: ActionPointDetail): z.input<typeof ZActionPointDetail> {
  return { ...toActionPointOutput(ap), level: ap.level, boards: ap.boards, tags: ap.tags };
}

export function toPositionOutput(p: Position): z.input<typeof ZPosition> {
  return {
    id: p.actionPointId,
    actionPointId: p.actionPointId,
    boardId: p.boardId,
    columnId: p.columnId,
    rank: p.rank,
    rebalanced: p.rebalanced,
  };
}
