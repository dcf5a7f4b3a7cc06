import { z } from 'zod';
import { ZId, ZIsoDate, ZPaginationInput, ZPublicUser } from '../../schemas.ts';
import { ZLevel } from '../board-permissions/board-permissions.schema.ts';

export const ZActionPointShare = z
  .object({
    id: z.string(),
    actionPointId: z.string(),
    userId: z.string(),
    user: ZPublicUser,
    level: ZLevel,
    sharedById: z.string().nullable(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'ActionPointShare' });

export const ZListActionPointSharesInput = z.strictObject({ actionPointId: ZId, ...ZPaginationInput.shape });

export const ZShareActionPointInput = z.strictObject({ actionPointId: ZId, userId: ZId, level: ZLevel });

export const ZUnshareActionPointInput = z.strictObject({ actionPointId: ZId, userId: ZId });
