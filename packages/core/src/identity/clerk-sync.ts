/**
 * Keeps users, organizations, roles and memberships in step with Clerk, from its
 * webhooks (the organization claims of session tokens: organization-claims.ts).
 *
 * Webhook deliveries are recorded by svix-id and applied at most once. Every change
 * is ordered by Clerk's `updated_at` (stored as `clerkUpdatedAt`): an older state
 * never overwrites a newer one, an update that arrives before its create provisions
 * the row, and deletions are terminal (a late update does not bring anything back).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbTx, Prisma } from '@ap/db/client';
import { AppError } from '../shared/errors.ts';
import { toStorableJson, toStorableText, truncateText } from '../shared/text.ts';
import type { DomainEvent, EventBus } from '../shared/events.ts';
import { mutate } from '../shared/tx.ts';
import { provisionWorkspace } from './workspace.ts';

export const DELETED_USER_NAME = 'Deleted user';

type Events = DomainEvent[];
type Outcome = 'processed' | 'stale' | 'ignored';

// ---------------------------------------------------------------- payloads

/** Text from Clerk, made storable (no NUL, no lone surrogate) so a signed event is never refused forever. */
const ZClerkText = z.string().overwrite(toStorableText);

const ZMillis = z.number().int().nonnegative();

const ZClerkUser = z.looseObject({
  id: ZClerkText.min(1),
  email_addresses: z.array(z.looseObject({ id: ZClerkText, email_address: ZClerkText })).nullish(),
  primary_email_address_id: ZClerkText.nullish(),
  first_name: ZClerkText.nullish(),
  last_name: ZClerkText.nullish(),
  username: ZClerkText.nullish(),
  image_url: ZClerkText.nullish(),
  created_at: ZMillis.nullish(),
  updated_at: ZMillis.nullish(),
});

const ZDeleted = z.looseObject({ id: ZClerkText.min(1) });

const ZClerkOrganization = z.looseObject({
  id: ZClerkText.min(1),
  name: ZClerkText,
  slug: ZClerkText.nullish(),
  image_url: ZClerkText.nullish(),
  created_at: ZMillis.nullish(),
  updated_at: ZMillis.nullish(),
});

const ZClerkMembership = z.looseObject({
  id: ZClerkText.min(1),
  role: ZClerkText.min(1),
  organization: ZClerkOrganization,
  public_user_data: z.looseObject({
    user_id: ZClerkText.min(1),
    first_name: ZClerkText.nullish(),
    last_name: ZClerkText.nullish(),
    image_url: ZClerkText.nullish(),
    identifier: ZClerkText.nullish(),
  }),
  created_at: ZMillis.nullish(),
  updated_at: ZMillis.nullish(),
});

const ZEnvelope = z.looseObject({
  type: ZClerkText.min(1).max(100),
  data: z.looseObject({}),
  timestamp: ZMillis.nullish(),
});

type ClerkUserData = z.infer<typeof ZClerkUser>;
type ClerkOrganizationData = z.infer<typeof ZClerkOrganization>;
type ClerkMembershipData = z.infer<typeof ZClerkMembership>;

const stamp = (data: { updated_at?: number | null; created_at?: number | null }, fallback: Date): Date =>
  data.updated_at != null ? new Date(data.updated_at) : data.created_at != null ? new Date(data.created_at) : fallback;

const newer = (ts: Date): Prisma.UserWhereInput => ({ OR: [{ clerkUpdatedAt: null }, { clerkUpdatedAt: { lt: ts } }] });

function displayNameOf(d: { first_name?: string | null; last_name?: string | null; username?: string | null }): string | null {
  const full = [d.first_name, d.last_name]
    .filter((s) => s?.trim())
    .join(' ')
    .trim();
  return full || d.username?.trim() || null;
}

function primaryEmail(d: ClerkUserData): string | null {
  const list = d.email_addresses ?? [];
  const primary = list.find((e) => e.id === d.primary_email_address_id) ?? list[0];
  return primary?.email_address.toLowerCase() ?? null;
}

const accessEvent = (userIds: string[], boardId: string | null = null): DomainEvent => ({
  kind: 'access',
  id: randomUUID(),
  boardId,
  actionPointId: null,
  userIds,
  at: new Date().toISOString(),
});

// ---------------------------------------------------------------- users

/** Applies a user's profile unless a newer one is stored; creates the user if needed. */
export async function applyUser(tx: DbTx, data: ClerkUserData, ts: Date): Promise<Outcome> {
  const profile = { email: primaryEmail(data), displayName: displayNameOf(data), imageUrl: data.image_url ?? null };
  const created = await tx.user.createMany({
    data: [{ clerkId: data.id, ...profile, clerkUpdatedAt: ts }],
    skipDuplicates: true,
  });
  const updated =
    created.count > 0
      ? created
      : await tx.user.updateMany({
          where: { clerkId: data.id, deletedAt: null, ...newer(ts) },
          data: { ...profile, clerkUpdatedAt: ts },
        });
  const user = await tx.user.findUnique({ where: { clerkId: data.id }, select: { id: true, deletedAt: true } });
  if (user && !user.deletedAt) await provisionWorkspace(tx, user.id);
  return updated.count > 0 ? 'processed' : 'stale';
}

/**
 * Deletes a user: anonymized, signed out for good, every grant, share, membership and
 * notification of theirs removed; what they wrote stays, attributed to a deleted user.
 * A user never seen before is recorded as deleted, so a late create cannot add them.
 */
export async function applyUserDeleted(tx: DbTx, clerkId: string, events: Events): Promise<Outcome> {
  const now = new Date();
  const anonymous = { email: null, displayName: DELETED_USER_NAME, imageUrl: null };
  await tx.user.createMany({
    data: [{ clerkId, ...anonymous, deletedAt: now, provisionedAt: now }],
    skipDuplicates: true,
  });
  const user = await tx.user.findUniqueOrThrow({ where: { clerkId }, select: { id: true, deletedAt: true } });
  await tx.user.update({ where: { id: user.id }, data: { ...anonymous, deletedAt: user.deletedAt ?? now } });
  const grants = await tx.boardPermission.findMany({ where: { userId: user.id }, select: { boardId: true } });
  await tx.boardPermission.deleteMany({ where: { userId: user.id } });
  await tx.actionPointShare.deleteMany({ where: { userId: user.id } });
  await tx.userRole.deleteMany({ where: { userId: user.id } });
  await tx.notification.deleteMany({ where: { userId: user.id } });
  events.push(accessEvent([user.id]));
  for (const g of grants) events.push(accessEvent([user.id], g.boardId));
  return 'processed';
}

// ---------------------------------------------------------------- organizations

/** Applies an organization's state unless a newer one is stored; returns its row. */
async function upsertOrganization(tx: DbTx, data: ClerkOrganizationData, ts: Date) {
  const fields = { name: data.name, slug: data.slug ?? null, imageUrl: data.image_url ?? null };
  const created = await tx.organization.createMany({
    data: [{ clerkId: data.id, ...fields, clerkUpdatedAt: ts }],
    skipDuplicates: true,
  });
  const updated =
    created.count > 0
      ? created
      : await tx.organization.updateMany({
          where: { clerkId: data.id, deletedAt: null, OR: [{ clerkUpdatedAt: null }, { clerkUpdatedAt: { lt: ts } }] },
          data: { ...fields, clerkUpdatedAt: ts },
        });
  const org = await tx.organization.findUniqueOrThrow({ where: { clerkId: data.id }, select: { id: true, deletedAt: true } });
  return { ...org, changed: updated.count > 0 };
}

export async function applyOrganization(tx: DbTx, data: ClerkOrganizationData, ts: Date): Promise<Outcome> {
  return (await upsertOrganization(tx, data, ts)).changed ? 'processed' : 'stale';
}

/** Deletes an organization: its members lose their roles (and admin access to its boards). */
export async function applyOrganizationDeleted(tx: DbTx, clerkId: string, events: Events): Promise<Outcome> {
  const now = new Date();
  await tx.organization.createMany({
    data: [{ clerkId, name: 'Deleted organization', deletedAt: now }],
    skipDuplicates: true,
  });
  const org = await tx.organization.findUniqueOrThrow({ where: { clerkId }, select: { id: true, deletedAt: true } });
  if (!org.deletedAt) await tx.organization.update({ where: { id: org.id }, data: { deletedAt: now } });
  const members = await tx.userRole.findMany({ where: { organizationId: org.id }, select: { userId: true } });
  await tx.userRole.deleteMany({ where: { organizationId: org.id } });
  if (members.length) events.push(accessEvent(members.map((m) => m.userId)));
  return 'processed';
}

// ---------------------------------------------------------------- roles and memberships

/** "admin" (v2 token claim) and "org:admin" (webhooks) are the same role. */
export const roleKey = (role: string): string => (role.includes(':') ? role : `org:${role}`);

export async function ensureRole(tx: DbTx, role: string): Promise<{ id: string; isAdmin: boolean }> {
  const key = roleKey(role);
  const short = key.slice(key.indexOf(':') + 1);
  await tx.role.createMany({
    data: [{ key, name: short.charAt(0).toUpperCase() + short.slice(1).replace(/_/g, ' '), isAdmin: short === 'admin' }],
    skipDuplicates: true,
  });
  return tx.role.findUniqueOrThrow({ where: { key }, select: { id: true, isAdmin: true } });
}

/** The local user of a Clerk id seen in someone else's payload (created if unknown). */
async function ensureUserRow(tx: DbTx, data: ClerkMembershipData['public_user_data']): Promise<{ id: string; deletedAt: Date | null }> {
  const identifier = data.identifier?.trim();
  await tx.user.createMany({
    data: [
      {
        clerkId: data.user_id,
        email: identifier?.includes('@') ? identifier.toLowerCase() : null,
        displayName: displayNameOf(data),
        imageUrl: data.image_url ?? null,
      },
    ],
    skipDuplicates: true,
  });
  const user = await tx.user.findUniqueOrThrow({ where: { clerkId: data.user_id }, select: { id: true, deletedAt: true } });
  if (!user.deletedAt) await provisionWorkspace(tx, user.id);
  return user;
}

/** Sets a member's role unless a newer membership state is stored. */
export async function setMembership(
  tx: DbTx,
  input: { userId: string; organizationId: string; role: string; ts: Date; sameTimeWins?: boolean },
  events: Events,
): Promise<Outcome> {
  const role = await ensureRole(tx, input.role);
  const key = { userId: input.userId, organizationId: input.organizationId };
  const before = await tx.userRole.findUnique({
    where: { userId_organizationId: key },
    select: { role: { select: { isAdmin: true } } },
  });
  const created = await tx.userRole.createMany({
    data: [{ ...key, roleId: role.id, clerkUpdatedAt: input.ts }],
    skipDuplicates: true,
  });
  if (created.count > 0) return 'processed';
  const updated = await tx.userRole.updateMany({
    where: {
      ...key,
      OR: [{ clerkUpdatedAt: null }, { clerkUpdatedAt: input.sameTimeWins ? { lte: input.ts } : { lt: input.ts } }],
    },
    data: { roleId: role.id, clerkUpdatedAt: input.ts },
  });
  if (updated.count === 0) return 'stale';
  if (before?.role.isAdmin && !role.isAdmin) events.push(accessEvent([input.userId]));
  return 'processed';
}

/** Was this membership (Clerk membership id) already deleted? Deletions are terminal. */
async function membershipDeleted(tx: DbTx, membershipId: string): Promise<boolean> {
  const found = await tx.webhookDelivery.findFirst({
    where: {
      type: 'organizationMembership.deleted',
      status: 'processed',
      payload: { path: ['data', 'id'], equals: membershipId },
    },
    select: { id: true },
  });
  return !!found;
}

export async function applyMembership(tx: DbTx, data: ClerkMembershipData, ts: Date, events: Events): Promise<Outcome> {
  const org = await upsertOrganization(tx, data.organization, stamp(data.organization, ts));
  if (org.deletedAt) return 'stale';
  const user = await ensureUserRow(tx, data.public_user_data);
  if (user.deletedAt) return 'stale';
  if (await membershipDeleted(tx, data.id)) return 'stale';
  return setMembership(tx, { userId: user.id, organizationId: org.id, role: data.role, ts }, events);
}

export async function applyMembershipDeleted(tx: DbTx, data: ClerkMembershipData, ts: Date, events: Events): Promise<Outcome> {
  const [org, user] = await Promise.all([
    tx.organization.findUnique({ where: { clerkId: data.organization.id }, select: { id: true } }),
    tx.user.findUnique({ where: { clerkId: data.public_user_data.user_id }, select: { id: true } }),
  ]);
  if (!org || !user) return 'processed';
  const removed = await tx.userRole.deleteMany({
    where: {
      userId: user.id,
      organizationId: org.id,
      OR: [{ clerkUpdatedAt: null }, { clerkUpdatedAt: { lte: ts } }],
    },
  });
  if (removed.count > 0) events.push(accessEvent([user.id]));
  return 'processed';
}

// ---------------------------------------------------------------- webhook deliveries

export interface WebhookResult {
  /** `duplicate`: this svix-id was already applied (acknowledged, nothing done). */
  status: Outcome | 'duplicate';
  type: string;
}

const MAX_ERROR_CHARS = 500;

/**
 * Records a verified Clerk delivery and applies it once. A delivery already applied
 * is acknowledged as a duplicate; one that failed before is applied again. A failure
 * rolls the change back, is recorded, and is rethrown (the caller answers 5xx so
 * Clerk retries). A payload that does not fit its type is recorded and refused.
 */
export async function handleClerkWebhook(
  svc: { db: Db; events: EventBus },
  delivery: { id: string; payload: unknown },
): Promise<WebhookResult> {
  const envelope = ZEnvelope.safeParse(delivery.payload);
  const type = envelope.success ? envelope.data.type : 'invalid';
  // Stored as jsonb, which takes neither NUL nor lone surrogates.
  const payload = toStorableJson(delivery.payload ?? {}) as Prisma.InputJsonValue;
  const record = (status: string, error: string | null) =>
    svc.db.webhookDelivery.upsert({
      where: { id: delivery.id },
      create: { id: delivery.id, source: 'clerk', type, status, error, payload },
      update: { status, error, attempts: { increment: 1 } },
      select: { id: true },
    });
  if (!envelope.success) {
    await record('invalid', 'not a Clerk event');
    throw new AppError('BAD_REQUEST', 'Not a Clerk event (type and data are required)');
  }
  const { data } = envelope.data;
  const fallback = envelope.data.timestamp != null ? new Date(envelope.data.timestamp) : new Date();

  let apply: ((tx: DbTx, events: Events) => Promise<Outcome>) | null;
  try {
    apply = handlerFor(type, data, fallback);
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : String(err);
    await record('invalid', truncateText(toStorableText(message), MAX_ERROR_CHARS));
    throw new AppError('BAD_REQUEST', `The ${type} payload is not valid`);
  }

  try {
    return await mutate(svc, async (tx, events) => {
      const row = await tx.webhookDelivery.upsert({
        where: { id: delivery.id },
        create: { id: delivery.id, source: 'clerk', type, status: 'received', payload },
        update: { attempts: { increment: 1 } },
        select: { processedAt: true },
      });
      // The upsert row-locks the delivery: a concurrent copy waits here, then sees it applied.
      if (row.processedAt) return { status: 'duplicate', type } as const;
      const status = apply ? await apply(tx, events) : 'ignored';
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { status, error: null, processedAt: new Date() },
      });
      return { status, type };
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await record('failed', truncateText(toStorableText(message), MAX_ERROR_CHARS)).catch(() => {});
    throw err;
  }
}

/** The change a delivery makes, or null for types this service does not handle. */
function handlerFor(type: string, data: Record<string, unknown>, fallback: Date): ((tx: DbTx, events: Events) => Promise<Outcome>) | null {
  switch (type) {
    case 'user.created':
    case 'user.updated': {
      const d = ZClerkUser.parse(data);
      return (tx) => applyUser(tx, d, stamp(d, fallback));
    }
    case 'user.deleted': {
      const d = ZDeleted.parse(data);
      return (tx, events) => applyUserDeleted(tx, d.id, events);
    }
    case 'organization.created':
    case 'organization.updated': {
      const d = ZClerkOrganization.parse(data);
      return (tx) => applyOrganization(tx, d, stamp(d, fallback));
    }
    case 'organization.deleted': {
      const d = ZDeleted.parse(data);
      return (tx, events) => applyOrganizationDeleted(tx, d.id, events);
    }
    case 'organizationMembership.created':
    case 'organizationMembership.updated': {
      const d = ZClerkMembership.parse(data);
      return (tx, events) => applyMembership(tx, d, stamp(d, fallback), events);
    }
    case 'organizationMembership.deleted': {
      const d = ZClerkMembership.parse(data);
      return (tx, events) => applyMembershipDeleted(tx, d, stamp(d, fallback), events);
    }
    default:
      return null;
  }
}
