// Entry point of `npm run worker`: works the job queue until SIGTERM or SIGINT.
import { pino } from 'pino';
import { parseEnvOrExit } from '@ap/config/env';
import { ServicesConfigError } from './services.ts';
import { startWorker, WorkerConfigError } from './worker.ts';

const env = parseEnvOrExit();

const log = pino({ level: env.LOG_LEVEL, base: { service: 'worker' } });

const starting = startWorker(env, { log }).catch((err: unknown) => {
  if (err instanceof WorkerConfigError || err instanceof ServicesConfigError) console.error(err.message);
  else console.error(`Worker start-up failed: ${(err as Error).message}`);
  process.exit(1);
});

// Registered before start-up ends, so a signal during it still stops gracefully.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    starting
      .then((worker) => worker.stop({ timeoutMs: 30_000 }))
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
  });
}
