import type { z } from 'zod';
import { createComment, deleteComment, listComments, updateComment, type CommentRow } from '@ap/core/collaboration/comments';
import { toPublicUser } from '@ap/core/identity/users';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZComment, ZCreateCommentInput, ZDeleteCommentInput, ZListCommentsInput, ZUpdateCommentInput } from './comments.schema.ts';

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

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListCommentsInput>) {
  const page = await listComments(ctx.svc, input);
  return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
}

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateCommentInput>) {
  return toOutput(await createComment(ctx.svc, input));
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateCommentInput>) {
  return toOutput(await updateComment(ctx.svc, input));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDeleteCommentInput>) {
  await deleteComment(ctx.svc, input);
  return { ok: true as const };
}

export const commentsRouter = router({
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/action-points/{actionPointId}/comments',
        tags,
        summary: 'Comments on an action point, oldest first',
      },
    })
    .input(ZListCommentsInput)
    .output(paginated(ZComment))
    .query(listHandler),

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
    .mutation(createHandler),

  update: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/comments/{commentId}', tags, summary: 'Edit your comment' } })
    .input(ZUpdateCommentInput)
    .output(ZComment)
    .mutation(updateHandler),

  delete: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/comments/{commentId}', tags, summary: 'Delete a comment (its author or an ADMIN)' } })
    .input(ZDeleteCommentInput)
    .output(ZOk)
    .mutation(deleteHandler),
});
