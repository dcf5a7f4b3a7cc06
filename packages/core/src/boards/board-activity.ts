import type { Prisma } from '@ap/db/client';
import { requireBoard } from '../access/rules.ts';
import { activityEventSelect } from './board-events.ts';
import type { ServiceContext } from '../shared/context.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';

export const activitySelect = {
  ...activityEventSelect,
  actor: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} satisfies Prisma.ActivitySelect;

export type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

/** Who changed what on a board, newest first (VIEW on the board). */
export async function listBoardActivity(
  svc: ServiceContext,
  input: { boardId: string; cursor?: string; limit: number },
): Promise<Page<ActivityRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const before = decodeCursor(input.cursor, ['seq'])?.[0] ?? null;
  const rows = await svc.db.activity.findMany({
    where: { boardId: input.boardId, ...(before !== null ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: activitySelect,
  });
  return toPage(rows, input.limit, (r) => [r.id.toString()]);
}
