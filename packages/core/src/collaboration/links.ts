import type { LinkType, Prisma } from '@ap/db/client';
import { recordOnActionPointBoards } from '../boards/activity.ts';
import { actionPointVisibleTo, linkVisibleTo, requireActionPoint } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';

export const MAX_LINKS_PER_ACTION_POINT = 500;

const endSelect = { id: true, title: true } satisfies Prisma.ActionPointSelect;

export const linkSelect = {
  id: true,
  sourceId: true,
  targetId: true,
  type: true,
  createdById: true,
  createdAt: true,
  source: { select: endSelect },
  target: { select: endSelect },
} satisfies Prisma.LinkedActionPointSelect;

type LinkRecord = Prisma.LinkedActionPointGetPayload<{ select: typeof linkSelect }>;

export interface LinkRow {
  id: string;
  sourceId: string;
  targetId: string;
  type: LinkType;
  /** `outgoing` when the listed action point is the source. */
  direction: 'outgoing' | 'incoming';
  /** The other end, as seen from the listed action point. */
  other: { id: string; title: string };
  createdById: string;
  createdAt: Date;
}

function toRow(link: LinkRecord, from: string): LinkRow {
  const outgoing = link.sourceId === from;
  return {
    id: link.id,
    sourceId: link.sourceId,
    targetId: link.targetId,
    type: link.type,
    direction: outgoing ? 'outgoing' : 'incoming',
    other: outgoing ? link.target : link.source,
    createdById: link.createdById,
    createdAt: link.createdAt,
  };
}

/** Links from and to an action point whose other end the caller can see, oldest first. */
export async function listLinks(
  svc: ServiceContext,
  input: { actionPointId: string; cursor?: string; limit: number },
): Promise<Page<LinkRow>> {
  await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'VIEW');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.linkedActionPoint.findMany({
    where: {
      AND: [
        {
          OR: [
            { sourceId: input.actionPointId, target: actionPointVisibleTo(svc.userId) },
            { targetId: input.actionPointId, source: actionPointVisibleTo(svc.userId) },
          ],
        },
        afterCreatedAt(after, 'asc'),
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: linkSelect,
  });
  const page = toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map((l) => toRow(l, input.actionPointId)), nextCursor: page.nextCursor };
}

/** Links the action point (EDIT) to another one the caller can see. */
export async function createLink(
  svc: ServiceContext,
  input: { actionPointId: string; targetId: string; type: LinkType },
): Promise<LinkRow> {
  return mutate(svc, async (tx, events) => {
    await requireActionPoint(tx, svc.userId, input.actionPointId, 'EDIT');
    if (input.targetId === input.actionPointId) {
      throw new AppError('BAD_REQUEST', 'An action point cannot be linked to itself', {
        fields: [{ path: 'targetId', message: 'is the action point itself' }],
      });
    }
    await requireActionPoint(tx, svc.userId, input.targetId, 'VIEW');
    const existing = await tx.linkedActionPoint.findUnique({
      where: { sourceId_targetId_type: { sourceId: input.actionPointId, targetId: input.targetId, type: input.type } },
      select: { id: true },
    });
    if (existing) throw conflict('These action points are already linked this way', { linkId: existing.id });
    const count = await tx.linkedActionPoint.count({ where: { sourceId: input.actionPointId } });
    if (count >= MAX_LINKS_PER_ACTION_POINT) {
      throw new AppError('BAD_REQUEST', `An action point has at most ${MAX_LINKS_PER_ACTION_POINT} links`);
    }
    const link = await tx.linkedActionPoint.create({
      data: { sourceId: input.actionPointId, targetId: input.targetId, type: input.type, createdById: svc.userId },
      select: linkSelect,
    });
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: input.actionPointId,
        by: svc,
        action: 'link.created',
        entityType: 'link',
        entityId: link.id,
        changes: { targetId: input.targetId, type: input.type },
      },
      events,
    );
    return toRow(link, input.actionPointId);
  });
}

/** Removes a link (EDIT on its source). */
export async function deleteLink(svc: ServiceContext, input: { linkId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const link = await tx.linkedActionPoint.findFirst({
      where: { id: input.linkId, ...linkVisibleTo(svc.userId) },
      select: { id: true, sourceId: true, targetId: true, type: true },
    });
    if (!link) throw notFound('Link');
    await requireActionPoint(tx, svc.userId, link.sourceId, 'EDIT');
    await tx.linkedActionPoint.delete({ where: { id: link.id } });
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: link.sourceId,
        by: svc,
        action: 'link.deleted',
        entityType: 'link',
        entityId: link.id,
        changes: { targetId: link.targetId, type: link.type },
      },
      events,
    );
  });
}
