import type { DbTx } from '@ap/db/client';
import type { ServiceContext } from './context.ts';
import type { DomainEvent } from './events.ts';

/**
 * Runs a change in one transaction and publishes the domain events it collected
 * only after it committed: nothing half-written, no event for a rolled-back change.
 */
export async function mutate<T>(
  svc: Pick<ServiceContext, 'db' | 'events'>,
  fn: (tx: DbTx, events: DomainEvent[]) => Promise<T>,
): Promise<T> {
  const events: DomainEvent[] = [];
  const result = await svc.db.$transaction((tx) => fn(tx, events), { maxWait: 10_000, timeout: 20_000 });
  for (const event of events) await svc.events.publish(event);
  return result;
}
