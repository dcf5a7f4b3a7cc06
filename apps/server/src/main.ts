// Entry point of `npm start`.
import { EnvError, parseEnv } from '@ap/config/env';
import { startServer } from './server.ts';

let env;
try {
  env = parseEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const server = await startServer(env).catch((err: unknown) => {
  console.error(`Start-up failed: ${(err as Error).message}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
