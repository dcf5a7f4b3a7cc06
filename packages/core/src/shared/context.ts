import type { Db } from '@ap/db/client';
import type { JobProducer } from '../ports/job-queue.ts';
import type { EventBus } from './events.ts';

/**
 * Who performs a change. A person acts for themself; a workflow rule acts for its
 * owner; the bot acts for the user who accepted its suggestion. Whoever acts, the
 * rights that apply are those of the user it acts for (`ServiceContext.userId`),
 * checked when it acts: there are no service accounts.
 */
export type Actor =
  | { type: 'user' }
  /** `depth`: the chain depth of the event the rule's run acts on (see workflows/hook.ts). */
  | { type: 'rule'; ruleId: string; depth?: number }
  | { type: 'bot'; interactionId: string };

/** The user a change is made for, and who makes it. */
export interface Acting {
  /** Local User id: whose rights apply, and on whose behalf the change is made. */
  userId: string;
  actor: Actor;
  /** The id of the request the change is made in, when there is one (recorded in the audit log). */
  requestId?: string;
}

/** What a core function needs to act for a user. */
export interface ServiceContext extends Acting {
  db: Db;
  events: EventBus;
  /** The outbox: where the runs of the rules a change triggers are queued (needed once a board has rules). */
  jobs?: JobProducer;
}

/** A context in which the user acts themself, with the services of `deps`. */
export const asUser = <D extends Pick<ServiceContext, 'db' | 'events'>>(deps: D, userId: string): D & ServiceContext => ({
  ...deps,
  userId,
  actor: { type: 'user' },
});

/** The columns of an activity or audit row that name who acted, and for whom. */
export function actedBy(by: Acting): { actorId: string; actorType: 'USER' | 'RULE' | 'BOT'; actorRef: string | null } {
  const a = by.actor;
  if (a.type === 'rule') return { actorId: by.userId, actorType: 'RULE', actorRef: a.ruleId };
  if (a.type === 'bot') return { actorId: by.userId, actorType: 'BOT', actorRef: a.interactionId };
  return { actorId: by.userId, actorType: 'USER', actorRef: null };
}
