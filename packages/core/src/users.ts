import type { Db } from '@ap/db/client';
import { AppError } from './errors.ts';

/** What identity verification says about the caller (a ClerkUser fits). */
export interface Identity {
  clerkId: string;
  email?: string;
  name?: string;
  imageUrl?: string;
}

export interface ProfileLookup {
  fetchProfile(clerkId: string): Promise<{ email?: string; name?: string; imageUrl?: string } | null>;
}

export const userSelect = {
  id: true,
  clerkId: true,
  email: true,
  displayName: true,
  imageUrl: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type LocalUser = {
  id: string;
  clerkId: string;
  email: string | null;
  displayName: string | null;
  imageUrl: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The local User of a verified identity, created on first sight. Concurrent first
 * requests converge on one row (INSERT … ON CONFLICT DO NOTHING, then read).
 * Profile fields missing from the token are filled from `profiles` on creation.
 * A deleted user is refused.
 */
export async function ensureUser(
  deps: { db: Db; profiles?: ProfileLookup },
  identity: Identity,
): Promise<LocalUser> {
  let user = await deps.db.user.findUnique({ where: { clerkId: identity.clerkId }, select: userSelect });
  if (!user) {
    let { email, name, imageUrl } = identity;
    if (deps.profiles && (!email || !name)) {
      const profile = await deps.profiles.fetchProfile(identity.clerkId).catch(() => null);
      email ??= profile?.email;
      name ??= profile?.name;
      imageUrl ??= profile?.imageUrl;
    }
    await deps.db.user.createMany({
      data: [
        {
          clerkId: identity.clerkId,
          email: email?.toLowerCase() ?? null,
          displayName: name ?? null,
          imageUrl: imageUrl ?? null,
        },
      ],
      skipDuplicates: true,
    });
    user = await deps.db.user.findUniqueOrThrow({ where: { clerkId: identity.clerkId }, select: userSelect });
  }
  if (user.deletedAt) throw new AppError('UNAUTHORIZED', 'This account has been deleted');
  return user;
}

/** The public shape of a user. */
export function toPublicUser(u: Pick<LocalUser, 'id' | 'email' | 'displayName' | 'imageUrl'>) {
  return { id: u.id, email: u.email, displayName: u.displayName, imageUrl: u.imageUrl };
}

export async function updateProfile(
  db: Db,
  userId: string,
  input: { displayName?: string | null; imageUrl?: string | null },
): Promise<LocalUser> {
  return db.user.update({ where: { id: userId }, data: input, select: userSelect });
}
