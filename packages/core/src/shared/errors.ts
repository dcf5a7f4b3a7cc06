/**
 * The one error type of the product. Every failure that reaches a client is an
 * AppError (or is converted into one in a single place: packages/api/src/trpc.ts).
 */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: { fields?: FieldIssue[]; [key: string]: unknown },
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError('CONFLICT', message, details);
export const badRequest = (message: string, fields?: FieldIssue[]) => new AppError('BAD_REQUEST', message, fields ? { fields } : undefined);

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Prisma codes and PostgreSQL states that mean "the database is unreachable", not "bad input". */
const UNAVAILABLE_CODES = new Set([
  'P1001', // can't reach the database server
  'P1002', // the server timed out
  'P1008', // operation timed out
  'P1017', // the server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '53300', // too many connections
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now
]);

const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|connection terminated|can't reach database server|connect ECONNREFUSED|DatabaseNotReachable|the database system is (starting up|shutting down)/i;

/** True when `err` (or something in its cause chain) says the database cannot be reached. */
function isUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 6;
    depth++
  ) {
    if (typeof e !== 'object') return false;
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
    if (e.kind === 'DatabaseNotReachable' || e.kind === 'ConnectionClosed' || e.kind === 'SocketTimeout') return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Maps a database error that means bad input (unique, foreign key) to an AppError,
 * and one that means the database is unreachable to SERVICE_UNAVAILABLE.
 */
export function fromDatabaseError(err: unknown): AppError | null {
  if (isUnavailable(err)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable, retry later', { retryAfter: RETRY_AFTER_SECONDS });
  }
  const e = err as { code?: string; meta?: { code?: string; target?: unknown } };
  const code = e?.code === 'P2010' ? e.meta?.code : e?.code;
  switch (code) {
    case 'P2002':
    case '23505':
      return new AppError('CONFLICT', 'A record with these values already exists');
    case 'P2003':
    case '23503':
      return new AppError('NOT_FOUND', 'A referenced record does not exist');
    case 'P2025':
      return new AppError('NOT_FOUND', 'Record not found');
    case 'P2034':
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Concurrent update, please retry');
    default:
      return null;
  }
}
