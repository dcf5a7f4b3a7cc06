import type { Db } from '@ap/db/client';
import { syncOrganizationClaims } from './clerk-sync.ts';
import { AppError } from './errors.ts';
import type { EventBus } from './events.ts';
import { ensureWorkspace } from './workspace.ts';

/** What identity verification says about the caller (a ClerkUser fits). */
export interface Identity {
  clerkId: string;
  email?: string;
  name?: string;
  imageUrl?: string;
  /** The token's active organization (v2 `o`), synced into Organization/Role/UserRole. */
  organization?: { id: string; slug?: string; role?: string };
  /** Token claims; `iat` orders token organization claims against webhooks. */
  claims?: { iat?: number };
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
 * requests (and a concurrent Clerk webhook) converge on one row (INSERT … ON CONFLICT
 * DO NOTHING, then read). Profile fields missing from the token are filled from
 * `profiles` on creation. A new user's personal workspace is provisioned exactly once;
 * the token's organization claims are synced when they differ from what is stored.
 * A deleted user is refused.
 */
export async function ensureUser(
  deps: { db: Db; profiles?: ProfileLookup; events?: EventBus },
  identity: Identity,
): Promise<LocalUser> {
  const select = { ...userSelect, provisionedAt: true } as const;
  let user = await deps.db.user.findUnique({ where: { clerkId: identity.clerkId }, select });
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
    user = await deps.db.user.findUniqueOrThrow({ where: { clerkId: identity.clerkId }, select });
  }
  if (user.deletedAt) throw new AppError('UNAUTHORIZED', 'This account has been deleted');
  if (!user.provisionedAt) await ensureWorkspace(deps.db, user.id);
  if (identity.organization) {
    const iat = identity.claims?.iat;
    await syncOrganizationClaims(
      deps,
      user,
      identity.organization,
      typeof iat === 'number' ? new Date(iat * 1000) : new Date(),
    );
  }
  const { provisionedAt: _provisioned, ...local } = user;
  return local;
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
