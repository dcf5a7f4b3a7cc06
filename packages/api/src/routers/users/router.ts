import { z } from 'zod';
import { getActiveUser, toPublicUser, updateProfile, type LocalUser } from '@ap/core/identity/users';
import type { ClerkUser } from '@ap/auth/types';
import { searchUsers } from '@ap/core/identity/user-search';
import { paginated, ZPublicUser } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZMe, ZSearchUsersInput, ZUpdateMeInput } from './users.schema.ts';

function toMe(user: LocalUser, clerkUser: ClerkUser): z.input<typeof ZMe> {
  const org = clerkUser.organization;
  return {
    ...toPublicUser(user),
    clerkId: user.clerkId,
    createdAt: user.createdAt.toISOString(),
    organization: org ? { id: org.id, slug: org.slug ?? null, role: org.role ?? null } : null,
  };
}

async function meHandler({ ctx }: AuthedArgs) {
  return toMe(await getActiveUser(ctx.deps.db, ctx.user.id), ctx.clerkUser);
}

async function updateMeHandler({ ctx, input }: AuthedArgs<typeof ZUpdateMeInput>) {
  return toMe(await updateProfile(ctx.deps.db, ctx.user.id, input), ctx.clerkUser);
}

function searchHandler({ ctx, input }: AuthedArgs<typeof ZSearchUsersInput>) {
  return searchUsers(ctx.deps.db, ctx.user.id, input);
}

export const usersRouter = router({
  me: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/users/me', tags: ['users'], summary: 'The signed-in user' } })
    .input(z.object({}).optional())
    .output(ZMe)
    .query(meHandler),

  updateMe: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/users/me', tags: ['users'], summary: 'Update your profile' } })
    .input(ZUpdateMeInput)
    .output(ZMe)
    .mutation(updateMeHandler),

  search: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/users',
        tags: ['users'],
        summary: 'Find people who share an organization or a board with you, by name or email',
      },
    })
    .input(ZSearchUsersInput)
    .output(paginated(ZPublicUser))
    .query(searchHandler),
});
