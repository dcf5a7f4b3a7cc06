import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResyncingEventBus } from '../src/shared/event-bus.ts';
import { LocalEventBus, type DomainEvent } from '../src/shared/events.ts';
import { ActiveUsers } from '../src/identity/users.ts';

const alice = { id: '00000000-0000-4000-8000-00000000000a', clerkId: 'user_alice' };
const bob = { id: '00000000-0000-4000-8000-00000000000b', clerkId: 'user_bob' };

const account = (userIds: string[], boardId: string | null = null): DomainEvent => ({
  kind: 'access',
  id: 'e1',
  boardId,
  actionPointId: null,
  userIds,
  at: new Date().toISOString(),
});

/** A local bus that can also signal a resync, as PgEventBus does after a reconnection. */
class ResyncingBus extends LocalEventBus implements ResyncingEventBus {
  private readonly resyncs = new EventEmitter();
  onResync(listener: () => void) {
    this.resyncs.on('resync', listener);
    return () => this.resyncs.off('resync', listener);
  }
  resync() {
    this.resyncs.emit('resync');
  }
}

describe('ActiveUsers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('remembers a caller for the time to live', () => {
    const users = new ActiveUsers({ ttlMs: 1_000 });
    users.set(alice, users.begin());
    expect(users.get('user_alice')).toEqual(alice);
    expect(users.get('user_bob')).toBeNull();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 1_001);
    expect(users.get('user_alice')).toBeNull();
  });

  it("drops a user on an account-wide access event, not on a board's", () => {
    const bus = new ResyncingBus();
    const users = new ActiveUsers();
    const stop = users.follow(bus);
    users.set(alice, users.begin());
    users.set(bob, users.begin());
    bus.publish(account([alice.id], '00000000-0000-4000-8000-0000000000b0'));
    expect(users.get('user_alice')).toEqual(alice);
    bus.publish(account([alice.id]));
    expect(users.get('user_alice')).toBeNull();
    expect(users.get('user_bob')).toEqual(bob);
    // Events may have been missed: nothing is trusted any more.
    bus.resync();
    expect(users.get('user_bob')).toBeNull();
    stop();
    users.set(bob, users.begin());
    bus.publish(account([bob.id]));
    expect(users.get('user_bob')).toEqual(bob);
  });

  it('does not keep an answer read before a drop', () => {
    const users = new ActiveUsers();
    const since = users.begin();
    users.forget([alice.id]);
    users.set(alice, since);
    expect(users.get('user_alice')).toBeNull();
  });

  it('forgets the oldest beyond its size', () => {
    const users = new ActiveUsers({ max: 1 });
    users.set(alice, users.begin());
    users.set(bob, users.begin());
    expect(users.get('user_alice')).toBeNull();
    expect(users.get('user_bob')).toEqual(bob);
  });
});
