import type { Db } from '@ap/db/client';
import { syncOrganizationClaims } from './organization-claims.ts';
import { AppError } from '../shared/errors.ts';
import { onResync } from '../shared/event-bus.ts';
import type { EventBus } from '../shared/events.ts';
import { ensureWorkspace } from './workspace.ts';
import { toStorableText } from '../shared/text.ts';

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

/** The caller as a request knows it: their local id (profile fields are read where they are shown). */
export interface ActiveUser {
  id: string;
  clerkId: string;
}

/**
 * Callers recently found active, by Clerk id, so that most requests do not read
 * their caller's row. An entry lasts `ttlMs` at most, and is dropped in every
 * server process as soon as the account's access changes (a deletion publishes an
 * account-wide 'access' event, see follow); everything is dropped when the event
 * bus may have missed events. An answer read before a drop is not kept after it.
 */
export class ActiveUsers {
  private readonly entries = new Map<string, { user: ActiveUser; at: number }>();
  /** Bumped by every drop: a lookup that started before one does not store its answer. */
  private generation = 0;

  constructor(private readonly opts: { ttlMs?: number; max?: number } = {}) {}

  get(clerkId: string): ActiveUser | null {
    const hit = this.entries.get(clerkId);
    if (!hit) return null;
    if (Date.now() - hit.at <= (this.opts.ttlMs ?? 60_000)) return hit.user;
    this.entries.delete(clerkId);
    return null;
  }

  /** A token for `set`: the answer of a lookup started now may be stored unless something was dropped meanwhile. */
  begin(): number {
    return this.generation;
  }

  set(user: ActiveUser, since: number): void {
    if (since !== this.generation) return;
    if (this.entries.size >= (this.opts.max ?? 10_000)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(user.clerkId, { user, at: Date.now() });
  }

  forget(userIds: string[]): void {
    this.generation++;
    for (const [clerkId, { user }] of this.entries) if (userIds.includes(user.id)) this.entries.delete(clerkId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Keeps the cache in step with the bus's account events; returns what stops it. */
  follow(bus: EventBus): () => void {
    const offEvents = bus.subscribe((e) => {
      if (e.kind === 'access' && e.boardId === null && e.actionPointId === null) this.forget(e.userIds);
    });
    const offResync = onResync(bus, () => this.clear());
    return () => {
      offEvents();
      offResync();
    };
  }
}

/**
 * The local User of a verified identity, created on first sight. Concurrent first
 * requests (and a concurrent Clerk webhook) converge on one row (INSERT … ON CONFLICT
 * DO NOTHING, then read). Profile fields missing from the token are filled from
 * `profiles` on creation. A new user's personal workspace is provisioned exactly once;
 * the token's organization claims are synced when they differ from what is stored.
 * A deleted user is refused. With `users`, a caller found active recently is not
 * read again.
 */
export async function ensureUser(
  deps: { db: Db; profiles?: ProfileLookup; events?: EventBus; users?: ActiveUsers },
  identity: Identity,
): Promise<ActiveUser> {
  const known = deps.users?.get(identity.clerkId);
  if (known) {
    await syncClaims(deps, known, identity);
    return known;
  }
  const since = deps.users?.begin() ?? 0;
  const select = { id: true, clerkId: true, deletedAt: true, provisionedAt: true } as const;
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
          email: email ? toStorableText(email).toLowerCase() : null,
          displayName: name ? toStorableText(name) : null,
          imageUrl: imageUrl ? toStorableText(imageUrl) : null,
        },
      ],
      skipDuplicates: true,
    });
    user = await deps.db.user.findUniqueOrThrow({ where: { clerkId: identity.clerkId }, select });
  }
  if (user.deletedAt) throw new AppError('UNAUTHORIZED', 'This account has been deleted');
  if (!user.provisionedAt) await ensureWorkspace(deps.db, user.id);
  const active = { id: user.id, clerkId: user.clerkId };
  await syncClaims(deps, active, identity);
  deps.users?.set(active, since);
  return active;
}

/** Syncs the token's organization claims (when it has any). */
async function syncClaims(deps: { db: Db; events?: EventBus }, user: ActiveUser, identity: Identity): Promise<void> {
  if (!identity.organization) return;
  const iat = identity.claims?.iat;
  await syncOrganizationClaims(deps, user, identity.organization, typeof iat === 'number' ? new Date(iat * 1000) : new Date());
}

/** A user's row as shown to them; an absent or deleted user is unauthorized. */
export async function getActiveUser(db: Db, userId: string): Promise<LocalUser> {
  const user = await db.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user || user.deletedAt) throw new AppError('UNAUTHORIZED', 'This account has been deleted');
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
