import { createBoard, deleteBoard, getBoard, listBoards, updateBoard, viewBoard } from '@ap/core/boards/boards';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { boardActivityProcedure } from '../board-activity/router.ts';
import { boardOnEventProcedure } from '../board-events/router.ts';
import {
  toBoardDetailOutput,
  toBoardOutput,
  toBoardViewOutput,
  ZBoard,
  ZBoardDetail,
  ZBoardView,
  ZCreateBoardInput,
  ZDeleteBoardInput,
  ZGetBoardInput,
  ZListBoardsInput,
  ZUpdateBoardInput,
  ZViewBoardInput,
} from './boards.schema.ts';

const tags = ['boards'];

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListBoardsInput>) {
  const page = await listBoards(ctx.svc, input);
  return { items: page.items.map(toBoardOutput), nextCursor: page.nextCursor };
}

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateBoardInput>) {
  return toBoardDetailOutput(await createBoard(ctx.svc, input));
}

async function getHandler({ ctx, input }: AuthedArgs<typeof ZGetBoardInput>) {
  return toBoardDetailOutput(await getBoard(ctx.svc, input));
}

async function updateHandler({ ctx, input }: AuthedArgs<typeof ZUpdateBoardInput>) {
  return toBoardDetailOutput(await updateBoard(ctx.svc, input));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDeleteBoardInput>) {
  await deleteBoard(ctx.svc, input);
  return { ok: true as const };
}

async function viewHandler({ ctx, input }: AuthedArgs<typeof ZViewBoardInput>) {
  return toBoardViewOutput(await viewBoard(ctx.svc, input));
}

export const boardsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards', tags, summary: 'Boards you can see, newest first' } })
    .input(ZListBoardsInput)
    .output(paginated(ZBoard))
    .query(listHandler),

  create: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/boards', tags, summary: 'Create a board (default columns: To do, In progress, Done)' } })
    .input(ZCreateBoardInput)
    .output(ZBoardDetail)
    .mutation(createHandler),

  get: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards/{boardId}', tags, summary: 'A board, its columns in order and your level' } })
    .input(ZGetBoardInput)
    .output(ZBoardDetail)
    .query(getHandler),

  update: authedProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/boards/{boardId}',
        tags,
        summary: 'Rename or describe a board (expectedVersion: stale → CONFLICT)',
      },
    })
    .input(ZUpdateBoardInput)
    .output(ZBoardDetail)
    .mutation(updateHandler),

  delete: authedProcedure
    .meta({
      openapi: { method: 'DELETE', path: '/boards/{boardId}', tags, summary: 'Delete a board (its owner only); its action points stay' },
    })
    .input(ZDeleteBoardInput)
    .output(ZOk)
    .mutation(deleteHandler),

  view: authedProcedure
    .meta({
      openapi: { method: 'GET', path: '/boards/{boardId}/view', tags, summary: 'The whole board: columns with their first action points' },
    })
    .input(ZViewBoardInput)
    .output(ZBoardView)
    .query(viewHandler),

  activity: boardActivityProcedure,
  onEvent: boardOnEventProcedure,
});
