import type { z } from 'zod';
import { attachTag, createTag, deleteTag, detachTag, listTags, updateTag, type TagRow } from '@ap/core/collaboration/tags';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZCreateTagInput, ZDeleteTagInput, ZListTagsInput, ZTag, ZTagOnActionPointInput, ZUpdateTagInput } from './tags.schema.ts';

const tags = ['tags'];

function toOutput(t: TagRow): z.input<typeof ZTag> {
  return {
    id: t.id,
    boardId: t.boardId,
    name: t.name,
    color: t.color,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListTagsInput>) {
  const page = await listTags(ctx.svc, input);
  return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
}

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateTagInput>) {
  return toOutput(await createTag(ctx.svc, input));
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateTagInput>) {
  return toOutput(await updateTag(ctx.svc, input));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDeleteTagInput>) {
  await deleteTag(ctx.svc, input);
  return { ok: true as const };
}

async function attachHandler({ ctx, input }: AuthedArgs<typeof ZTagOnActionPointInput>) {
  return toOutput(await attachTag(ctx.svc, input));
}

async function detachHandler({ ctx, input }: AuthedArgs<typeof ZTagOnActionPointInput>) {
  await detachTag(ctx.svc, input);
  return { ok: true as const };
}

export const tagsRouter = router({
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/boards/{boardId}/tags',
        tags,
        summary: "A board's tags by name (optionally only those on one action point)",
      },
    })
    .input(ZListTagsInput)
    .output(paginated(ZTag))
    .query(listHandler),

  create: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/boards/{boardId}/tags', tags, summary: 'Create a tag on a board (EDIT)' } })
    .input(ZCreateTagInput)
    .output(ZTag)
    .mutation(createHandler),

  update: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/tags/{tagId}', tags, summary: 'Rename or recolor a tag (EDIT on its board)' } })
    .input(ZUpdateTagInput)
    .output(ZTag)
    .mutation(updateHandler),

  delete: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/tags/{tagId}', tags, summary: 'Delete a tag (EDIT on its board)' } })
    .input(ZDeleteTagInput)
    .output(ZOk)
    .mutation(deleteHandler),

  attach: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/action-points/{actionPointId}/tags/{tagId}',
        tags,
        summary: "Tag an action point (EDIT on it; it must be on the tag's board)",
      },
    })
    .input(ZTagOnActionPointInput)
    .output(ZTag)
    .mutation(attachHandler),

  detach: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/action-points/{actionPointId}/tags/{tagId}',
        tags,
        summary: 'Remove a tag from an action point (EDIT on it)',
      },
    })
    .input(ZTagOnActionPointInput)
    .output(ZOk)
    .mutation(detachHandler),
});
