// A worker process for killed-worker.test.ts: it takes jobs of JOB_NAME, records each
// attempt, and never finishes one, until the test kills it with SIGKILL.
import { defineJob } from '@ap/core/jobs/registry';
import { startJobRunner } from '../src/runner.ts';
import pg from 'pg';

const definition = defineJob(process.env.JOB_NAME!, { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false, heartbeatSeconds: 10 });
await startJobRunner({
  databaseUrl: process.env.DATABASE_URL!,
  schema: process.env.JOB_SCHEMA!,
  pollingIntervalSeconds: 0.5,
  max: 3,
  log: { info: () => {}, warn: (o, m) => console.error(m, o), error: (o, m) => console.error(m, o) },
  handlers: [
    {
      definition,
      handler: async (job: { id: string; data: { key: string }; attempt: number }) => {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query(`INSERT INTO jobs_test.attempt (job_id, key, attempt, runner) VALUES ($1, $2, $3, 'killed')`, [
          job.id,
          job.data.key,
          job.attempt,
        ]);
        await client.end();
        console.log(`started ${job.id}`);
        await new Promise(() => {});
      },
    },
  ],
});
console.log('ready');
