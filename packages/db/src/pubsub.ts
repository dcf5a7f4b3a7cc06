// PostgreSQL LISTEN/NOTIFY: a dedicated, self-reconnecting listening connection and
// a typed publish through the shared pool. Used by core's event bus.
import pg from 'pg';
import type { DbTx } from './client.ts';
import { pgConnection } from './connection.ts';

/** NOTIFY payloads must stay below 8000 bytes; keep a margin. */
export const MAX_NOTIFY_BYTES = 7000;

/** Sends one notification on `channel` (delivered to listeners when this statement commits). */
export async function pgNotify(db: DbTx, channel: string, payload: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

export interface PgListenerOptions {
  url: string;
  channel: string;
  onMessage(payload: string): void;
  /** Called after every (re)connection is listening; `reconnected` is false the first time. */
  onListening?(reconnected: boolean): void;
  onError?(err: unknown): void;
  /** Delay before the first reconnection attempt, doubled up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface PgListener {
  /** Resolves once the first LISTEN succeeded (rejects if that first attempt fails). */
  ready: Promise<void>;
  /** Ends the current connection: the listener reconnects (used by tests). */
  dropConnection(): Promise<void>;
  close(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A connection that LISTENs on one channel and reconnects (with backoff) whenever it
 * drops. Notifications sent while it was down are lost: `onListening(true)` tells the
 * owner to catch up from the database.
 */
export function createPgListener(opts: PgListenerOptions): PgListener {
  const retryMs = opts.retryMs ?? 250;
  const maxRetryMs = opts.maxRetryMs ?? 5_000;
  let client: pg.Client | null = null;
  let closed = false;
  let connectedOnce = false;
  let delay = retryMs;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ ...pgConnection(opts.url), keepAlive: true });
    c.on('notification', (msg) => {
      if (msg.channel === opts.channel && msg.payload !== undefined) opts.onMessage(msg.payload);
    });
    c.on('error', (err) => {
      opts.onError?.(err);
      lost(c);
    });
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${quoteIdent(opts.channel)}`);
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delay = retryMs;
    const reconnected = connectedOnce;
    connectedOnce = true;
    opts.onListening?.(reconnected);
  };

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    c.removeAllListeners('end');
    c.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect().catch((err) => {
        opts.onError?.(err);
        delay = Math.min(delay * 2, maxRetryMs);
        schedule();
      });
    }, delay);
    timer.unref();
  };

  const ready = connect();
  ready.catch(() => {});

  return {
    ready,
    async dropConnection() {
      const c = client;
      if (c) await c.end().catch(() => {});
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}

/**
 * Whether a notification sent on one connection reaches a listener on another.
 * PostgreSQL: yes. The embedded database (PGlite behind a socket) runs a single
 * backend shared by every connection, so a notification is only echoed back to the
 * connection that sent it: no.
 */
export async function crossConnectionNotifyWorks(url: string, timeoutMs = 2_000): Promise<boolean> {
  const channel = `ap_probe_${Math.random().toString(36).slice(2, 10)}`;
  const listener = new pg.Client(pgConnection(url));
  const sender = new pg.Client(pgConnection(url));
  listener.on('error', () => {});
  sender.on('error', () => {});
  try {
    await Promise.all([listener.connect(), sender.connect()]);
    await listener.query(`LISTEN ${quoteIdent(channel)}`);
    const outcome = new Promise<boolean>((resolve) => {
      listener.on('notification', (m) => m.channel === channel && resolve(true));
      sender.on('notification', (m) => m.channel === channel && resolve(false));
      setTimeout(() => resolve(false), timeoutMs).unref();
    });
    await sender.query('SELECT pg_notify($1, $2)', [channel, 'probe']);
    // The listener only sees notifications when it reads from its socket.
    await listener.query('SELECT 1');
    return await outcome;
  } finally {
    await Promise.all([listener.end().catch(() => {}), sender.end().catch(() => {})]);
  }
}
