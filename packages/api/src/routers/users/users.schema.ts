import { z } from 'zod';
import { wellFormed, ZIsoDate, ZPaginationInput, ZPublicUser, ZText } from '../../schemas.ts';

export const ZMe = ZPublicUser.extend({
  clerkId: z.string(),
  createdAt: ZIsoDate,
  organization: z.object({ id: z.string(), slug: z.string().nullable(), role: z.string().nullable() }).nullable(),
}).meta({ id: 'Me' });

export const ZUpdateMeInput = z.strictObject({
  displayName: ZText.trim().min(1).max(100).nullable().optional(),
  imageUrl: wellFormed(z.url({ protocol: /^https?$/ }))
    .max(2048)
    .nullable()
    .optional(),
});

export const ZSearchUsersInput = z.strictObject({
  q: ZText.trim().min(1).max(100),
  ...ZPaginationInput.shape,
});
