import { z } from 'zod';
import { ZId, ZText } from '../../schemas.ts';

export const ZBoardOnEventInput = z.strictObject({
  boardId: ZId,
  /** The id of the last event received: events after it are replayed first. */
  lastEventId: ZText.max(20).nullish(),
});
