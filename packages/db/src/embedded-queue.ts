/**
 * The message queue in front of the embedded PostgreSQL. PGlite is one backend
 * session shared by every socket connection, and pglite-socket queues protocol
 * messages one by one: without care, connection B's Parse can land between
 * connection A's Parse and Sync (both use the unnamed statement), or B's queries
 * can run inside A's transaction. This queue gives a connection the session from
 * its first message until a Sync or simple Query completes with no transaction
 * open; the others wait.
 */
import type { PGlite } from '@electric-sql/pglite';

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (n: number) => void;
  reject: (err: Error) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/** Does this message end a request cycle (a ReadyForQuery follows)? */
function endsCycle(message: Uint8Array): boolean {
  const type = message[0];
  // Startup and SSL/cancel requests start with a length (first byte 0).
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

export class SessionQueue {
  private queue: Queued[] = [];
  private processing = false;
  /** The connection holding the session, or null when it is free. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private next(): Queued | undefined {
    if (this.owner === null) return this.queue.shift();
    const i = this.queue.findIndex((q) => q.handlerId === this.owner);
    return i === -1 ? undefined : this.queue.splice(i, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      let item: Queued | undefined;
      while ((item = this.next())) {
        const current = item;
        this.owner = current.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (err) {
          current.reject(err as Error);
          continue;
        }
        if (endsCycle(current.message) && !this.db.isInTransaction()) this.owner = null;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection that went away releases the session (rolling back its transaction). */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }
}
