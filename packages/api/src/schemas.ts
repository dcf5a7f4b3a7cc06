// Schemas shared by several routers.
import { z } from 'zod';
import { LEVELS } from '@ap/core/access/rules';
import { isWellFormedText } from '@ap/core/shared/text';

export const TEXT_MESSAGE = 'must be well-formed text (no NUL character, no unpaired surrogate)';

/** Adds the text rule to a string schema: well-formed UTF-16, no NUL (PostgreSQL stores neither). */
export function wellFormed<T extends z.ZodString | z.ZodURL>(schema: T): T {
  return schema.refine(isWellFormedText, { message: TEXT_MESSAGE, abort: true }) as T;
}

/** Every text input of the API: chain `.trim()`, `.min()`, `.max()` on it. */
export const ZText = wellFormed(z.string());

/** An id: a UUID, canonical (lower-case) from the moment it is parsed. */
export const ZId = z.uuid({ message: 'must be a UUID' }).overwrite((s) => s.toLowerCase());
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
  cursor: ZText.max(200).optional(),
  limit: z.number({ error: 'must be an integer' }).int().min(1).max(200).default(50),
});

export const paginated = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZOk = z.object({ ok: z.literal(true) });

/**
 * A boolean. Inputs are never coerced; in a REST query string it is written exactly
 * `true` or `false` (the REST bridge turns those two, and only those, into booleans).
 */
export const ZBool = z.boolean({ error: 'must be true or false' });
/** The same rule, under the name the list filters use. */
export const ZQueryBool = ZBool;

export const ZLevel = z.enum(LEVELS).meta({ id: 'PermissionLevel' });
