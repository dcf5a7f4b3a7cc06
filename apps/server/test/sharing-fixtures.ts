// Data set-up shared by the sharing, collaboration and security tests. Boards,
// columns and action points are made through their own procedures, as a client would.
import { expect } from 'vitest';
import type { Harness } from './harness.ts';

export interface BoardSetup {
  boardId: string;
  /** Column ids in board order. */
  columnIds: string[];
  /** Action points placed in the first column. */
  actionPointIds: string[];
}

/** A board (default columns), with `actionPoints` action points in its first column. */
export async function setupBoard(h: Harness, token: string, name: string, opts: { actionPoints?: number } = {}): Promise<BoardSetup> {
  const c = h.caller(token);
  const board = await c.boards.create({ name });
  const columnIds = board.columns.map((col: { id: string }) => col.id);
  expect(columnIds.length).toBeGreaterThanOrEqual(2);
  const actionPointIds: string[] = [];
  for (let i = 0; i < (opts.actionPoints ?? 2); i++) {
    const ap = await c.actionPoints.create({ title: `${name} #${i + 1}`, boardId: board.id, columnId: columnIds[0]! });
    actionPointIds.push(ap.id);
  }
  return { boardId: board.id, columnIds, actionPointIds };
}

/** An action point on no board. */
export async function loneActionPoint(h: Harness, token: string, title: string): Promise<string> {
  const ap = await h.caller(token).actionPoints.create({ title });
  return ap.id;
}
