import { z } from 'zod';
import { ZIsoDate, ZPaginationInput, ZPublicUser } from '../../schemas.ts';

export const ZMe = ZPublicUser.extend({
  clerkId: z.string(),
  createdAt: ZIsoDate,
  organization: z
    .object({ id: z.string(), slug: z.string().nullable(), role: z.string().nullable() })
    .nullable(),
}).meta({ id: 'Me' });

export const ZUpdateMeInput = z.strictObject({
  displayName: z.string().trim().min(1).max(100).nullable().optional(),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional(),
});

export const ZSearchUsersInput = z.strictObject({
  q: z.string().trim().min(1).max(100),
  ...ZPaginationInput.shape,
});
