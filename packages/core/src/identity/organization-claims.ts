/**
 * The active organization of a session token (v2 claim `o`), applied like a webhook
 * would be: ordered against Clerk's `updated_at`, never restoring a membership a
 * webhook removed later.
 */
import type { Db, DbTx } from '@ap/db/client';
import type { EventBus } from '../shared/events.ts';
import { mutate } from '../shared/tx.ts';
import { roleKey, setMembership } from './clerk-sync.ts';

export interface OrganizationClaims {
  id: string;
  slug?: string;
  role?: string;
}

/** Recently confirmed (user, organization, role) triples: most requests skip the database. */
const confirmed = new Map<string, number>();
const CONFIRMED_TTL_MS = 60_000;
const CONFIRMED_MAX = 10_000;

/** Forgets the confirmations cached by `syncOrganizationClaims` (tests, or after a webhook). */
export function forgetConfirmedClaims(): void {
  confirmed.clear();
}

/**
 * Applies the active organization of a session token (v2 `o`: id, slg, rol): creates
 * the organization, role and membership when unknown, or changes the role, unless a
 * webhook stored a newer state (token `iat` vs `clerkUpdatedAt`). Cheap when nothing
 * changed: a cached confirmation, else one indexed read.
 */
export async function syncOrganizationClaims(
  svc: { db: Db; events?: EventBus },
  user: { id: string; clerkId: string },
  claims: OrganizationClaims,
  issuedAt: Date,
): Promise<void> {
  if (!claims.role) return;
  const key = roleKey(claims.role);
  const cacheKey = `${user.id}|${claims.id}|${key}`;
  const seen = confirmed.get(cacheKey);
  if (seen && Date.now() - seen < CONFIRMED_TTL_MS) return;

  const current = await svc.db.userRole.findFirst({
    where: { userId: user.id, organization: { clerkId: claims.id } },
    select: { clerkUpdatedAt: true, role: { select: { key: true } }, organization: { select: { deletedAt: true } } },
  });
  const remember = () => {
    if (confirmed.size >= CONFIRMED_MAX) confirmed.clear();
    confirmed.set(cacheKey, Date.now());
  };
  if (current && (current.role.key === key || current.organization.deletedAt)) return remember();
  // `iat` has a one-second resolution: within the same second the token wins.
  if (current?.clerkUpdatedAt && current.clerkUpdatedAt > issuedAt) return;

  const events = svc.events ?? { publish() {}, subscribe: () => () => {} };
  await mutate({ db: svc.db, events }, async (tx, out) => {
    await tx.organization.createMany({
      data: [{ clerkId: claims.id, name: claims.slug ?? claims.id, slug: claims.slug ?? null }],
      skipDuplicates: true,
    });
    const org = await tx.organization.findUniqueOrThrow({ where: { clerkId: claims.id }, select: { id: true, deletedAt: true } });
    if (org.deletedAt) return;
    if (!current && (await removedSince(tx, claims.id, user.clerkId, issuedAt))) return;
    await setMembership(tx, { userId: user.id, organizationId: org.id, role: key, ts: issuedAt, sameTimeWins: true }, out);
  });
  remember();
}

/** Did a webhook remove this membership at or after `issuedAt` (an older token must not restore it)? */
async function removedSince(tx: DbTx, orgClerkId: string, userClerkId: string, issuedAt: Date): Promise<boolean> {
  const removals = await tx.webhookDelivery.findMany({
    where: {
      type: 'organizationMembership.deleted',
      status: 'processed',
      AND: [
        { payload: { path: ['data', 'organization', 'id'], equals: orgClerkId } },
        { payload: { path: ['data', 'public_user_data', 'user_id'], equals: userClerkId } },
      ],
    },
    select: { payload: true, receivedAt: true },
  });
  return removals.some((r) => {
    const updatedAt = (r.payload as { data?: { updated_at?: unknown } }).data?.updated_at;
    const at = typeof updatedAt === 'number' ? new Date(updatedAt) : r.receivedAt;
    return at >= issuedAt;
  });
}
