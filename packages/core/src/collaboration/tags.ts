import type { DbTx, Prisma } from '@ap/db/client';
import { recordActivity, diff } from '../boards/activity.ts';
import { requireActionPoint, requireBoard, tagVisibleTo, type Level } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, badRequest, conflict, notFound } from '../shared/errors.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { queueRuleRuns } from '../workflows/hook.ts';

export const MAX_TAGS_PER_BOARD = 200;

export const tagSelect = {
  id: true,
  boardId: true,
  name: true,
  color: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TagSelect;

export type TagRow = Prisma.TagGetPayload<{ select: typeof tagSelect }>;

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; meta?: { code?: string } };
  return e?.code === 'P2002' || e?.meta?.code === '23505' || e?.code === '23505';
};

const duplicateName = (name: string) =>
  conflict(`A tag named "${name}" already exists on this board`, { fields: [{ path: 'name', message: 'is taken' }] });

/** Tags of a board by name; with `actionPointId`, only those attached to that action point. */
export async function listTags(
  svc: ServiceContext,
  input: { boardId: string; actionPointId?: string; cursor?: string; limit: number },
): Promise<Page<TagRow>> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  if (input.actionPointId) await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'VIEW');
  const after = decodeCursor(input.cursor, ['text']);
  const rows = await svc.db.tag.findMany({
    where: {
      boardId: input.boardId,
      ...(after ? { name: { gt: after[0] } } : {}),
      ...(input.actionPointId
        ? { boardTags: { some: { boardId: input.boardId, actionPointTags: { some: { actionPointId: input.actionPointId } } } } }
        : {}),
    },
    orderBy: { name: 'asc' },
    take: input.limit + 1,
    select: tagSelect,
  });
  return toPage(rows, input.limit, (r) => [r.name]);
}

/** Creates a tag on a board (EDIT), attachable to the action points on that board. */
export async function createTag(svc: ServiceContext, input: { boardId: string; name: string; color: string }): Promise<TagRow> {
  return mutate(svc, async (tx, events) => {
    await requireBoard(tx, svc.userId, input.boardId, 'EDIT');
    const count = await tx.tag.count({ where: { boardId: input.boardId } });
    if (count >= MAX_TAGS_PER_BOARD) throw badRequest(`A board has at most ${MAX_TAGS_PER_BOARD} tags`);
    const taken = await tx.tag.findUnique({
      where: { boardId_name: { boardId: input.boardId, name: input.name } },
      select: { id: true },
    });
    if (taken) throw duplicateName(input.name);
    const tag = await tx.tag
      .create({
        data: { boardId: input.boardId, name: input.name, color: input.color.toLowerCase() },
        select: tagSelect,
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? duplicateName(input.name) : err;
      });
    await tx.boardTag.create({ data: { boardId: input.boardId, tagId: tag.id }, select: { tagId: true } });
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        by: svc,
        action: 'tag.created',
        entityType: 'tag',
        entityId: tag.id,
        changes: { name: tag.name, color: tag.color },
      }),
    );
    return tag;
  });
}

/** The tag (visible through its board) and the caller's level on that board. */
async function requireTag(tx: DbTx, userId: string, tagId: string, min: Level): Promise<TagRow> {
  const tag = await tx.tag.findFirst({ where: { id: tagId, ...tagVisibleTo(userId) }, select: tagSelect });
  if (!tag) throw notFound('Tag');
  await requireBoard(tx, userId, tag.boardId, min);
  return tag;
}

export async function updateTag(svc: ServiceContext, input: { tagId: string; name?: string; color?: string }): Promise<TagRow> {
  return mutate(svc, async (tx, events) => {
    const tag = await requireTag(tx, svc.userId, input.tagId, 'EDIT');
    const next = { name: input.name, color: input.color?.toLowerCase() };
    const changes = diff(tag, next);
    if (Object.keys(changes).length === 0) return tag;
    if (changes.name) {
      const taken = await tx.tag.findUnique({
        where: { boardId_name: { boardId: tag.boardId, name: input.name! } },
        select: { id: true },
      });
      if (taken) throw duplicateName(input.name!);
    }
    const updated = await tx.tag.update({ where: { id: tag.id }, data: next, select: tagSelect }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicateName(input.name ?? tag.name) : err;
    });
    events.push(
      await recordActivity(tx, {
        boardId: tag.boardId,
        by: svc,
        action: 'tag.updated',
        entityType: 'tag',
        entityId: tag.id,
        changes,
      }),
    );
    return updated;
  });
}

/** Deletes a tag (EDIT on its board); it disappears from every action point. */
export async function deleteTag(svc: ServiceContext, input: { tagId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const tag = await requireTag(tx, svc.userId, input.tagId, 'EDIT');
    const attached = await tx.actionPointTag.count({ where: { tagId: tag.id } });
    await tx.tag.delete({ where: { id: tag.id } });
    events.push(
      await recordActivity(tx, {
        boardId: tag.boardId,
        by: svc,
        action: 'tag.deleted',
        entityType: 'tag',
        entityId: tag.id,
        changes: { name: tag.name, color: tag.color, detachedFrom: attached },
      }),
    );
  });
}

/**
 * The action point (EDIT) and the tag (visible) for attach/detach; the action
 * point must be on the tag's board.
 */
async function requireAttachable(tx: DbTx, userId: string, actionPointId: string, tagId: string) {
  await requireActionPoint(tx, userId, actionPointId, 'EDIT');
  const tag = await tx.tag.findFirst({ where: { id: tagId, ...tagVisibleTo(userId) }, select: tagSelect });
  if (!tag) throw notFound('Tag');
  const onBoard = await tx.actionPointBoardAssociation.findUnique({
    where: { actionPointId_boardId: { actionPointId, boardId: tag.boardId } },
    select: { id: true },
  });
  if (!onBoard) {
    throw new AppError('BAD_REQUEST', "The action point is not on the tag's board", {
      fields: [{ path: 'tagId', message: 'belongs to a board this action point is not on' }],
    });
  }
  return tag;
}

/** Puts a tag on an action point (idempotent). */
export async function attachTag(svc: ServiceContext, input: { actionPointId: string; tagId: string }): Promise<TagRow> {
  return mutate(svc, async (tx, events) => {
    const tag = await requireAttachable(tx, svc.userId, input.actionPointId, input.tagId);
    const existing = await tx.actionPointTag.findUnique({
      where: { actionPointId_tagId: { actionPointId: input.actionPointId, tagId: tag.id } },
      select: { tagId: true },
    });
    if (existing) return tag;
    await tx.actionPointTag.create({
      data: { actionPointId: input.actionPointId, tagId: tag.id, boardId: tag.boardId },
      select: { tagId: true },
    });
    events.push(
      await recordActivity(tx, {
        boardId: tag.boardId,
        actionPointId: input.actionPointId,
        by: svc,
        action: 'tag.attached',
        entityType: 'tag',
        entityId: tag.id,
        changes: { name: tag.name },
      }),
    );
    await queueRuleRuns(tx, svc, events);
    return tag;
  });
}

/** Takes a tag off an action point; NOT_FOUND when it was not on it. */
export async function detachTag(svc: ServiceContext, input: { actionPointId: string; tagId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const tag = await requireAttachable(tx, svc.userId, input.actionPointId, input.tagId);
    const removed = await tx.actionPointTag.deleteMany({
      where: { actionPointId: input.actionPointId, tagId: tag.id },
    });
    if (removed.count === 0) throw notFound('Tag on this action point');
    events.push(
      await recordActivity(tx, {
        boardId: tag.boardId,
        actionPointId: input.actionPointId,
        by: svc,
        action: 'tag.detached',
        entityType: 'tag',
        entityId: tag.id,
        changes: { name: tag.name },
      }),
    );
  });
}
