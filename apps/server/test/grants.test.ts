// PUT of a grant is idempotent for both uses of the grants module (board
// permissions and action-point shares): concurrent identical grants all succeed
// with one row, one activity entry and one notification; a grant racing a revoke
// never fails with a server or database error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { startHarness, type Harness, type TestUser } from './harness.ts';
import { setupBoard } from './sharing-fixtures.ts';

let h: Harness;
let owner: TestUser;

beforeAll(async () => {
  h = await startHarness();
  owner = await h.user();
});
afterAll(() => h.close());

const kinds = [
  {
    name: 'board permissions',
    path: (board: { boardId: string; actionPointIds: string[] }, userId: string) => `/api/boards/${board.boardId}/permissions/${userId}`,
    rows: (board: { boardId: string; actionPointIds: string[] }, userId: string) =>
      testDb().boardPermission.count({ where: { boardId: board.boardId, userId } }),
    granted: 'permission.granted',
    notification: 'BOARD_GRANTED' as const,
  },
  {
    name: 'action-point shares',
    path: (board: { boardId: string; actionPointIds: string[] }, userId: string) =>
      `/api/action-points/${board.actionPointIds[0]}/shares/${userId}`,
    rows: (board: { boardId: string; actionPointIds: string[] }, userId: string) =>
      testDb().actionPointShare.count({ where: { actionPointId: board.actionPointIds[0]!, userId } }),
    granted: 'share.granted',
    notification: 'ACTION_POINT_SHARED' as const,
  },
];

describe.each(kinds)('$name', (kind) => {
  it('20 concurrent identical grants all answer 200, with one row, one activity entry and one notification', async () => {
    const board = await setupBoard(h, owner.token, `Concurrent ${kind.name}`, { actionPoints: 1 });
    const grantee = await h.user();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => h.rest('PUT', kind.path(board, grantee.id), { token: owner.token, body: { level: 'EDIT' } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await kind.rows(board, grantee.id)).toBe(1);
    const activity = await testDb().activity.count({ where: { boardId: board.boardId, action: kind.granted } });
    expect(activity).toBe(1);
    const notifications = await testDb().notification.count({ where: { userId: grantee.id, type: kind.notification } });
    expect(notifications).toBe(1);
  });

  it('grants racing revokes answer only 200 or 404, and end in a consistent state', async () => {
    const board = await setupBoard(h, owner.token, `Racing ${kind.name}`, { actionPoints: 1 });
    const grantee = await h.user();
    await h.rest('PUT', kind.path(board, grantee.id), { token: owner.token, body: { level: 'VIEW' } });
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        i % 2 === 0
          ? h.rest('PUT', kind.path(board, grantee.id), { token: owner.token, body: { level: i % 4 === 0 ? 'EDIT' : 'COMMENT' } })
          : h.rest('DELETE', kind.path(board, grantee.id), { token: owner.token }),
      ),
    );
    for (const a of answers) {
      expect([200, 404], JSON.stringify(a.body)).toContain(a.status);
      if (a.status === 404) expect(a.body.message).not.toMatch(/record/i);
    }
    expect(await kind.rows(board, grantee.id)).toBeLessThanOrEqual(1);
  });
});
