// Compiles: correct inputs, and outputs typed from the router.
import { createClient, type RouterInputs, type RouterOutputs } from '../../src/client.ts';

const client = createClient({ url: 'http://localhost:3000', getToken: () => null });

export async function ok() {
  const me: RouterOutputs['users']['me'] = await client.users.me.query();
  const id: string = me.id;
  const input: RouterInputs['users']['updateMe'] = { displayName: 'Alice' };
  await client.users.updateMe.mutate(input);
  // @ts-expect-error displayName is a string, not a number
  await client.users.updateMe.mutate({ displayName: 42 });
  // @ts-expect-error no such procedure
  await client.users.nope.query();
  return id;
}

export async function flags() {
  // Boolean filters take booleans from tRPC (and "true"/"false" text over REST).
  await client.actionPoints.list.query({ owned: true, assignedToMe: false });
  await client.notifications.list.query({ unreadOnly: true });
  // @ts-expect-error not a boolean
  await client.notifications.list.query({ unreadOnly: 1 });
}
