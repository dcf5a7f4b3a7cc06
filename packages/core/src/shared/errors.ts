/**
 * The one error type of the product. Every failure that reaches a client is an
 * AppError (or is converted into one in a single place: packages/api/src/trpc.ts).
 */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
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
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);
export const badRequest = (message: string, fields?: FieldIssue[]) =>
  new AppError('BAD_REQUEST', message, fields ? { fields } : undefined);

/** Maps a database error that means bad input (unique, foreign key) to an AppError. */
export function fromDatabaseError(err: unknown): AppError | null {
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
