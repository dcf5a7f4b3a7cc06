import type { Db } from '@ap/db/client';
import type { EventBus } from './events.ts';

/** What a core function needs to act for a signed-in user. */
export interface ServiceContext {
  db: Db;
  events: EventBus;
  /** Local User id of the caller. */
  userId: string;
}
