import { createBoard, deleteBoard, getBoard, listBoards, updateBoard, viewBoard } from '@ap/core/boards';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router } from '../../trpc.ts';
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

export const boardsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards', tags, summary: 'Boards you can see, newest first' } })
    .input(ZListBoardsInput)
    .output(paginated(ZBoard))
    .query(async ({ ctx, input }) => {
      const page = await listBoards(ctx.svc, input);
      return { items: page.items.map(toBoardOutput), nextCursor: page.nextCursor };
    }),

  create: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/boards', tags, summary: 'Create a board (default columns: To do, In progress, Done)' } })
    .input(ZCreateBoardInput)
    .output(ZBoardDetail)
    .mutation(async ({ ctx, input }) => toBoardDetailOutput(await createBoard(ctx.svc, input))),

  get: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards/{boardId}', tags, summary: 'A board, its columns in order and your level' } })
    .input(ZGetBoardInput)
    .output(ZBoardDetail)
    .query(async ({ ctx, input }) => toBoardDetailOutput(await getBoard(ctx.svc, input))),

  update: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/boards/{boardId}', tags, summary: 'Rename or describe a board (expectedVersion: stale → CONFLICT)' } })
    .input(ZUpdateBoardInput)
    .output(ZBoardDetail)
    .mutation(async ({ ctx, input }) => toBoardDetailOutput(await updateBoard(ctx.svc, input))),

  delete: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/boards/{boardId}', tags, summary: 'Delete a board (its owner only); its action points stay' } })
    .input(ZDeleteBoardInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await deleteBoard(ctx.svc, input);
      return { ok: true as const };
    }),

  view: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/boards/{boardId}/view', tags, summary: 'The whole board: columns with their first action points' } })
    .input(ZViewBoardInput)
    .output(ZBoardView)
    .query(async ({ ctx, input }) => toBoardViewOutput(await viewBoard(ctx.svc, input))),

  activity: boardActivityProcedure,
  onEvent: boardOnEventProcedure,
});
