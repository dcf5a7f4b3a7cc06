import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(' or ')} URL`,
  );

/** The `sslmode` values of a DATABASE_URL, as libpq names them. */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

/** A PEM certificate (or bundle); `\n` written as two characters, as one-line variables often are, is a line break. */
const caCert = z
  .string()
  .transform((v) => v.replace(/\\n/g, '\n'))
  .refine(
    (v) => /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(v),
    'must be a PEM certificate (-----BEGIN CERTIFICATE----- …)',
  );

const origin = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '');
  } catch {
    return false;
  }
}, 'must be origins like https://app.example.com');

/** `Key=Value;…` pairs of an Azure Storage connection string. */
export function parseConnectionString(value: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    pairs[part.slice(0, at).trim().toLowerCase()] = part.slice(at + 1).trim();
  }
  return pairs;
}

const connectionString = z.string().refine((v) => {
  const p = parseConnectionString(v);
  if (p.usedevelopmentstorage === 'true') return true;
  // An account key is needed: the server signs upload and download URLs with it.
  return Boolean(p.accountname && p.accountkey);
}, 'must be a storage connection string with an account key (AccountName=…;AccountKey=…[;BlobEndpoint=…]) or UseDevelopmentStorage=true');

const containerName = z
  .string()
  .regex(
    /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be a container name: 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
  );

const mimeList = list
  .transform((items) => items.map((i) => i.toLowerCase()))
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'must list MIME types like application/pdf'))
      .min(1, 'must list at least one MIME type'),
  );

const extensionList = list
  .transform((items) => items.map((i) => i.toLowerCase().replace(/^\./, '')))
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9]{1,16}$/, 'must list extensions like pdf,docx (letters and digits)'))
      .min(1, 'must list at least one extension'),
  );

const minutes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(fallback);

/** Upload types accepted when UPLOAD_ALLOWED_TYPES is unset. */
export const DEFAULT_UPLOAD_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'text/markdown',
  'text/html',
  'text/csv',
  'image/png',
  'image/jpeg',
  'image/tiff',
];

/** Extensions accepted when UPLOAD_ALLOWED_EXTENSIONS is unset: those of the default types. */
export const DEFAULT_UPLOAD_EXTENSIONS = [
  'pdf',
  'docx',
  'pptx',
  'xlsx',
  'txt',
  'md',
  'markdown',
  'html',
  'htm',
  'csv',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
];

/** Largest single PUT Azure Blob Storage accepts (5000 MiB). */
const MAX_SINGLE_PUT_BYTES = 5000 * 1024 * 1024;

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: url(['postgres:', 'postgresql:'])
      .refine(
        (v) => {
          const mode = URL.canParse(v) ? new URL(v).searchParams.get('sslmode') : null;
          return mode === null || (SSL_MODES as readonly string[]).includes(mode);
        },
        `sslmode must be one of ${SSL_MODES.join(', ')}`,
      )
      .optional(),
    DATABASE_CA_CERT: caCert.optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    MIGRATE_ON_START: bool.default(true),
    CORS_ORIGINS: list.pipe(z.array(origin)).default([]),
    CLERK_ISSUER: url(['https:', 'http:']).optional(),
    CLERK_JWKS_URL: url(['https:', 'http:']).optional(),
    CLERK_AUTHORIZED_PARTIES: list.optional(),
    CLERK_SECRET_KEY: z.string().min(1).optional(),
    CLERK_API_URL: url(['https:', 'http:']).optional(),
    CLERK_WEBHOOK_SIGNING_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a whsec_… secret')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    // Blob Storage and uploads. Neither a connection string nor an account URL: an
    // embedded Azurite in DATA_DIR/blob on EMBEDDED_BLOB_PORT.
    AZURE_STORAGE_CONNECTION_STRING: connectionString.optional(),
    AZURE_STORAGE_ACCOUNT_URL: url(['https:', 'http:']).optional(),
    AZURE_STORAGE_CONTAINER: containerName.default('documents'),
    EMBEDDED_BLOB_PORT: z.coerce.number().int().min(0).max(65535).default(10000),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SINGLE_PUT_BYTES, `must be at most ${MAX_SINGLE_PUT_BYTES} (one PUT to Blob Storage)`)
      .default(52428800),
    UPLOAD_ALLOWED_TYPES: mimeList.default(DEFAULT_UPLOAD_TYPES),
    UPLOAD_ALLOWED_EXTENSIONS: extensionList.default(DEFAULT_UPLOAD_EXTENSIONS),
    UPLOAD_URL_TTL_MINUTES: minutes(15),
    DOWNLOAD_URL_TTL_MINUTES: minutes(5),
    // AI services: Azure OpenAI (chosen when its endpoint is set), else OpenAI or a
    // compatible server (when OPENAI_API_KEY is set), else local fallbacks.
    AZURE_OPENAI_ENDPOINT: url(['https:', 'http:']).optional(),
    AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
    AZURE_OPENAI_API_VERSION: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must be an API version like 2024-10-21')
      .optional(),
    AZURE_OPENAI_CHAT_DEPLOYMENT: z.string().min(1).optional(),
    AZURE_OPENAI_EMBEDDING_DEPLOYMENT: z.string().min(1).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: url(['https:', 'http:']).optional(),
    OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
    OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
    EMBEDDING_DIMENSIONS: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(2, 'must be at least 2')
      .max(16000, 'must be at most 16000 (the pgvector limit)')
      .default(1536),
    AI_TIMEOUT_MS: z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(1, 'must be at least 1')
      .max(600_000, 'must be at most 600000 (10 minutes)')
      .default(30_000),
    /** Per-user limit on the AI procedures (every procedure built with `aiProcedure`); 0 turns it off. */
    AI_REQUESTS_PER_MINUTE: z.coerce
      .number({ message: 'must be a whole number of requests' })
      .int('must be a whole number of requests')
      .min(0, 'must be 0 (no limit) or more')
      .max(1_000_000, 'must be at most 1000000')
      .default(20),
    /** Per-user limit on every other API call (per client address without a token); 0 turns it off. */
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ message: 'must be a whole number of requests' })
      .int('must be a whole number of requests')
      .min(0, 'must be 0 (no limit) or more')
      .max(1_000_000, 'must be at most 1000000')
      .default(600),
    /**
     * Proxies (load balancers) in front of the server that append the client's address
     * to X-Forwarded-For: the client address is the one that many entries from its end.
     * 0: X-Forwarded-For is not trusted, the connection's address is the client's.
     */
    TRUSTED_PROXY_COUNT: z.coerce
      .number({ message: 'must be a whole number of proxies' })
      .int('must be a whole number of proxies')
      .min(0, 'must be 0 or more')
      .max(10, 'must be at most 10')
      .default(0),
    /** Tokens a user's AI calls may use per UTC day; 0 turns the budget off. */
    AI_DAILY_TOKEN_BUDGET: z.coerce
      .number({ message: 'must be a whole number of tokens' })
      .int('must be a whole number of tokens')
      .min(0, 'must be 0 (no budget) or more')
      .max(1_000_000_000, 'must be at most 1000000000')
      .default(200_000),
    AZURE_VISION_ENDPOINT: url(['https:', 'http:']).optional(),
    AZURE_VISION_KEY: z.string().min(1).optional(),
    AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT: url(['https:', 'http:']).optional(),
    AZURE_DOCUMENT_INTELLIGENCE_KEY: z.string().min(1).optional(),
    // Background jobs
    /** This process also runs background jobs; `npm run worker` runs a worker alone. */
    RUN_WORKER: bool.default(true),
    /** Outgoing webhooks may target loopback, private and link-local addresses. Unset: true, except in production. */
    WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.optional(),
    /** When set, /health/metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.CLERK_ISSUER) {
      ctx.addIssue({
        code: 'custom',
        path: ['CLERK_ISSUER'],
        message: 'is required when NODE_ENV=production (the local issuer is for development only)',
      });
    }
    if (env.AZURE_STORAGE_CONNECTION_STRING && env.AZURE_STORAGE_ACCOUNT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AZURE_STORAGE_ACCOUNT_URL'],
        message: 'set either AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL, not both',
      });
    }
  })
  .superRefine((env, ctx) => {
    // AI services: a service's settings must come together.
    const issue = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    const pairs: [endpoint: string, key: string][] = [
      ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY'],
      ['AZURE_VISION_ENDPOINT', 'AZURE_VISION_KEY'],
      ['AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT', 'AZURE_DOCUMENT_INTELLIGENCE_KEY'],
    ];
    const values = env as Record<string, unknown>;
    for (const [endpoint, key] of pairs) {
      if (values[endpoint] !== undefined && values[key] === undefined) issue(key, `is required when ${endpoint} is set`);
      if (values[key] !== undefined && values[endpoint] === undefined) issue(endpoint, `is required when ${key} is set`);
    }
    if (env.AZURE_OPENAI_ENDPOINT) {
      if (!env.AZURE_OPENAI_CHAT_DEPLOYMENT && !env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT) {
        issue(
          'AZURE_OPENAI_CHAT_DEPLOYMENT',
          'AZURE_OPENAI_CHAT_DEPLOYMENT or AZURE_OPENAI_EMBEDDING_DEPLOYMENT is required when AZURE_OPENAI_ENDPOINT is set',
        );
      }
    } else {
      for (const name of ['AZURE_OPENAI_CHAT_DEPLOYMENT', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'AZURE_OPENAI_API_VERSION'] as const) {
        if (env[name] !== undefined) issue(name, 'has no effect without AZURE_OPENAI_ENDPOINT');
      }
    }
    if (env.OPENAI_BASE_URL && !env.OPENAI_API_KEY) {
      issue('OPENAI_API_KEY', 'is required when OPENAI_BASE_URL is set (any value for a server that checks none)');
    }
  });

export type Env = z.output<typeof EnvSchema>;

/** WEBHOOK_ALLOW_PRIVATE_TARGETS, defaulted: true outside production, false in it. */
export const webhookAllowPrivateTargets = (env: Pick<Env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS' | 'NODE_ENV'>): boolean =>
  env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? env.NODE_ENV !== 'production';

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(`Invalid environment:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses an environment (process.env by default). Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => ({
        variable: String(i.path[0] ?? 'environment'),
        message: i.message,
      })),
    );
  }
  return result.data;
}

/** For entry points: the parsed environment, or the problems printed and exit code 1. */
export function parseEnvOrExit(): Env {
  try {
    return parseEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * NODE_ENV alone, for code that needs it before (or without) the whole environment:
 * module set-up, and the token CLI's refusal in production.
 */
export function nodeEnv(source: Record<string, string | undefined> = process.env): Env['NODE_ENV'] {
  const result = EnvSchema.shape.NODE_ENV.safeParse(source.NODE_ENV?.trim() || undefined);
  if (!result.success) throw new EnvError([{ variable: 'NODE_ENV', message: result.error.issues[0]?.message ?? 'is invalid' }]);
  return result.data;
}

/** DATABASE_CA_CERT alone, for the database connections (packages/db), which are opened with a URL only. */
export function databaseCaCert(source: Record<string, string | undefined> = process.env): string | undefined {
  const value = source.DATABASE_CA_CERT?.trim();
  if (!value) return undefined;
  const result = EnvSchema.shape.DATABASE_CA_CERT.safeParse(value);
  if (!result.success) throw new EnvError([{ variable: 'DATABASE_CA_CERT', message: result.error.issues[0]?.message ?? 'is invalid' }]);
  return result.data;
}
