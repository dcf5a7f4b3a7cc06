// Entry point of `npm start`.
import { parseEnvOrExit } from '@ap/config/env';
import { startServer } from './server.ts';

const env = parseEnvOrExit();

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
