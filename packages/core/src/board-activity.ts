import type { Prisma } from '@ap/db/client';
import { requireBoard } from './authorization.ts';
import type { ServiceContext } from './context.ts';
import { badRequest } from './errors.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';

export const activitySelect = {
  id: true,
  boardId: true,
  actionPointId: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  changes: true,
  createdAt: true,
  actor: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} satisfies Prisma.ActivitySelect;

export type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

/** Who changed what on a board, newest first (VIEW on the board). */
export async function listBoardActivity(
  svc: ServiceContext,
  input: { boardId: string; cursor?: string; limit: number },
): Promise<Page<ActivityRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const after = decodeCursor(input.cursor, 1);
  let before: bigint | null = null;
  if (after) {
    if (typeof after[0] !== 'string' || !/^\d{1,19}$/.test(after[0])) throw badRequest('Invalid cursor');
    before = BigInt(after[0]);
  }
  const rows = await svc.db.activity.findMany({
    where: { boardId: input.boardId, ...(before !== null ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: activitySelect,
  });
  return toPage(rows, input.limit, (r) => [r.id.toString()]);
}
