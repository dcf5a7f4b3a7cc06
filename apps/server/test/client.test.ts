import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('@ap/client against the real server', () => {
  it('reads and updates the signed-in user over HTTP (batched)', async () => {
    const u = await h.user();
    const client = h.client(u.token);
    const [me, again] = await Promise.all([client.users.me.query(), client.users.me.query()]);
    expect(me.id).toBe(u.id);
    expect(again).toEqual(me);
    const updated = await client.users.updateMe.mutate({ displayName: 'Client Person' });
    expect(updated.displayName).toBe('Client Person');
    const rest = await h.rest('GET', '/api/users/me', { token: u.token });
    expect(rest.body).toMatchObject({ id: u.id, displayName: 'Client Person' });
  });

  it('surfaces errors with the API code', async () => {
    const client = h.client(null);
    const err = await client.users.me.query().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<never>).data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
  });

  it('reads the token on every call (sign-out takes effect)', async () => {
    const u = await h.user();
    let token: string | null = u.token;
    const { createClient } = await import('@ap/client/client');
    const client = createClient({ url: h.url, getToken: () => token });
    expect((await client.users.me.query()).id).toBe(u.id);
    token = null;
    await expect(client.users.me.query()).rejects.toThrow(/bearer/i);
  });
});
