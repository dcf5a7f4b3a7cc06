import { z } from 'zod';
import type { BoardDetail, BoardView, BoardWithLevel } from '@ap/core/boards/boards';
import { ZId, ZIsoDate, ZLevel, ZPaginationInput, ZText } from '../../schemas.ts';
import { toBoardItemOutput, ZBoardItem } from '../action-points/action-points.schema.ts';
import { toColumnOutput, ZColumn, ZColumnName } from '../columns/columns.schema.ts';

const ZBoardName = ZText.trim().min(1).max(200);
const ZBoardDescription = ZText.max(5_000);

export const ZBoard = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    ownerId: z.string(),
    organizationId: z.string().nullable(),
    isPersonal: z.boolean(),
    version: z.number().int(),
    /** The caller's level on this board. */
    level: ZLevel,
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'Board' });

export const ZBoardDetail = ZBoard.extend({ columns: z.array(ZColumn) }).meta({ id: 'BoardDetail' });

export const ZBoardView = z
  .object({
    board: ZBoard,
    columns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        rank: z.string(),
        items: z.array(ZBoardItem),
        /** For columns.items: the rest of this column. */
        nextCursor: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'BoardView' });

export const ZListBoardsInput = z.strictObject({ ...ZPaginationInput.shape }).prefault({});

export const ZCreateBoardInput = z.strictObject({
  name: ZBoardName,
  description: ZBoardDescription.nullable().optional(),
  /** Initial column names, in order (default: To do, In progress, Done). */
  columns: z.array(ZColumnName).min(1).max(50).optional(),
  /** Put the board in one of your organizations (its admins get ADMIN on it). */
  organizationId: ZId.optional(),
});

export const ZGetBoardInput = z.strictObject({ boardId: ZId });

export const ZUpdateBoardInput = z.strictObject({
  boardId: ZId,
  name: ZBoardName.optional(),
  description: ZBoardDescription.nullable().optional(),
  /** When given and not the current version: CONFLICT. */
  expectedVersion: z.number({ error: 'must be an integer' }).int().min(1).optional(),
});

export const ZDeleteBoardInput = z.strictObject({ boardId: ZId });

export const ZViewBoardInput = z.strictObject({
  boardId: ZId,
  limitPerColumn: z.number({ error: 'must be an integer' }).int().min(1).max(200).default(50),
});

export function toBoardOutput(b: BoardWithLevel): z.input<typeof ZBoard> {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    ownerId: b.ownerId,
    organizationId: b.organizationId,
    isPersonal: b.isPersonal,
    version: b.version,
    level: b.level,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export function toBoardDetailOutput(b: BoardDetail): z.input<typeof ZBoardDetail> {
  return { ...toBoardOutput(b), columns: b.columns.map(toColumnOutput) };
}

export function toBoardViewOutput(v: BoardView): z.input<typeof ZBoardView> {
  return {
    board: toBoardOutput(v.board),
    columns: v.columns.map((c) => ({
      id: c.id,
      name: c.name,
      rank: c.rank,
      items: c.items.map(toBoardItemOutput),
      nextCursor: c.nextCursor,
    })),
  };
}
