/**
 * The audit log of documents: who did what to a document, when, in which request.
 * Every view, download-URL issue, update, reprocess, share, unshare and delete
 * writes its row through `recordAudit`, in the transaction of the change (searches
 * and answers write `document.retrieved` rows through it too). The table refuses
 * UPDATE and DELETE; rows outlive their document.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { requireDocument } from '../access/rules.ts';
import { actedBy, type Acting, type ServiceContext } from '../shared/context.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';

export const AUDIT_ACTIONS = [
  'document.created',
  'document.viewed',
  'document.downloaded',
  'document.retrieved',
  'document.updated',
  'document.reprocessed',
  'document.shared',
  'document.unshared',
  'document.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Who acted, for whom, and in which request. */
  by: Acting;
  action: AuditAction;
  /** One document, or several (a search that returned chunks of each). */
  documentIds: string | string[];
  /** What changed, or what was returned: `{ field: { from, to } }`, the grantee, the chunks. */
  details?: Record<string, unknown>;
  /** Details of one document's row only, added to `details` (the chunks a search returned of it). */
  detailsOf?: Record<string, Record<string, unknown>>;
}

/** Writes one row per document in one statement, in the caller's transaction; returns the last row's id and time. */
export async function recordAudit(tx: DbTx, entry: AuditEntry): Promise<{ id: string; at: string }> {
  const ids = [...new Set(Array.isArray(entry.documentIds) ? entry.documentIds : [entry.documentIds])];
  const who = actedBy(entry.by);
  const rows = await tx.auditLog.createManyAndReturn({
    data: ids.map((documentId) => ({
      documentId,
      ...who,
      action: entry.action,
      requestId: entry.by.requestId ?? null,
      details: { ...entry.details, ...entry.detailsOf?.[documentId] } as Prisma.InputJsonValue,
    })),
    select: { id: true, at: true },
  });
  const last = rows.reduce<(typeof rows)[number] | undefined>((a, r) => (a && a.id > r.id ? a : r), undefined);
  return last ? { id: last.id.toString(), at: last.at.toISOString() } : { id: '0', at: new Date(0).toISOString() };
}

export const auditSelect = {
  id: true,
  documentId: true,
  actorId: true,
  actorType: true,
  actorRef: true,
  action: true,
  requestId: true,
  details: true,
  at: true,
} satisfies Prisma.AuditLogSelect;

export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>;

/** A document's audit log, newest first (ADMIN on the document). */
export async function listAudit(
  svc: ServiceContext,
  input: { documentId: string; cursor?: string; limit: number },
): Promise<Page<AuditRow>> {
  await requireDocument(svc.db, svc.userId, input.documentId, 'ADMIN');
  const before = decodeCursor(input.cursor, ['seq'])?.[0] ?? null;
  const rows = await svc.db.auditLog.findMany({
    where: { documentId: input.documentId, ...(before !== null ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: auditSelect,
  });
  return toPage(rows, input.limit, (r) => [r.id.toString()]);
}
