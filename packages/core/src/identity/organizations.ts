/** Organizations the caller belongs to, and their members. */
import type { DbTx, Prisma } from '@ap/db/client';
import { organizationVisibleTo } from '../access/rules.ts';
import { AppError } from '../shared/errors.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { toPublicUser } from './users.ts';

const roleSelect = { key: true, name: true, isAdmin: true } as const satisfies Prisma.RoleSelect;

const organizationSelect = (userId: string) =>
  ({
    id: true,
    name: true,
    slug: true,
    imageUrl: true,
    createdAt: true,
    members: { where: { userId }, select: { role: { select: roleSelect } } },
  }) as const satisfies Prisma.OrganizationSelect;

type OrganizationRow = Prisma.OrganizationGetPayload<{ select: ReturnType<typeof organizationSelect> }>;

export interface OrganizationItem {
  id: string;
  name: string;
  slug: string | null;
  imageUrl: string | null;
  createdAt: Date;
  /** The caller's role in it. */
  role: { key: string; name: string; isAdmin: boolean } | null;
}

const toItem = (row: OrganizationRow): OrganizationItem => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  imageUrl: row.imageUrl,
  createdAt: row.createdAt,
  role: row.members[0]?.role ?? null,
});

/** By name, then id. */
export async function listOrganizations(
  db: DbTx,
  userId: string,
  input: { cursor?: string; limit: number },
): Promise<Page<OrganizationItem>> {
  const [name, id] = decodeCursor(input.cursor, ['text', 'uuid']) ?? [null, null];
  const rows = await db.organization.findMany({
    where: {
      ...organizationVisibleTo(userId),
      ...(name !== null && id !== null ? { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: organizationSelect(userId),
  });
  return toPage(rows.map(toItem), input.limit, (o) => [o.name, o.id]);
}

export async function getOrganization(db: DbTx, userId: string, organizationId: string): Promise<OrganizationItem> {
  const row = await db.organization.findFirst({
    where: { id: organizationId, ...organizationVisibleTo(userId) },
    select: organizationSelect(userId),
  });
  if (!row) throw new AppError('NOT_FOUND', 'Organization not found');
  return toItem(row);
}

export interface MemberItem {
  user: ReturnType<typeof toPublicUser>;
  role: { key: string; name: string; isAdmin: boolean };
  joinedAt: Date;
}

/** Members of an organization the caller belongs to, by join date. */
export async function listMembers(
  db: DbTx,
  userId: string,
  input: { organizationId: string; cursor?: string; limit: number },
): Promise<Page<MemberItem & { id: string }>> {
  const org = await db.organization.findFirst({
    where: { id: input.organizationId, ...organizationVisibleTo(userId) },
    select: { id: true },
  });
  if (!org) throw new AppError('NOT_FOUND', 'Organization not found');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await db.userRole.findMany({
    where: {
      organizationId: org.id,
      user: { deletedAt: null },
      ...afterCreatedAt(after, 'asc'),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: {
      id: true,
      createdAt: true,
      role: { select: roleSelect },
      user: { select: { id: true, email: true, displayName: true, imageUrl: true } },
    },
  });
  const items = rows.map((r) => ({ id: r.id, user: toPublicUser(r.user), role: r.role, joinedAt: r.createdAt }));
  return toPage(items, input.limit, (m) => [m.joinedAt.toISOString(), m.id]);
}
