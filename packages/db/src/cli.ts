// `npm run migrate` / `npm run migrate:status` against DATABASE_URL (or the embedded database).
import { parseEnv } from '@ap/config/env';
import { migrate, migrationStatus } from './migrate.ts';
import { openDatabase } from './embedded.ts';

const command = process.argv[2];
const env = parseEnv();
const database = await openDatabase(env);
try {
  if (command === 'migrate') {
    const applied = await migrate(database.url, { log: (m) => console.log(m) });
    console.log(applied.length ? `${applied.length} migration(s) applied` : 'No pending migrations');
  } else if (command === 'status') {
    const s = await migrationStatus(database.url);
    console.log(JSON.stringify(s, null, 2));
    if (s.pending.length || s.modified.length || s.failed.length) process.exitCode = 1;
  } else {
    console.error('usage: cli.ts migrate|status');
    process.exitCode = 2;
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
