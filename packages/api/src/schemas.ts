// Schemas shared by several routers.
import { z } from 'zod';
import { LEVELS } from '@ap/core/access/rules';

export const ZId = z.uuid({ message: 'must be a UUID' });
export const ZIsoDate = z.iso.datetime({ offset: true });

export const ZPublicUser = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    imageUrl: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const ZPaginationInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZOk = z.object({ ok: z.literal(true) });

/**
 * A boolean that also arrives as `true`/`false` text in REST query strings.
 * (The REST bridge would coerce `z.boolean()` with JavaScript rules: "false" → true.)
 */
export const ZQueryBool = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .pipe(z.transform((v: boolean | 'true' | 'false') => v === true || v === 'true'));

export const ZLevel = z.enum(LEVELS).meta({ id: 'PermissionLevel' });
