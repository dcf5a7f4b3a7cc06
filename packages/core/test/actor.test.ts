// Who acted, and for whom: a rule or the bot acting for a user is recorded as such
// on every path that writes activity (the one-statement move included), and acts
// with that user's rights only.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { createActionPoint, updateActionPoint } from '../src/action-points/crud.ts';
import { moveActionPoint } from '../src/action-points/move.ts';
import { createBoard } from '../src/boards/boards.ts';
import type { JobProducer } from '../src/ports/job-queue.ts';
import type { Actor, ServiceContext } from '../src/shared/context.ts';
import { AppError } from '../src/shared/errors.ts';
import { LocalEventBus } from '../src/shared/events.ts';

const db = testDb();
const events = new LocalEventBus();
/** The jobs these changes cause (embedding the text) are not what is tested here: they are only counted. */
const enqueued: string[] = [];
const jobs: JobProducer = {
  enqueue: async (_tx, job) => {
    enqueued.push(job.name);
    return null;
  },
  enqueueNow: async (job) => {
    enqueued.push(job.name);
    return null;
  },
};
const as = (userId: string, actor: Actor): ServiceContext & { jobs: JobProducer } => ({ db, events, jobs, userId, actor });
const newUser = () => db.user.create({ data: { clerkId: `user_${randomUUID()}` }, select: { id: true } });

async function lastActivity(actionPointId: string) {
  return db.activity.findFirstOrThrow({
    where: { actionPointId },
    orderBy: { id: 'desc' },
    select: { action: true, actorId: true, actorType: true, actorRef: true },
  });
}

describe('the actor of a change', () => {
  it('is recorded with the user it acted for, on creates, updates and both move paths', async () => {
    const owner = await newUser();
    const ruleId = randomUUID();
    const interactionId = randomUUID();
    const board = await createBoard(as(owner.id, { type: 'user' }), { name: 'Actors', columns: ['A', 'B'] });
    const [a, b] = board.columns;

    const bot = as(owner.id, { type: 'bot', interactionId });
    const ap = await createActionPoint(bot, { title: 'From notes', boardId: board.id, columnId: a!.id });
    expect(await lastActivity(ap.id)).toEqual({
      action: 'actionPoint.created',
      actorId: owner.id,
      actorType: 'BOT',
      actorRef: interactionId,
    });

    const rule = as(owner.id, { type: 'rule', ruleId });
    await updateActionPoint(rule, { actionPointId: ap.id, title: 'Renamed by a rule' });
    expect(await lastActivity(ap.id)).toEqual({ action: 'actionPoint.updated', actorId: owner.id, actorType: 'RULE', actorRef: ruleId });
    // The create and the new title each queued their text for embedding.
    expect(enqueued.filter((n) => n === 'actionPoint.embed')).toHaveLength(2);

    // To the end of an empty column: the one-statement path.
    await moveActionPoint(rule, { boardId: board.id, actionPointId: ap.id, columnId: b!.id });
    expect(await lastActivity(ap.id)).toEqual({ action: 'actionPoint.moved', actorId: owner.id, actorType: 'RULE', actorRef: ruleId });

    // Between two neighbouring ranks of the longest length: the one statement finds no
    // room and writes nothing, so the locked path rebalances the column and places it.
    const left = await createActionPoint(as(owner.id, { type: 'user' }), { title: 'Left', boardId: board.id, columnId: a!.id });
    const other = await createActionPoint(as(owner.id, { type: 'user' }), { title: 'Other', boardId: board.id, columnId: a!.id });
    await db.actionPointBoardAssociation.update({
      where: { actionPointId_boardId: { actionPointId: left.id, boardId: board.id } },
      data: { columnId: b!.id, rank: `1${'0'.repeat(30)}1` },
    });
    await db.actionPointBoardAssociation.update({
      where: { actionPointId_boardId: { actionPointId: ap.id, boardId: board.id } },
      data: { rank: `1${'0'.repeat(30)}2` },
    });
    const ruleId2 = randomUUID();
    const placed = await moveActionPoint(as(owner.id, { type: 'rule', ruleId: ruleId2 }), {
      boardId: board.id,
      actionPointId: other.id,
      columnId: b!.id,
      afterId: left.id,
      beforeId: ap.id,
    });
    expect(placed.rebalanced).toBe(true);
    expect(await lastActivity(other.id)).toEqual({ action: 'actionPoint.moved', actorId: owner.id, actorType: 'RULE', actorRef: ruleId2 });
    expect(await lastActivity(ap.id)).not.toMatchObject({ actorRef: ruleId2 });
  });

  it('acts with the rights of the user it acts for, not more', async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const board = await createBoard(as(owner.id, { type: 'user' }), { name: 'Private', columns: ['A'] });
    const ap = await createActionPoint(as(owner.id, { type: 'user' }), {
      title: 'Mine',
      boardId: board.id,
      columnId: board.columns[0]!.id,
    });
    const err = await updateActionPoint(as(stranger.id, { type: 'rule', ruleId: randomUUID() }), {
      actionPointId: ap.id,
      title: 'x',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_FOUND');
    expect(await lastActivity(ap.id)).toMatchObject({ actorType: 'USER', actorId: owner.id });
  });
});
