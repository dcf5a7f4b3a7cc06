import { z } from 'zod';
import { createComment, deleteComment, listComments, updateComment, type CommentRow } from '@ap/core/collaboration/comments';
import { toPublicUser } from '@ap/core/identity/users';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router } from '../../trpc.ts';
import {
  ZComment,
  ZCreateCommentInput,
  ZDeleteCommentInput,
  ZListCommentsInput,
  ZUpdateCommentInput,
} from './comments.schema.ts';

const tags = ['comments'];

function toOutput(c: CommentRow): z.input<typeof ZComment> {
  return {
    id: c.id,
    actionPointId: c.actionPointId,
    authorId: c.authorId,
    author: toPublicUser(c.author),
    body: c.body,
    mentions: c.mentions ?? [],
    version: c.version,
    editedAt: c.editedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const commentsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/action-points/{actionPointId}/comments', tags, summary: 'Comments on an action point, oldest first' } })
    .input(ZListCommentsInput)
    .output(paginated(ZComment))
    .query(async ({ ctx, input }) => {
      const page = await listComments(ctx.svc, input);
      return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
    }),

  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/action-points/{actionPointId}/comments',
        tags,
        summary: 'Comment on an action point (COMMENT level); mentioned users are notified',
      },
    })
    .input(ZCreateCommentInput)
    .output(ZComment)
    .mutation(async ({ ctx, input }) => toOutput(await createComment(ctx.svc, input))),

  update: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/comments/{commentId}', tags, summary: 'Edit your comment' } })
    .input(ZUpdateCommentInput)
    .output(ZComment)
    .mutation(async ({ ctx, input }) => toOutput(await updateComment(ctx.svc, input))),

  delete: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/comments/{commentId}', tags, summary: 'Delete a comment (its author or an ADMIN)' } })
    .input(ZDeleteCommentInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await deleteComment(ctx.svc, input);
      return { ok: true as const };
    }),
});
