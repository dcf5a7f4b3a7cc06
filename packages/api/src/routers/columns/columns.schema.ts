import { z } from 'zod';
import type { ColumnRow } from '@ap/core/boards/columns';
import { ZId, ZIsoDate, ZPaginationInput, ZText } from '../../schemas.ts';

export const ZColumnName = ZText.trim().min(1).max(100);
/** Placement next to another column of the board (neither: last). */
const ZNeighbour = ZId.nullable().optional();

export const ZColumn = z
  .object({
    id: z.string(),
    boardId: z.string(),
    name: z.string(),
    /** Lexorank position among the board's columns. */
    rank: z.string(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'Column' });

export const ZCreateColumnInput = z.strictObject({
  boardId: ZId,
  name: ZColumnName,
  beforeId: ZNeighbour,
  afterId: ZNeighbour,
});

export const ZUpdateColumnInput = z.strictObject({ columnId: ZId, name: ZColumnName });

export const ZMoveColumnInput = z.strictObject({ columnId: ZId, beforeId: ZNeighbour, afterId: ZNeighbour });

export const ZDeleteColumnInput = z.strictObject({
  columnId: ZId,
  /** Another column of the same board that receives the action points (appended, in order). */
  moveToColumnId: ZId.optional(),
});

export const ZDeleteColumnOutput = z.object({ ok: z.literal(true), moved: z.number().int() });

export const ZColumnItemsInput = z.strictObject({ columnId: ZId, ...ZPaginationInput.shape });

export function toColumnOutput(c: ColumnRow): z.input<typeof ZColumn> {
  return {
    id: c.id,
    boardId: c.boardId,
    name: c.name,
    rank: c.rank,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
