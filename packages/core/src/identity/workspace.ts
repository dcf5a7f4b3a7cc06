/** A new user's personal workspace: one board with the default columns, created exactly once. */
import type { DbTx } from '@ap/db/client';
import { claimPersonalBoard } from '@ap/db/provisioning';
import { spread } from '../action-points/lexorank.ts';

export const PERSONAL_BOARD_NAME = 'My action points';
export const DEFAULT_COLUMNS = ['To do', 'In progress', 'Done'] as const;

/**
 * Claims the user's provisioning and creates the personal board, atomically (one
 * statement: works inside the caller's transaction or on its own). Returns the board
 * id, or null when the user was already provisioned (or is deleted).
 */
export async function provisionWorkspace(db: DbTx, userId: string): Promise<string | null> {
  const ranks = spread(DEFAULT_COLUMNS.length);
  return claimPersonalBoard(db, {
    userId,
    name: PERSONAL_BOARD_NAME,
    columns: DEFAULT_COLUMNS.map((name, i) => ({ name, rank: ranks[i]! })),
  });
}

/** Provisioning in flight in this process: concurrent first requests share one statement. */
const inFlight = new Map<string, Promise<string | null>>();

/** Provisions the user's workspace when it is not done yet. */
export function ensureWorkspace(db: DbTx, userId: string): Promise<string | null> {
  let running = inFlight.get(userId);
  if (!running) {
    running = provisionWorkspace(db, userId).finally(() => inFlight.delete(userId));
    inFlight.set(userId, running);
  }
  return running;
}
