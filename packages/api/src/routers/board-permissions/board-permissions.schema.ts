import { z } from 'zod';
import { LEVELS } from '@ap/core/access/rules';
import { ZId, ZIsoDate, ZPaginationInput, ZPublicUser } from '../../schemas.ts';

export const ZLevel = z.enum(LEVELS).meta({ id: 'PermissionLevel' });

export const ZBoardPermission = z
  .object({
    id: z.string(),
    boardId: z.string(),
    userId: z.string(),
    user: ZPublicUser,
    level: ZLevel,
    grantedById: z.string().nullable(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'BoardPermission' });

export const ZListBoardPermissionsInput = z.strictObject({ boardId: ZId, ...ZPaginationInput.shape });

export const ZGrantBoardPermissionInput = z.strictObject({ boardId: ZId, userId: ZId, level: ZLevel });

export const ZRevokeBoardPermissionInput = z.strictObject({ boardId: ZId, userId: ZId });
