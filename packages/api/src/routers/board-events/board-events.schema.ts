import { z } from 'zod';
import { ZId } from '../../schemas.ts';

export const ZBoardOnEventInput = z.strictObject({
  boardId: ZId,
  /** The id of the last event received: events after it are replayed first. */
  lastEventId: z.string().max(20).nullish(),
});
