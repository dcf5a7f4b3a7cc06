/**
 * Deciding on the bot's suggestions (suggestions/bot.ts makes them).
 *
 * `accept` creates the action point through the ordinary create path
 * (action-points/crud.ts) in the same transaction that marks the suggestion ACCEPTED,
 * with the bot as the actor acting for the person who accepted it (their rights
 * apply: EDIT on the chosen board). Decisions on one interaction's suggestions take
 * that interaction's row lock first, so a repeated or concurrent accept waits for the
 * first and then answers the action point it made: never a second one. `reject`
 * records the reason. Only the interaction's user decides; anyone else gets NOT_FOUND.
 */
import type { DbTx } from '@ap/db/client';
import { boardVisibleTo, requireBoard } from '../access/rules.ts';
import { createActionPointIn } from '../action-points/crud.ts';
import { loadActionPoint, type ActionPointDetail } from '../action-points/model.ts';
import type { JobProducer } from '../ports/job-queue.ts';
import type { Acting, ServiceContext } from '../shared/context.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { mutate } from '../shared/tx.ts';
import { queueSuggestionAccepted } from '../workflows/hook.ts';
import { suggestionSelect, type SuggestionRow } from './bot.ts';

/**
 * The caller's suggestion, read after taking its interaction's row lock (NOT_FOUND
 * when it is someone else's): decisions on one interaction happen one at a time,
 * and each sees what the one before it decided.
 */
async function lockSuggestion(tx: DbTx, userId: string, suggestionId: string): Promise<SuggestionRow> {
  const found = await tx.botGeneratedActionPoint.findFirst({
    where: { id: suggestionId, interaction: { userId } },
    select: { interactionId: true },
  });
  if (!found) throw notFound('Suggestion');
  await tx.botInteraction.update({ where: { id: found.interactionId }, data: { updatedAt: new Date() }, select: { id: true } });
  return tx.botGeneratedActionPoint.findUniqueOrThrow({ where: { id: suggestionId }, select: suggestionSelect });
}

/** An interaction whose every suggestion is decided is REVIEWED. */
async function closeIfReviewed(tx: DbTx, interactionId: string): Promise<void> {
  const pending = await tx.botGeneratedActionPoint.count({ where: { interactionId, status: 'PENDING' } });
  if (pending === 0) await tx.botInteraction.update({ where: { id: interactionId }, data: { status: 'REVIEWED' }, select: { id: true } });
}

export interface AcceptInput {
  suggestionId: string;
  boardId: string;
  columnId: string;
  /** Edits; each left out takes the suggestion's own value (null clears it). */
  title?: string;
  description?: string | null;
  dueDate?: Date | null;
  assigneeId?: string | null;
}

/**
 * `bot.accept`: the action point made from the suggestion, created on the chosen
 * board and column (EDIT there) in the transaction that marks the suggestion
 * ACCEPTED. Accepting it again answers the same action point (whatever the board
 * and edits of the repeat); a REJECTED one is CONFLICT. The suggestion's assignee
 * (when no `assigneeId` is given) stays only if they can see the chosen board.
 */
export async function acceptSuggestion(svc: ServiceContext & { jobs: JobProducer }, input: AcceptInput): Promise<ActionPointDetail> {
  return mutate(svc, async (tx, events) => {
    const s = await lockSuggestion(tx, svc.userId, input.suggestionId);
    if (s.status === 'REJECTED') throw conflict('The suggestion was rejected: it cannot be accepted', { status: s.status });
    if (s.status === 'ACCEPTED') {
      const existing = s.actionPointId ? await loadActionPoint(tx, svc.userId, s.actionPointId) : null;
      if (!existing)
        throw conflict('The suggestion was accepted, and the action point made from it has been deleted since', { status: s.status });
      return existing;
    }
    await requireBoard(tx, svc.userId, input.boardId, 'EDIT');
    let assigneeId = input.assigneeId !== undefined ? input.assigneeId : s.assigneeId;
    if (input.assigneeId === undefined && assigneeId) {
      const sees = await tx.board.count({ where: { id: input.boardId, ...boardVisibleTo(assigneeId) } });
      if (!sees) assigneeId = null;
    }
    const by: Acting & { jobs: JobProducer } = {
      userId: svc.userId,
      actor: { type: 'bot', interactionId: s.interactionId },
      ...(svc.requestId ? { requestId: svc.requestId } : {}),
      jobs: svc.jobs,
    };
    const ap = await createActionPointIn(
      tx,
      events,
      by,
      {
        title: input.title ?? s.title,
        description: input.description !== undefined ? input.description : s.description,
        dueDate: input.dueDate !== undefined ? input.dueDate : s.dueDate,
        assigneeId,
        boardId: input.boardId,
        columnId: input.columnId,
      },
      { activity: { suggestionId: s.id, interactionId: s.interactionId } },
    );
    await tx.botGeneratedActionPoint.update({
      where: { id: s.id },
      data: { status: 'ACCEPTED', actionPointId: ap.id, decidedAt: new Date() },
      select: { id: true },
    });
    await closeIfReviewed(tx, s.interactionId);
    await queueSuggestionAccepted(tx, by, { suggestionId: s.id, boardId: input.boardId, actionPointId: ap.id });
    return ap;
  });
}

export const MAX_REASON_CHARS = 1_000;

/**
 * `bot.reject`: the suggestion is REJECTED, with the reason given. Rejecting it
 * again answers it as it is (its first reason stays); an ACCEPTED one is CONFLICT.
 */
export async function rejectSuggestion(svc: ServiceContext, input: { suggestionId: string; reason?: string }): Promise<SuggestionRow> {
  return mutate(svc, async (tx) => {
    const s = await lockSuggestion(tx, svc.userId, input.suggestionId);
    if (s.status === 'ACCEPTED') {
      throw conflict('The suggestion was accepted: it cannot be rejected (delete its action point instead)', {
        status: s.status,
        actionPointId: s.actionPointId,
      });
    }
    if (s.status === 'REJECTED') return s;
    const updated = await tx.botGeneratedActionPoint.update({
      where: { id: s.id },
      data: { status: 'REJECTED', rejectReason: input.reason?.trim() || null, decidedAt: new Date() },
      select: suggestionSelect,
    });
    await closeIfReviewed(tx, s.interactionId);
    return updated;
  });
}
