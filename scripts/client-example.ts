// The typed client against a running server, from the repository root:
//   TOKEN=$(npm run --silent token -- --email alice@example.com | tail -n 1) npx tsx scripts/client-example.ts
// (API_URL overrides http://127.0.0.1:3000.)
import { createClient } from '../packages/client/src/client.ts';

const token = process.env.TOKEN;
if (!token) {
  console.error('Set TOKEN to a session token (npm run --silent token -- --email you@example.com | tail -n 1)');
  process.exit(2);
}
const api = createClient({ url: process.env.API_URL ?? 'http://127.0.0.1:3000', getToken: () => token });

const board = await api.boards.create.mutate({ name: 'Launch' });
console.log(`created board ${board.id} with columns ${board.columns.map((c) => c.name).join(', ')}`);
const events = api.boards.onEvent.subscribe(
  { boardId: board.id },
  { onData: (e) => console.log('event', JSON.stringify(e).slice(0, 200)) },
);
const ap = await api.actionPoints.create.mutate({ title: 'Write the announcement', boardId: board.id, columnId: board.columns[0]!.id });
console.log(`created action point ${ap.id}`);
await new Promise((r) => setTimeout(r, 1_000));
events.unsubscribe();
