/**
 * Finding people to share with, assign or mention: only among those who share an
 * organization or a board with the caller. Nobody else is ever matched, so neither
 * their existence nor their email address can be learned by searching.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { boardVisibleTo } from '../access/rules.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { toPublicUser } from './users.ts';

/** Other users who share an organization or a board with `userId`. */
export function knownTo(userId: string): Prisma.UserWhereInput {
  const sharedBoard = boardVisibleTo(userId);
  return {
    id: { not: userId },
    deletedAt: null,
    OR: [
      // A member of one of the caller's organizations.
      { roles: { some: { organization: { deletedAt: null, members: { some: { userId } } } } } },
      // Owner of, granted on, or admin (by organization) of a board the caller can see.
      { ownedBoards: { some: sharedBoard } },
      { boardPermissions: { some: { board: sharedBoard } } },
      {
        roles: {
          some: { role: { isAdmin: true }, organization: { deletedAt: null, boards: { some: sharedBoard } } },
        },
      },
    ],
  };
}

/** By display name (unnamed last), then id. Matches name or email, case-insensitively. */
export async function searchUsers(
  db: DbTx,
  userId: string,
  input: { q: string; cursor?: string; limit: number },
): Promise<Page<ReturnType<typeof toPublicUser>>> {
  const q = input.q.trim();
  const cursor = decodeCursor(input.cursor, ['nullableText', 'uuid']);
  let after: Prisma.UserWhereInput = {};
  if (cursor) {
    const [name, id] = cursor;
    after =
      name === null
        ? { displayName: null, id: { gt: id } }
        : { OR: [{ displayName: { gt: name } }, { displayName: name, id: { gt: id } }, { displayName: null }] };
  }
  const rows = await db.user.findMany({
    where: {
      AND: [
        knownTo(userId),
        {
          OR: [{ displayName: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }],
        },
        after,
      ],
    },
    orderBy: [{ displayName: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: input.limit + 1,
    select: { id: true, email: true, displayName: true, imageUrl: true },
  });
  return toPage(rows.map(toPublicUser), input.limit, (u) => [u.displayName, u.id]);
}
