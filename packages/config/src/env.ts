import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(' or ')} URL`);

const origin = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '');
  } catch {
    return false;
  }
}, 'must be origins like https://app.example.com');

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
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
  });

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`,
    );
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
