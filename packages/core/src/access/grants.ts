/**
 * Grants: "a user has a level on a resource". Board permissions, action-point
 * shares and document shares are the three uses of this module: list, grant
 * or change, and revoke, with the same rules for all — only ADMIN manages grants,
 * nobody grants above their own level, the owner and the caller themself are never
 * grantees — and the same effects: a record of the change (board activity, or the
 * document's audit log), a notification for the grantee,
 * and an access event when rights were taken away (live streams re-check access).
 *
 * Granting is idempotent (PUT): re-granting the same level changes nothing, and
 * concurrent grants, or a grant racing a revoke, take turns on a per-grant lock.
 */
import { deleteGrant, findGrant, listGrants as listGrantRows, lockGrant, putGrant, type GrantRow, type GrantTable } from '@ap/db/grants';
import type { DbTx, NotificationType } from '@ap/db/client';
import { recordActivity, recordOnActionPointBoards, type ActivityEntry } from '../boards/activity.ts';
import { notify } from '../collaboration/notifications.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { DomainEvent } from '../shared/events.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { recordAudit } from '../documents/audit.ts';
import {
  assertCanGrant,
  assertGrantee,
  grantableUser,
  lowered,
  requireActionPoint,
  requireBoard,
  requireDocument,
  type Level,
} from './rules.ts';

export type { GrantRow };

/** Where a grant points, for notifications and access events. */
interface Target {
  boardId: string | null;
  actionPointId: string | null;
}

/** One kind of resource that users can be granted a level on. */
export interface GrantKind {
  table: GrantTable;
  /** The resource, in messages ("board", "action point"). */
  what: string;
  /** The grant, in messages and activity ("permission", "share"). */
  noun: 'permission' | 'share';
  notification: NotificationType;
  /** The caller's level on the resource and its owner; NOT_FOUND when they cannot see it. */
  access(tx: DbTx, userId: string, resourceId: string): Promise<{ level: Level; ownerId: string }>;
  target(resourceId: string): Target;
  /** What the grantee's notification carries besides the levels (e.g. the document's id). */
  notificationData?(resourceId: string): Record<string, string>;
  /** Records a change of a grant in the resource's activity; returns the last row's id and time. */
  record(
    tx: DbTx,
    resourceId: string,
    entry: Omit<ActivityEntry, 'boardId' | 'actionPointId'>,
    events: DomainEvent[],
  ): Promise<{ id: string; at: string }>;
}

export const boardGrants: GrantKind = {
  table: 'board',
  what: 'board',
  noun: 'permission',
  notification: 'BOARD_GRANTED',
  access: (tx, userId, boardId) => requireBoard(tx, userId, boardId, 'VIEW'),
  target: (boardId) => ({ boardId, actionPointId: null }),
  async record(tx, boardId, entry, events) {
    const event = await recordActivity(tx, { ...entry, boardId });
    events.push(event);
    return event;
  },
};

export const actionPointGrants: GrantKind = {
  table: 'actionPoint',
  what: 'action point',
  noun: 'share',
  notification: 'ACTION_POINT_SHARED',
  access: (tx, userId, actionPointId) => requireActionPoint(tx, userId, actionPointId, 'VIEW'),
  target: (actionPointId) => ({ boardId: null, actionPointId }),
  record: (tx, actionPointId, entry, events) => recordOnActionPointBoards(tx, { ...entry, actionPointId }, events),
};

export const documentGrants: GrantKind = {
  table: 'document',
  what: 'document',
  noun: 'share',
  notification: 'DOCUMENT_SHARED',
  access: (tx, userId, documentId) => requireDocument(tx, userId, documentId, 'VIEW'),
  target: () => ({ boardId: null, actionPointId: null }),
  notificationData: (documentId) => ({ documentId }),
  // A document's grants are recorded in its audit log.
  record: (tx, documentId, entry) =>
    recordAudit(tx, {
      by: entry.by,
      action: entry.action.endsWith('.revoked') ? 'document.unshared' : 'document.shared',
      documentIds: documentId,
      details: { shareId: entry.entityId, ...entry.changes },
    }),
};

/** Grants on a resource (anyone who can see it sees who else can), by user id. */
export async function listGrants(
  svc: ServiceContext,
  kind: GrantKind,
  input: { resourceId: string; cursor?: string; limit: number },
): Promise<Page<GrantRow>> {
  await kind.access(svc.db, svc.userId, input.resourceId);
  const after = decodeCursor(input.cursor, ['uuid'])?.[0] ?? null;
  const rows = await listGrantRows(svc.db, kind.table, input.resourceId, after, input.limit + 1);
  return toPage(rows, input.limit, (r) => [r.userId]);
}

/** Gives a user a level on a resource, or changes it; the same level again changes nothing. */
export async function grant(
  svc: ServiceContext,
  kind: GrantKind,
  input: { resourceId: string; userId: string; level: Level },
): Promise<GrantRow> {
  return mutate(svc, async (tx, events) => {
    const resource = await kind.access(tx, svc.userId, input.resourceId);
    assertCanGrant(resource.level, input.level);
    if (!(await tx.user.findFirst({ where: grantableUser(input.userId), select: { id: true } }))) throw notFound('User');
    assertGrantee({ callerId: svc.userId, ownerId: resource.ownerId, targetId: input.userId, what: kind.what });

    await lockGrant(tx, kind.table, input.resourceId, input.userId);
    const before = await findGrant(tx, kind.table, input.resourceId, input.userId);
    if (before?.level === input.level) return before;
    await putGrant(tx, kind.table, { ...input, grantedById: svc.userId });
    const row = (await findGrant(tx, kind.table, input.resourceId, input.userId))!;
    const recorded = await kind.record(
      tx,
      input.resourceId,
      {
        by: svc,
        action: `${kind.noun}.granted`,
        entityType: kind.noun,
        entityId: row.id,
        changes: { userId: input.userId, level: { from: before?.level ?? null, to: input.level } },
      },
      events,
    );
    if (before && lowered(before.level, input.level)) {
      events.push({ kind: 'access', id: recorded.id, ...kind.target(input.resourceId), userIds: [input.userId], at: recorded.at });
    }
    await notify(
      tx,
      {
        recipients: [input.userId],
        type: kind.notification,
        actorId: svc.userId,
        ...kind.target(input.resourceId),
        data: { level: input.level, previousLevel: before?.level ?? null, ...kind.notificationData?.(input.resourceId) },
      },
      events,
    );
    return row;
  });
}

/** Removes a user's grant (ADMIN only); effective on their next request. */
export async function revoke(svc: ServiceContext, kind: GrantKind, input: { resourceId: string; userId: string }): Promise<void> {
  await mutate(svc, async (tx, events) => {
    const resource = await kind.access(tx, svc.userId, input.resourceId);
    assertCanGrant(resource.level, 'VIEW');
    await lockGrant(tx, kind.table, input.resourceId, input.userId);
    const removed = await deleteGrant(tx, kind.table, input.resourceId, input.userId);
    if (!removed) throw notFound(kind.noun === 'share' ? 'Share' : 'Permission');
    const recorded = await kind.record(
      tx,
      input.resourceId,
      {
        by: svc,
        action: `${kind.noun}.revoked`,
        entityType: kind.noun,
        entityId: removed.id,
        changes: { userId: input.userId, level: { from: removed.level, to: null } },
      },
      events,
    );
    events.push({ kind: 'access', id: recorded.id, ...kind.target(input.resourceId), userIds: [input.userId], at: recorded.at });
  });
}
