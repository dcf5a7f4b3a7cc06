import type { DbTx, Prisma } from '@ap/db/client';
import { recordOnActionPointBoards } from '../boards/activity.ts';
import { assertCanChangeComment, commentVisibleTo, requireActionPoint, usersWhoCanSeeActionPoint } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { badRequest, notFound } from '../shared/errors.ts';
import { truncateText } from '../shared/text.ts';
import type { DomainEvent } from '../shared/events.ts';
import { notify } from './notifications.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { queueRuleRuns } from '../workflows/hook.ts';

export const MAX_COMMENT_LENGTH = 10_000;
export const MAX_MENTIONS = 50;

export const commentSelect = {
  id: true,
  actionPointId: true,
  authorId: true,
  body: true,
  mentions: true,
  version: true,
  editedAt: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, email: true, displayName: true, imageUrl: true } },
} satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

const excerpt = (body: string) => truncateText(body, 200);

/** Comments of an action point, oldest first. */
export async function listComments(
  svc: ServiceContext,
  input: { actionPointId: string; cursor?: string; limit: number },
): Promise<Page<CommentRow>> {
  await requireActionPoint(svc.db, svc.userId, input.actionPointId, 'VIEW');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.comment.findMany({
    where: {
      actionPointId: input.actionPointId,
      ...afterCreatedAt(after, 'asc'),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: commentSelect,
  });
  return toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

/** Mentioned users must be able to see the action point; anything else is a bad request. */
async function checkMentions(tx: DbTx, actionPointId: string, mentions: string[]): Promise<string[]> {
  const unique = [...new Set(mentions)];
  const visible = await usersWhoCanSeeActionPoint(tx, actionPointId, unique);
  const invalid = unique.filter((id) => !visible.has(id));
  if (invalid.length > 0) {
    throw badRequest(
      'Mentioned users must be able to see the action point',
      invalid.map((id) => ({ path: `mentions.${unique.indexOf(id)}`, message: `user ${id} cannot see this action point` })),
    );
  }
  return unique;
}

async function notifyComment(
  tx: DbTx,
  input: { actorId: string; actionPointId: string; commentId: string; body: string; newMentions: string[]; notifyWatchers: boolean },
  events: DomainEvent[],
): Promise<void> {
  const ap = await tx.actionPoint.findUniqueOrThrow({
    where: { id: input.actionPointId },
    select: { ownerId: true, assigneeId: true, title: true },
  });
  const data = { excerpt: excerpt(input.body), title: ap.title };
  const base = { actorId: input.actorId, actionPointId: input.actionPointId, commentId: input.commentId, data };
  await notify(tx, { ...base, recipients: input.newMentions, type: 'MENTIONED' }, events);
  if (!input.notifyWatchers) return;
  const mentioned = new Set(input.newMentions);
  const watchers = [ap.ownerId, ap.assigneeId].filter((u): u is string => !!u && !mentioned.has(u));
  // An assignee who lost access to the action point is not told what was said on it.
  const allowed = await usersWhoCanSeeActionPoint(tx, input.actionPointId, watchers);
  await notify(tx, { ...base, recipients: watchers.filter((u) => allowed.has(u)), type: 'COMMENTED' }, events);
}

/** Posts a comment (COMMENT level required); mentions and watchers are notified. */
export async function createComment(
  svc: ServiceContext,
  input: { actionPointId: string; body: string; mentions?: string[] },
): Promise<CommentRow> {
  return mutate(svc, async (tx, events) => {
    await requireActionPoint(tx, svc.userId, input.actionPointId, 'COMMENT');
    const mentions = await checkMentions(tx, input.actionPointId, input.mentions ?? []);
    const comment = await tx.comment.create({
      data: { actionPointId: input.actionPointId, authorId: svc.userId, body: input.body, mentions },
      select: commentSelect,
    });
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: input.actionPointId,
        by: svc,
        action: 'comment.created',
        entityType: 'comment',
        entityId: comment.id,
        changes: { body: excerpt(comment.body), mentions },
      },
      events,
    );
    await notifyComment(
      tx,
      {
        actorId: svc.userId,
        actionPointId: input.actionPointId,
        commentId: comment.id,
        body: comment.body,
        newMentions: mentions,
        notifyWatchers: true,
      },
      events,
    );
    await queueRuleRuns(tx, svc, events);
    return comment;
  });
}

async function findVisibleComment(tx: DbTx, userId: string, commentId: string) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, ...commentVisibleTo(userId) },
    select: commentSelect,
  });
  if (!comment) throw notFound('Comment');
  const access = await requireActionPoint(tx, userId, comment.actionPointId, 'VIEW');
  return { comment, access };
}

/** Edits a comment (its author only). Newly mentioned users are notified. */
export async function updateComment(
  svc: ServiceContext,
  input: { commentId: string; body?: string; mentions?: string[] },
): Promise<CommentRow> {
  return mutate(svc, async (tx, events) => {
    const { comment, access } = await findVisibleComment(tx, svc.userId, input.commentId);
    assertCanChangeComment(access.level, { isAuthor: comment.authorId === svc.userId, action: 'update' });
    const mentions = input.mentions ? await checkMentions(tx, comment.actionPointId, input.mentions) : comment.mentions;
    const body = input.body ?? comment.body;
    const changes: Record<string, unknown> = {};
    if (body !== comment.body) changes.body = { from: excerpt(comment.body), to: excerpt(body) };
    const sameMentions = mentions.length === comment.mentions.length && mentions.every((m) => comment.mentions.includes(m));
    if (!sameMentions) changes.mentions = { from: comment.mentions, to: mentions };
    if (Object.keys(changes).length === 0) return comment;

    const updated = await tx.comment.update({
      where: { id: comment.id },
      data: { body, mentions, version: { increment: 1 }, editedAt: new Date() },
      select: commentSelect,
    });
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: comment.actionPointId,
        by: svc,
        action: 'comment.updated',
        entityType: 'comment',
        entityId: comment.id,
        changes,
      },
      events,
    );
    const newMentions = mentions.filter((m) => !comment.mentions.includes(m));
    await notifyComment(
      tx,
      { actorId: svc.userId, actionPointId: comment.actionPointId, commentId: comment.id, body, newMentions, notifyWatchers: false },
      events,
    );
    return updated;
  });
}

/** Deletes a comment (its author, or an ADMIN of the action point). */
export async function deleteComment(svc: ServiceContext, input: { commentId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const { comment, access } = await findVisibleComment(tx, svc.userId, input.commentId);
    assertCanChangeComment(access.level, { isAuthor: comment.authorId === svc.userId, action: 'delete' });
    await tx.comment.delete({ where: { id: comment.id } });
    await recordOnActionPointBoards(
      tx,
      {
        actionPointId: comment.actionPointId,
        by: svc,
        action: 'comment.deleted',
        entityType: 'comment',
        entityId: comment.id,
        changes: { authorId: comment.authorId, body: excerpt(comment.body) },
      },
      events,
    );
  });
}
