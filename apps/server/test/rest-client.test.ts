// One end-to-end scenario, run through the typed tRPC client and through the REST
// client generated from the OpenAPI snapshot (openapi-typescript + openapi-fetch):
// both must see the same product. alice makes a board, puts two action points on
// it, moves one, comments, writes a document and lets bob view the board; bob sees
// it and may not rename it; carol sees nothing of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestClient, type RestClient } from '@ap/client/rest';
import { codeOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RUN_WORKER: 'false' });
});
afterAll(() => h?.close());

/** What the scenario needs of a client, in terms of either transport. */
interface ScenarioApi {
  createBoard(name: string, columns: string[]): Promise<{ id: string; columns: { id: string; name: string }[] }>;
  createActionPoint(title: string, boardId: string, columnId: string): Promise<{ id: string; title: string }>;
  move(boardId: string, actionPointId: string, columnId: string): Promise<unknown>;
  comment(actionPointId: string, body: string): Promise<{ id: string; body: string }>;
  grant(boardId: string, userId: string, level: 'VIEW'): Promise<unknown>;
  view(boardId: string): Promise<{ columns: { name: string; items: { title: string }[] }[] }>;
  rename(boardId: string, name: string): Promise<unknown>;
  createDocument(title: string, text: string): Promise<{ id: string; title: string; status: string }>;
  documentTitles(): Promise<string[]>;
}

function trpcApi(token: string): ScenarioApi {
  const c = h.client(token);
  return {
    createBoard: (name, columns) => c.boards.create.mutate({ name, columns }),
    createActionPoint: (title, boardId, columnId) => c.actionPoints.create.mutate({ title, boardId, columnId }),
    move: (boardId, actionPointId, columnId) => c.actionPoints.move.mutate({ boardId, actionPointId, columnId }),
    comment: (actionPointId, body) => c.comments.create.mutate({ actionPointId, body }),
    grant: (boardId, userId, level) => c.boardPermissions.grant.mutate({ boardId, userId, level }),
    view: (boardId) => c.boards.view.query({ boardId }),
    rename: (boardId, name) => c.boards.update.mutate({ boardId, name }),
    createDocument: (title, text) => c.documents.create.mutate({ title, text }),
    documentTitles: async () => (await c.documents.list.query({})).items.map((d) => d.title),
  };
}

/** Unwraps an openapi-fetch result: the data, or an error carrying the API's code. */
async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (error !== undefined || data === undefined)
    throw Object.assign(new Error(`HTTP ${response.status}`), { code: (error as { code?: string })?.code });
  return data;
}

function restApi(token: string): ScenarioApi {
  const c: RestClient = createRestClient({ url: h.url, getToken: () => token });
  return {
    createBoard: (name, columns) => ok(c.POST('/boards', { body: { name, columns } })),
    createActionPoint: (title, boardId, columnId) => ok(c.POST('/action-points', { body: { title, boardId, columnId } })),
    move: (boardId, actionPointId, columnId) =>
      ok(
        c.POST('/boards/{boardId}/action-points/{actionPointId}/move', {
          params: { path: { boardId, actionPointId } },
          body: { columnId },
        }),
      ),
    comment: (actionPointId, body) =>
      ok(c.POST('/action-points/{actionPointId}/comments', { params: { path: { actionPointId } }, body: { body } })),
    grant: (boardId, userId, level) =>
      ok(c.PUT('/boards/{boardId}/permissions/{userId}', { params: { path: { boardId, userId } }, body: { level } })),
    view: (boardId) => ok(c.GET('/boards/{boardId}/view', { params: { path: { boardId } } })),
    rename: (boardId, name) => ok(c.PATCH('/boards/{boardId}', { params: { path: { boardId } }, body: { name } })),
    createDocument: (title, text) => ok(c.POST('/documents', { body: { title, text } })),
    documentTitles: async () => (await ok(c.GET('/documents', {}))).items.map((d) => d.title),
  };
}

async function scenario(client: (token: string) => ScenarioApi) {
  const [alice, bob, carol] = await Promise.all([h.user(), h.user(), h.user()]);
  const a = client(alice.token);
  const board = await a.createBoard('Launch', ['To do', 'Doing', 'Done']);
  const [todo, doing] = board.columns;
  const write = await a.createActionPoint('Write the announcement', board.id, todo!.id);
  await a.createActionPoint('Book the room', board.id, todo!.id);
  await a.move(board.id, write.id, doing!.id);
  const comment = await a.comment(write.id, 'First draft is in the document');
  const doc = await a.createDocument('Announcement draft', '# Launch\n\nWe launch on Monday.');
  await a.grant(board.id, bob.id, 'VIEW');

  const b = client(bob.token);
  const seen = await b.view(board.id);
  const renameByViewer = await codeOf(b.rename(board.id, 'Mine now'));
  const carolSees = await codeOf(client(carol.token).view(board.id));
  return {
    columns: board.columns.map((c) => c.name),
    comment: comment.body,
    document: { title: doc.title, status: doc.status, listed: (await a.documentTitles()).includes('Announcement draft') },
    bobSees: seen.columns.map((c) => ({ name: c.name, titles: c.items.map((i) => i.title) })),
    renameByViewer,
    carolSees,
  };
}

describe('the REST client generated from the OpenAPI snapshot', () => {
  it('runs the typed tRPC client’s scenario with the same outcome', async () => {
    const viaTrpc = await scenario(trpcApi);
    const viaRest = await scenario(restApi);
    expect(viaTrpc).toEqual({
      columns: ['To do', 'Doing', 'Done'],
      comment: 'First draft is in the document',
      document: { title: 'Announcement draft', status: 'QUEUED', listed: true },
      bobSees: [
        { name: 'To do', titles: ['Book the room'] },
        { name: 'Doing', titles: ['Write the announcement'] },
        { name: 'Done', titles: [] },
      ],
      renameByViewer: 'FORBIDDEN',
      carolSees: 'NOT_FOUND',
    });
    expect(viaRest).toEqual(viaTrpc);
  });
});
