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
