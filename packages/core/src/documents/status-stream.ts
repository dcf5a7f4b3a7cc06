/**
 * Live status of documents (documents.onStatus): the status and progress events of
 * one document, or of every document the caller can see. Each event is checked
 * against the document rules when it arrives, so a revoked grant stops its events
 * at once. With a document id, reading starts with its current state (also after a
 * reconnect: a status is a state, not a log), and the stream ends once it is deleted.
 */
import { documentReachableBy, documentVisibleTo, requireDocument } from '../access/rules.ts';
import { listen, type LiveStream } from '../collaboration/live.ts';
import type { ServiceContext } from '../shared/context.ts';
import type { DocumentEvent } from '../shared/events.ts';
import { documentEvent, documentSelect } from './documents.ts';

export async function openDocumentStatusStream(
  svc: ServiceContext,
  input: { documentId?: string },
  signal?: AbortSignal,
): Promise<LiveStream<DocumentEvent>> {
  const only = input.documentId;
  if (only) await requireDocument(svc.db, svc.userId, only, 'VIEW');
  const { inbox, stop } = listen(svc, (e) => e.kind === 'document' && (!only || e.documentId === only), signal);
  const mayReceive = async (e: DocumentEvent) =>
    (await svc.db.document.count({
      where: { id: e.documentId, ...(e.deleted ? documentReachableBy(svc.userId) : documentVisibleTo(svc.userId)) },
    })) > 0;
  return (async function* () {
    try {
      if (only) {
        const doc = await svc.db.document.findFirst({ where: { id: only, ...documentVisibleTo(svc.userId) }, select: documentSelect });
        if (!doc) return;
        const now = documentEvent(doc);
        yield { id: now.id, data: now };
      }
      for (;;) {
        const item = await inbox.next(signal);
        if (item === null) return;
        if (item === 'resync' || item.kind !== 'document') continue;
        if (!(await mayReceive(item))) {
          if (only) return;
          continue;
        }
        yield { id: item.id, data: item };
        if (only && item.deleted) return;
      }
    } finally {
      stop();
    }
  })();
}
