import { z } from 'zod';
import { ZId, ZIsoDate, ZPaginationInput, ZText } from '../../schemas.ts';

const ZName = ZText.trim().min(1).max(50);
const ZColor = ZText.regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a color like #1a2b3c' });

export const ZTag = z
  .object({
    id: z.string(),
    boardId: z.string(),
    name: z.string(),
    color: z.string(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'Tag' });

export const ZListTagsInput = z.strictObject({
  boardId: ZId,
  /** Only the tags on this action point. */
  actionPointId: ZId.optional(),
  ...ZPaginationInput.shape,
});

export const ZCreateTagInput = z.strictObject({ boardId: ZId, name: ZName, color: ZColor });

export const ZUpdateTagInput = z.strictObject({ tagId: ZId, name: ZName.optional(), color: ZColor.optional() });

export const ZDeleteTagInput = z.strictObject({ tagId: ZId });

export const ZTagOnActionPointInput = z.strictObject({ actionPointId: ZId, tagId: ZId });
