import type { z } from 'zod';
import { getOrganization, listMembers, listOrganizations, type OrganizationItem } from '@ap/core/identity/organizations';
import { paginated } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZGetOrganizationInput, ZListMembersInput, ZListOrganizationsInput, ZMember, ZOrganization } from './organizations.schema.ts';

const tags = ['organizations'];

const toOutput = (o: OrganizationItem): z.input<typeof ZOrganization> => ({ ...o, createdAt: o.createdAt.toISOString() });

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListOrganizationsInput>) {
  const page = await listOrganizations(ctx.deps.db, ctx.user.id, { limit: 50, ...input });
  return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
}

async function getHandler({ ctx, input }: AuthedArgs<typeof ZGetOrganizationInput>) {
  return toOutput(await getOrganization(ctx.deps.db, ctx.user.id, input.organizationId));
}

async function membersHandler({ ctx, input }: AuthedArgs<typeof ZListMembersInput>) {
  const page = await listMembers(ctx.deps.db, ctx.user.id, input);
  return {
    items: page.items.map((m) => ({ user: m.user, role: m.role, joinedAt: m.joinedAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}

export const organizationsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/organizations', tags, summary: 'Organizations you belong to' } })
    .input(ZListOrganizationsInput)
    .output(paginated(ZOrganization))
    .query(listHandler),

  get: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/organizations/{organizationId}', tags, summary: 'An organization you belong to' } })
    .input(ZGetOrganizationInput)
    .output(ZOrganization)
    .query(getHandler),

  members: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/organizations/{organizationId}/members',
        tags,
        summary: "An organization's members and their roles",
      },
    })
    .input(ZListMembersInput)
    .output(paginated(ZMember))
    .query(membersHandler),
});
