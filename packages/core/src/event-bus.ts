import type { Db } from '@ap/db/client';
import { LocalEventBus, type EventBus } from './events.ts';

/** The event bus of a server process. */
export async function createEventBus(_opts: {
  url: string;
  db: Db;
  log?: { warn(obj: unknown, msg?: string): void };
}): Promise<EventBus> {
  return new LocalEventBus();
}
