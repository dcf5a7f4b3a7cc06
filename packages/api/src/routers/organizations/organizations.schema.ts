import { z } from 'zod';
import { ZId, ZIsoDate, ZPaginationInput, ZPublicUser } from '../../schemas.ts';

export const ZRole = z
  .object({
    /** Clerk role key, e.g. "org:admin". */
    key: z.string(),
    name: z.string(),
    /** Admins have ADMIN on the organization's boards. */
    isAdmin: z.boolean(),
  })
  .meta({ id: 'Role' });

export const ZOrganization = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string().nullable(),
    imageUrl: z.string().nullable(),
    createdAt: ZIsoDate,
    /** Your role in it. */
    role: ZRole.nullable(),
  })
  .meta({ id: 'Organization' });

export const ZMember = z
  .object({
    user: ZPublicUser,
    role: ZRole,
    joinedAt: ZIsoDate,
  })
  .meta({ id: 'OrganizationMember' });

export const ZListOrganizationsInput = z.strictObject({ ...ZPaginationInput.shape }).optional();

export const ZGetOrganizationInput = z.strictObject({ organizationId: ZId });

export const ZListMembersInput = z.strictObject({ organizationId: ZId, ...ZPaginationInput.shape });
