// Must NOT compile: a wrong input type for users.updateMe.
import { createClient } from '../../src/client.ts';

const client = createClient({ url: 'http://localhost:3000', getToken: () => null });

export const bad = client.users.updateMe.mutate({ displayName: 42 });
