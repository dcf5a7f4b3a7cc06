// The job queue on pg-boss 12: jobs live in their own schema of the application's
// database, so a job can be inserted by the transaction that causes it (an outbox).
import { randomUUID } from 'node:crypto';
import { PgBoss, type Db as BossDb, type JobWithMetadata } from 'pg-boss';
import type { DbTx } from '@ap/db/client';
import { pgConnection } from '@ap/db/connection';
import type {
  FailedJob,
  JobDefinition,
  JobHandler,
  JobLog,
  JobQueue,
  JsonObject,
  NewJob,
  ScheduleOptions,
  StopOptions,
  WorkOptions,
} from './types.ts';

export interface JobQueueOptions {
  databaseUrl: string;
  /** Every job this process enqueues or works: their queues are created (or updated) at start. */
  definitions: readonly JobDefinition[];
  /** PostgreSQL schema of the queue's tables. Default `pgboss`. */
  schema?: string;
  /**
   * Seconds between polls for new jobs (≥ 0.5). Default 1. Workers poll: LISTEN/NOTIFY
   * wake-ups do not reach connections of the embedded database.
   */
  pollingIntervalSeconds?: number;
  /** Pool size of the queue's own connections. Default 4. */
  max?: number;
  /**
   * Run the database-side housekeeping (expiring attempts, retention, firing schedules).
   * Default true; every process may run it, pg-boss elects one per pass.
   */
  maintain?: boolean;
  log?: JobLog;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;
/** Prefixes of singleton keys: a caller's idempotency key, or a keyless job's own. */
const USER_KEY = 'k:';
const OWN_KEY = 'id:';
const SCHEDULE_KEY = 'schedule:';
const userKey = (singletonKey: unknown): string | null =>
  typeof singletonKey === 'string' && singletonKey.startsWith(USER_KEY) ? singletonKey.slice(USER_KEY.length) : null;

const silent: JobLog = { info() {}, warn() {}, error() {} };

/** A transaction's own connection as pg-boss's query executor. */
function viaTransaction(tx: DbTx): BossDb {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

function errorText(output: unknown): string | null {
  if (output === null || typeof output !== 'object') return output == null ? null : String(output);
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === 'string') return o.message;
  if (o.value !== undefined) return typeof o.value === 'string' ? o.value : JSON.stringify(o.value);
  return JSON.stringify(output);
}

/**
 * Structurally the core JobQueue port. Create it with createJobQueue (which starts
 * it); stop() ends its workers and closes its pool.
 */
export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly schemaName: string;
  private readonly pollingIntervalSeconds: number;
  private readonly log: JobLog;
  private started = false;
  private stopping: Promise<void> | null = null;

  constructor(options: JobQueueOptions) {
    this.schemaName = options.schema ?? 'pgboss';
    if (!SCHEMA_NAME.test(this.schemaName)) throw new Error(`Invalid job queue schema name: ${this.schemaName}`);
    this.pollingIntervalSeconds = Math.max(0.5, options.pollingIntervalSeconds ?? 1);
    this.log = options.log ?? silent;
    for (const d of options.definitions) {
      if (this.definitions.has(d.name)) throw new Error(`Job ${d.name} is defined twice`);
      this.definitions.set(d.name, d);
    }
    const maintain = options.maintain ?? true;
    this.boss = new PgBoss({
      ...pgConnection(options.databaseUrl),
      schema: this.schemaName,
      max: options.max ?? 4,
      application_name: 'ap-jobs',
      useListenNotify: false,
      supervise: maintain,
      schedule: maintain,
      migrate: true,
      // The monitors' defaults (60 s) are long for short retries and expiries.
      superviseIntervalSeconds: 5,
      monitorIntervalSeconds: 10,
      cronMonitorIntervalSeconds: 10,
      persistWarnings: false,
    });
    this.boss.on('error', (err: unknown) => this.log.error({ err }, 'job queue error'));
    this.boss.on('warning', (warning: unknown) => this.log.warn({ warning }, 'job queue warning'));
  }

  /** Installs (or migrates) the schema and creates the defined queues and their dead-letter queues. */
  async start(): Promise<this> {
    await this.boss.start();
    this.started = true;
    try {
      await this.createQueues();
    } catch (err) {
      await this.boss.stop({ graceful: false, close: true }).catch(() => {});
      throw err;
    }
    this.log.info({ schema: this.schemaName, jobs: [...this.definitions.keys()] }, 'job queue started');
    return this;
  }

  private async createQueues(): Promise<void> {
    for (const d of this.definitions.values()) {
      // A dead-letter queue keeps every copy: 'standard', so copies sharing a key all stay.
      if (d.deadLetter && !(await this.boss.getQueue(d.deadLetter))) {
        await this.boss.createQueue(d.deadLetter, { policy: 'standard' }).catch(async (err: unknown) => {
          if (!(await this.boss.getQueue(d.deadLetter!))) throw err;
        });
      }
      await this.ensureQueue(d.name, {
        retryLimit: d.retryLimit,
        retryDelay: d.retryDelaySeconds,
        retryBackoff: d.retryBackoff,
        ...(d.retryDelayMaxSeconds !== undefined ? { retryDelayMax: d.retryDelayMaxSeconds } : {}),
        expireInSeconds: d.expireInSeconds,
        ...(d.deadLetter ? { deadLetter: d.deadLetter } : {}),
      });
    }
  }

  private async ensureQueue(
    name: string,
    options: {
      retryLimit?: number;
      retryDelay?: number;
      retryBackoff?: boolean;
      retryDelayMax?: number;
      expireInSeconds?: number;
      deadLetter?: string;
    },
  ) {
    const existing = await this.boss.getQueue(name);
    if (!existing) {
      try {
        // 'exclusive': at most one job per key while it is queued, retrying or active.
        await this.boss.createQueue(name, { policy: 'exclusive', ...options });
        return;
      } catch (err) {
        // Created meanwhile by another process: update it below.
        if (!(await this.boss.getQueue(name))) throw err;
      }
    } else if (existing.policy !== 'exclusive') {
      throw new Error(`Queue ${name} exists with policy ${existing.policy}; jobs need 'exclusive'`);
    }
    await this.boss.updateQueue(name, options);
  }

  private definition(name: string): JobDefinition {
    const d = this.definitions.get(name);
    if (!d) throw new Error(`Unknown job ${name}: add its definition to the job registry`);
    if (!this.started) throw new Error('The job queue is not started');
    return d;
  }

  /**
   * Queues are 'exclusive' (one job per singleton key while queued, retrying or active),
   * which treats keyless jobs as one group: a keyless job gets a key of its own, its id.
   */
  private sendOptions(job: NewJob) {
    const id = randomUUID();
    const { heartbeatSeconds } = this.definition(job.name);
    return {
      id,
      ...(heartbeatSeconds ? { heartbeatSeconds } : {}),
      singletonKey: job.key !== undefined ? `${USER_KEY}${job.key}` : `${OWN_KEY}${id}`,
      ...(job.startAfter ? { startAfter: job.startAfter } : {}),
      ...(job.priority !== undefined ? { priority: job.priority } : {}),
    };
  }

  async enqueue<T extends JsonObject>(tx: DbTx, job: NewJob<T>): Promise<string | null> {
    this.definition(job.name);
    // Only the insert runs, on the transaction's connection: the queue's row is cached
    // since start(), so pg-boss needs none of its own connections here (on the
    // embedded database one would wait for this very transaction).
    return this.boss.send(job.name, job.data, { ...this.sendOptions(job), db: viaTransaction(tx) });
  }

  async enqueueNow<T extends JsonObject>(job: NewJob<T>): Promise<string | null> {
    this.definition(job.name);
    return this.boss.send(job.name, job.data, this.sendOptions(job));
  }

  async work<T extends JsonObject>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    const d = this.definition(name);
    await this.boss.work(
      name,
      {
        batchSize: 1,
        includeMetadata: true,
        localConcurrency: Math.max(1, options.concurrency ?? 1),
        pollingIntervalSeconds: this.pollingIntervalSeconds,
      },
      async (jobs: JobWithMetadata<T>[]) => {
        for (const job of jobs) {
          const attempt = job.retryCount + 1;
          try {
            await handler({
              id: job.id,
              name: job.name,
              data: job.data,
              attempt,
              maxAttempts: (job.retryLimit ?? d.retryLimit) + 1,
              signal: job.signal,
            });
          } catch (err) {
            this.log.warn({ err, job: { id: job.id, name: job.name, attempt } }, 'job attempt failed');
            throw err;
          }
        }
      },
    );
  }

  async schedule(name: string, cron: string, data: JsonObject, options: ScheduleOptions = {}): Promise<void> {
    this.definition(name);
    await this.boss.schedule(name, cron, data, {
      tz: options.tz ?? 'UTC',
      // One job per schedule at a time: a tick finding the previous tick's job still
      // queued or running adds none.
      singletonKey: `${SCHEDULE_KEY}${options.key ?? ''}`,
      ...(options.key !== undefined ? { key: options.key } : {}),
    });
  }

  async unschedule(name: string, key?: string): Promise<void> {
    this.definition(name);
    await this.boss.unschedule(name, key);
  }

  /** Schedules stored for a job name (each fires once per tick, whichever process fires it). */
  async schedules(name: string): Promise<{ name: string; key: string; cron: string; timezone: string; data: JsonObject }[]> {
    const rows = await this.boss.getSchedules(name);
    return rows.map((s) => ({ name: s.name, key: s.key, cron: s.cron, timezone: s.timezone, data: (s.data ?? {}) as JsonObject }));
  }

  async failed(name: string, options: { limit?: number } = {}): Promise<FailedJob[]> {
    this.definition(name);
    const queue = await this.boss.getQueue(name);
    if (!queue) return [];
    const limit = Math.min(Math.max(1, options.limit ?? 100), 1000);
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT id::text AS id, name, data, singleton_key, retry_count, output, completed_on
         FROM ${this.schemaName}.${queue.table}
        WHERE name = $1 AND state = 'failed'
        ORDER BY completed_on DESC NULLS LAST, id
        LIMIT $2`,
      [name, limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      name: String(r.name),
      data: (r.data ?? {}) as JsonObject,
      key: userKey(r.singleton_key),
      attempts: Number(r.retry_count) + 1,
      error: errorText(r.output),
      failedAt: r.completed_on ? new Date(r.completed_on as string) : null,
    }));
  }

  /** Jobs copied to a dead-letter queue (their data; `source` names the job they came from). */
  async deadLettered(
    deadLetter: string,
    options: { limit?: number } = {},
  ): Promise<{ id: string; sourceId: string | null; data: JsonObject }[]> {
    const jobs = await this.boss.findJobs<JsonObject>(deadLetter, { limit: options.limit ?? 100 });
    return jobs.map((j) => ({ id: j.id, sourceId: j.sourceId, data: j.data }));
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopping ??= this.boss
      .stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, close: true })
      .then(() => this.log.info({}, 'job queue stopped'));
    return this.stopping;
  }
}

/** Creates and starts a job queue. */
export async function createJobQueue(options: JobQueueOptions): Promise<PgBossJobQueue> {
  return new PgBossJobQueue(options).start();
}
