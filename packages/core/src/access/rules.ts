/**
 * Every access rule of the product, in one place. Routers and services ask this
 * module; they never re-derive a rule. Visibility is expressed as `where` inputs so
 * that queries only ever return what the caller may see.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { AppError, forbidden, notFound } from '../shared/errors.ts';

export const LEVELS = ['VIEW', 'COMMENT', 'EDIT', 'ADMIN'] as const;
export type Level = (typeof LEVELS)[number];

export const levelOrder = (level: Level): number => LEVELS.indexOf(level);
export const atLeast = (level: Level | null | undefined, min: Level): boolean => level != null && levelOrder(level) >= levelOrder(min);
export const maxLevel = (levels: (Level | null | undefined)[]): Level | null =>
  levels.reduce<Level | null>((best, l) => (l && (!best || levelOrder(l) > levelOrder(best)) ? l : best), null);

/** Boards the user may see: owner, a grant, or admin of the board's organization. */
export function boardVisibleTo(userId: string): Prisma.BoardWhereInput {
  return {
    OR: [
      { ownerId: userId },
      { permissions: { some: { userId } } },
      { organization: { deletedAt: null, members: { some: { userId, role: { isAdmin: true } } } } },
    ],
  };
}

/**
 * Users who may see the board: boardVisibleTo read from the user's side (its owner,
 * a grantee, an admin of its organization). Held equal to it by the bot's tests.
 */
export function userSeesBoard(boardId: string): Prisma.UserWhereInput {
  return {
    OR: [
      { ownedBoards: { some: { id: boardId } } },
      { boardPermissions: { some: { boardId } } },
      { roles: { some: { role: { isAdmin: true }, organization: { deletedAt: null, boards: { some: { id: boardId } } } } } },
    ],
  };
}

/** Organizations the user is a member of (not deleted). */
export function organizationVisibleTo(userId: string): Prisma.OrganizationWhereInput {
  return { deletedAt: null, members: { some: { userId } } };
}

/** Action points the user may see: owner, a direct share, or any visible board it is on. */
export function actionPointVisibleTo(userId: string): Prisma.ActionPointWhereInput {
  return {
    OR: [{ ownerId: userId }, { shares: { some: { userId } } }, { associations: { some: { board: boardVisibleTo(userId) } } }],
  };
}

/** Selects what `boardLevelOf` needs, for one user. */
export function boardAccessSelect(userId: string) {
  return {
    ownerId: true,
    permissions: { where: { userId }, select: { level: true } },
    organization: {
      select: {
        deletedAt: true,
        members: { where: { userId, role: { isAdmin: true } }, select: { id: true } },
      },
    },
  } satisfies Prisma.BoardSelect;
}

type BoardAccess = Prisma.BoardGetPayload<{ select: ReturnType<typeof boardAccessSelect> }>;

export function boardLevelOf(board: BoardAccess, userId: string): Level | null {
  if (board.ownerId === userId) return 'ADMIN';
  if (board.organization && !board.organization.deletedAt && board.organization.members.length > 0) return 'ADMIN';
  return (board.permissions[0]?.level as Level | undefined) ?? null;
}

function require(level: Level | null, min: Level, what: string): Level {
  if (!level) throw new AppError('NOT_FOUND', `${what} not found`);
  if (!atLeast(level, min)) {
    throw new AppError('FORBIDDEN', `${what}: ${min} access required, you have ${level}`);
  }
  return level;
}

export interface BoardAccessResult {
  id: string;
  ownerId: string;
  level: Level;
  isOwner: boolean;
}

/** The caller's level on a board; NOT_FOUND without any, FORBIDDEN below `min`. */
export async function requireBoard(db: DbTx, userId: string, boardId: string, min: Level): Promise<BoardAccessResult> {
  const board = await db.board.findFirst({
    where: { id: boardId, ...boardVisibleTo(userId) },
    select: { id: true, ...boardAccessSelect(userId) },
  });
  const level = board ? boardLevelOf(board, userId) : null;
  require(level, min, 'Board');
  return { id: board!.id, ownerId: board!.ownerId, level: level!, isOwner: board!.ownerId === userId };
}

export interface ActionPointAccessResult {
  id: string;
  ownerId: string;
  level: Level;
  isOwner: boolean;
  /** Boards the caller can see this action point on, with the caller's level there. */
  boards: { boardId: string; level: Level }[];
}

/** The caller's level on an action point: the best of ownership, a direct share, and its boards. */
export async function actionPointAccess(db: DbTx, userId: string, actionPointId: string): Promise<ActionPointAccessResult | null> {
  const ap = await db.actionPoint.findFirst({
    where: { id: actionPointId, ...actionPointVisibleTo(userId) },
    select: {
      id: true,
      ownerId: true,
      shares: { where: { userId }, select: { level: true } },
      associations: {
        where: { board: boardVisibleTo(userId) },
        select: { boardId: true, board: { select: boardAccessSelect(userId) } },
      },
    },
  });
  if (!ap) return null;
  const boards = ap.associations
    .map((a) => ({ boardId: a.boardId, level: boardLevelOf(a.board, userId) }))
    .filter((b): b is { boardId: string; level: Level } => b.level !== null);
  const level = maxLevel([ap.ownerId === userId ? 'ADMIN' : null, ap.shares[0]?.level as Level | undefined, ...boards.map((b) => b.level)]);
  if (!level) return null;
  return { id: ap.id, ownerId: ap.ownerId, level, isOwner: ap.ownerId === userId, boards };
}

export async function requireActionPoint(db: DbTx, userId: string, actionPointId: string, min: Level): Promise<ActionPointAccessResult> {
  const access = await actionPointAccess(db, userId, actionPointId);
  require(access?.level ?? null, min, 'Action point');
  return access!;
}

/** Nobody grants above their own level. */
export function assertCanGrant(own: Level, requested: Level): void {
  if (!atLeast(own, 'ADMIN')) throw new AppError('FORBIDDEN', 'ADMIN access required to manage access');
  if (levelOrder(requested) > levelOrder(own)) {
    throw new AppError('FORBIDDEN', `Cannot grant ${requested}: above your own level (${own})`);
  }
}

/** True when a level change takes rights away. */
export const lowered = (from: Level, to: Level): boolean => levelOrder(to) < levelOrder(from);

/** The grantee of a board grant or an action point share: someone else, not the owner. */
export function assertGrantee(input: { callerId: string; ownerId: string; targetId: string; what: string }): void {
  if (input.targetId === input.callerId) {
    throw new AppError('BAD_REQUEST', `You cannot change your own access to this ${input.what}`, {
      fields: [{ path: 'userId', message: 'is yourself' }],
    });
  }
  if (input.targetId === input.ownerId) {
    throw new AppError('BAD_REQUEST', `The owner of this ${input.what} already has every right`, {
      fields: [{ path: 'userId', message: 'is the owner' }],
    });
  }
}

/** Users a grant or a share can be given to: existing, not deleted accounts. */
export const grantableUser = (userId: string): Prisma.UserWhereInput => ({ id: userId, deletedAt: null });

/** Comments the user may see: those on action points they may see. */
export function commentVisibleTo(userId: string): Prisma.CommentWhereInput {
  return { actionPoint: actionPointVisibleTo(userId) };
}

/**
 * Who may change a comment, given the caller's level on its action point:
 * its author edits it (while they may still comment); its author or an ADMIN of
 * the action point deletes it.
 */
export function assertCanChangeComment(access: Level, input: { isAuthor: boolean; action: 'update' | 'delete' }): void {
  if (input.isAuthor && atLeast(access, 'COMMENT')) return;
  if (input.action === 'delete' && atLeast(access, 'ADMIN')) return;
  throw new AppError(
    'FORBIDDEN',
    input.action === 'update'
      ? 'Only the author can edit a comment'
      : 'Only the author or an ADMIN of the action point can delete a comment',
  );
}

/**
 * The users among `userIds` who may see the action point (each checked with the
 * same visibility rule as every query), e.g. who can be mentioned or notified.
 */
export async function usersWhoCanSeeActionPoint(db: DbTx, actionPointId: string, userIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const userId of new Set(userIds)) {
    const visible = await db.actionPoint.findFirst({
      where: { id: actionPointId, ...actionPointVisibleTo(userId) },
      select: { id: true },
    });
    if (!visible) continue;
    const user = await db.user.findFirst({ where: grantableUser(userId), select: { id: true } });
    if (user) out.add(userId);
  }
  return out;
}

/** Tags the user may see: those of boards they may see. */
export function tagVisibleTo(userId: string): Prisma.TagWhereInput {
  return { board: boardVisibleTo(userId) };
}

/** Links the user may see: both of their ends visible to them. */
export function linkVisibleTo(userId: string): Prisma.LinkedActionPointWhereInput {
  return { source: actionPointVisibleTo(userId), target: actionPointVisibleTo(userId) };
}

/**
 * The caller's level on a board they can see, by boardLevelOf: the
 * owner's is decided from the board row alone (no further query on the hot paths
 * of moves and views); anyone else's from their grants and organization.
 */
export async function boardLevelFor(db: DbTx, userId: string, board: { id: string; ownerId: string }): Promise<Level | null> {
  if (board.ownerId === userId) return boardLevelOf({ ownerId: board.ownerId, permissions: [], organization: null }, userId);
  const access = await db.board.findUnique({ where: { id: board.id }, select: boardAccessSelect(userId) });
  return access ? boardLevelOf(access, userId) : null;
}

/** Like requireBoard: NOT_FOUND when invisible, FORBIDDEN below `min`; cheaper for the owner. */
export async function requireBoardLevel(db: DbTx, userId: string, boardId: string, min: Level): Promise<Level> {
  const board = await db.board.findFirst({
    where: { id: boardId, ...boardVisibleTo(userId) },
    select: { id: true, ownerId: true },
  });
  const level = board ? await boardLevelFor(db, userId, board) : null;
  if (!level) throw notFound('Board');
  if (!atLeast(level, min)) throw forbidden(`Board: ${min} access required, you have ${level}`);
  return level;
}

/** What the move rule needs of a board, read with the move itself (db's moveContext). */
export interface MoveBoardFacts {
  ownerId: string;
  organizationId: string | null;
  /** The mover's own grant on the board, if any. */
  grant: string | null;
}

/** The level boardLevelOf gives from ownership and the user's grant alone (no organization roles). */
function levelWithoutRoles(board: Pick<MoveBoardFacts, 'ownerId' | 'grant'>, userId: string): Level | null {
  return boardLevelOf(
    { ownerId: board.ownerId, permissions: board.grant ? [{ level: board.grant as Level }] : [], organization: null },
    userId,
  );
}

/**
 * Whether the one-statement move may move for this user: they own the board or hold
 * an EDIT or ADMIN grant on it. Its SQL form is db's ranks.ts (whereMoverMayMove),
 * held equal to this by a test; a move it refuses takes the locked path, where
 * moveLevel decides with organization roles too.
 */
export const movesInOneStatement = (board: Pick<MoveBoardFacts, 'ownerId' | 'grant'>, userId: string): boolean =>
  atLeast(levelWithoutRoles(board, userId), 'EDIT');

/**
 * The mover's level on the board of a move (null: they cannot see it): from the
 * move's own read, unless organization roles may count, then by requireBoardLevel.
 */
export async function moveLevel(tx: DbTx, userId: string, boardId: string, facts: MoveBoardFacts | null): Promise<Level | null> {
  if (facts && (facts.organizationId === null || facts.ownerId === userId)) return levelWithoutRoles(facts, userId);
  return requireBoardLevel(tx, userId, boardId, 'VIEW').catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
}

// Documents: the owner; a DocumentPermission; members of the document's organization
// (VIEW), its admins (ADMIN). A deleted document is visible to nobody. The SQL form
// of documentVisibleTo is db's documents.ts (documentVisibleToSql), held equal by a test.

/** Documents the user may see. */
export function documentVisibleTo(userId: string): Prisma.DocumentWhereInput {
  return { deletedAt: null, ...documentReachableBy(userId) };
}

/** Documents the user has a level on, deleted or not (a repeated delete is answered, not refused). */
export function documentReachableBy(userId: string): Prisma.DocumentWhereInput {
  return {
    OR: [{ ownerId: userId }, { permissions: { some: { userId } } }, { organization: { deletedAt: null, members: { some: { userId } } } }],
  };
}

/** Selects what `documentLevelOf` needs, for one user. */
export function documentAccessSelect(userId: string) {
  return {
    ownerId: true,
    deletedAt: true,
    permissions: { where: { userId }, select: { level: true } },
    organization: {
      select: {
        deletedAt: true,
        members: { where: { userId }, select: { role: { select: { isAdmin: true } } } },
      },
    },
  } satisfies Prisma.DocumentSelect;
}

type DocumentAccess = Prisma.DocumentGetPayload<{ select: ReturnType<typeof documentAccessSelect> }>;

/** The user's level on a document: the best of ownership, their grant and their organization role. */
export function documentLevelOf(doc: DocumentAccess, userId: string): Level | null {
  if (doc.deletedAt) return null;
  const org = doc.organization && !doc.organization.deletedAt ? doc.organization.members[0] : undefined;
  return maxLevel([
    doc.ownerId === userId ? 'ADMIN' : null,
    doc.permissions[0]?.level as Level | undefined,
    org ? (org.role.isAdmin ? 'ADMIN' : 'VIEW') : null,
  ]);
}

export interface DocumentAccessResult {
  id: string;
  ownerId: string;
  level: Level;
}

/** The caller's level on a document; NOT_FOUND without any, FORBIDDEN below `min`. */
export async function requireDocument(db: DbTx, userId: string, documentId: string, min: Level): Promise<DocumentAccessResult> {
  const doc = await db.document.findFirst({
    where: { id: documentId, ...documentVisibleTo(userId) },
    select: { id: true, ...documentAccessSelect(userId) },
  });
  const level = doc ? documentLevelOf(doc, userId) : null;
  require(level, min, 'Document');
  return { id: doc!.id, ownerId: doc!.ownerId, level: level! };
}

/** Organizations a user may put a document in: those they are a member of. */
export const documentOrganizationFor = (userId: string, organizationId: string): Prisma.OrganizationWhereInput => ({
  id: organizationId,
  ...organizationVisibleTo(userId),
});
