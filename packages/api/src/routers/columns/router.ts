import { createColumn, deleteColumn, listColumnItems, moveColumn, updateColumn } from '@ap/core/boards/columns';
import { paginated } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { toBoardItemOutput, ZBoardItem } from '../action-points/action-points.schema.ts';
import {
  toColumnOutput,
  ZColumn,
  ZColumnItemsInput,
  ZCreateColumnInput,
  ZDeleteColumnInput,
  ZDeleteColumnOutput,
  ZMoveColumnInput,
  ZUpdateColumnInput,
} from './columns.schema.ts';

const tags = ['columns'];

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateColumnInput>) {
  return toColumnOutput(await createColumn(ctx.svc, input));
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateColumnInput>) {
  return toColumnOutput(await updateColumn(ctx.svc, input));
}

async function moveHandler({ ctx, input }: AuthedArgs<typeof ZMoveColumnInput>) {
  return toColumnOutput(await moveColumn(ctx.svc, input));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDeleteColumnInput>) {
  return { ok: true as const, ...(await deleteColumn(ctx.svc, input)) };
}

async function itemsHandler({ ctx, input }: AuthedArgs<typeof ZColumnItemsInput>) {
  const page = await listColumnItems(ctx.svc, input);
  return { items: page.items.map(toBoardItemOutput), nextCursor: page.nextCursor };
}

export const columnsRouter = router({
  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/boards/{boardId}/columns',
        tags,
        summary: 'Add a column (last, or beforeId / afterId another column)',
      },
    })
    .input(ZCreateColumnInput)
    .output(ZColumn)
    .mutation(createHandler),

  update: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/columns/{columnId}', tags, summary: 'Rename a column' } })
    .input(ZUpdateColumnInput)
    .output(ZColumn)
    .mutation(updateHandler),

  move: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/columns/{columnId}/move',
        tags,
        summary: 'Reorder a column (beforeId or afterId another column; neither: last)',
      },
    })
    .input(ZMoveColumnInput)
    .output(ZColumn)
    .mutation(moveHandler),

  delete: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/columns/{columnId}',
        tags,
        summary: 'Delete a column (with action points: only with moveToColumnId)',
      },
    })
    .input(ZDeleteColumnInput)
    .output(ZDeleteColumnOutput)
    .mutation(deleteHandler),

  items: authedProcedure
    .meta({
      openapi: { method: 'GET', path: '/columns/{columnId}/action-points', tags, summary: 'Action points of a column in rank order' },
    })
    .input(ZColumnItemsInput)
    .output(paginated(ZBoardItem))
    .query(itemsHandler),
});
