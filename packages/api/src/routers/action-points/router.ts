import { createActionPoint, deleteActionPoint, getActionPoint, listActionPoints, updateActionPoint } from '@ap/core/action-points/crud';
import { addToBoard, removeFromBoard } from '@ap/core/action-points/membership';
import { moveActionPoint } from '@ap/core/action-points/move';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import {
  toActionPointOutput,
  toDetailOutput,
  toPositionOutput,
  ZActionPoint,
  ZActionPointDetail,
  ZAddToBoardInput,
  ZCreateActionPointInput,
  ZDeleteActionPointInput,
  ZGetActionPointInput,
  ZListActionPointsInput,
  ZMoveActionPointInput,
  ZPosition,
  ZRemoveFromBoardInput,
  ZUpdateActionPointInput,
} from './action-points.schema.ts';

const tags = ['actionPoints'];
const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateActionPointInput>) {
  return toDetailOutput(await createActionPoint(ctx.svc, { ...input, dueDate: date(input.dueDate) }));
}

async function getHandler({ ctx, input }: AuthedArgs<typeof ZGetActionPointInput>) {
  return toDetailOutput(await getActionPoint(ctx.svc, input));
}

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListActionPointsInput>) {
  const page = await listActionPoints(ctx.svc, input);
  return { items: page.items.map(toActionPointOutput), nextCursor: page.nextCursor };
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateActionPointInput>) {
  return toDetailOutput(await updateActionPoint(ctx.svc, { ...input, dueDate: date(input.dueDate) }));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDeleteActionPointInput>) {
  await deleteActionPoint(ctx.svc, input);
  return { ok: true as const };
}

async function addToBoardHandler({ ctx, input }: AuthedArgs<typeof ZAddToBoardInput>) {
  return toPositionOutput(await addToBoard(ctx.svc, input));
}

async function removeFromBoardHandler({ ctx, input }: AuthedArgs<typeof ZRemoveFromBoardInput>) {
  await removeFromBoard(ctx.svc, input);
  return { ok: true as const };
}

async function moveHandler({ ctx, input }: AuthedArgs<typeof ZMoveActionPointInput>) {
  return toPositionOutput(await moveActionPoint(ctx.svc, input));
}

export const actionPointsRouter = router({
  create: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/action-points', tags, summary: 'Create an action point, optionally last in a column of a board' },
    })
    .input(ZCreateActionPointInput)
    .output(ZActionPointDetail)
    .mutation(createHandler),

  get: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/action-points/{actionPointId}',
        tags,
        summary: 'An action point with the boards you can see it on',
      },
    })
    .input(ZGetActionPointInput)
    .output(ZActionPointDetail)
    .query(getHandler),

  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/action-points',
        tags,
        summary: 'Action points you can see (filters: owned, sharedWithMe, assignedToMe, q)',
      },
    })
    .input(ZListActionPointsInput)
    .output(paginated(ZActionPoint))
    .query(listHandler),

  update: authedProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/action-points/{actionPointId}',
        tags,
        summary: 'Change an action point (expectedVersion: stale → CONFLICT)',
      },
    })
    .input(ZUpdateActionPointInput)
    .output(ZActionPointDetail)
    .mutation(updateHandler),

  delete: authedProcedure
    .meta({
      openapi: { method: 'DELETE', path: '/action-points/{actionPointId}', tags, summary: 'Delete an action point from every board' },
    })
    .input(ZDeleteActionPointInput)
    .output(ZOk)
    .mutation(deleteHandler),

  addToBoard: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/boards/{boardId}/action-points', tags, summary: 'Put an action point on a board, in a column' },
    })
    .input(ZAddToBoardInput)
    .output(ZPosition)
    .mutation(addToBoardHandler),

  removeFromBoard: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/boards/{boardId}/action-points/{actionPointId}',
        tags,
        summary: 'Take an action point off a board (it stays on the others)',
      },
    })
    .input(ZRemoveFromBoardInput)
    .output(ZOk)
    .mutation(removeFromBoardHandler),

  move: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/boards/{boardId}/action-points/{actionPointId}/move',
        tags,
        summary: 'Move an action point within or across the columns of one board',
      },
    })
    .input(ZMoveActionPointInput)
    .output(ZPosition)
    .mutation(moveHandler),
});
