import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EnvError, EnvSchema, parseEnv } from '../src/env.ts';

const failure = (env: Record<string, string>) => {
  try {
    parseEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).issues;
  }
  throw new Error('expected parseEnv to fail');
};

describe('environment', () => {
  it('has working defaults with nothing set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './.data',
      MIGRATE_ON_START: true,
      CORS_ORIGINS: [],
      LOG_LEVEL: 'info',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CLERK_ISSUER).toBeUndefined();
  });

  it('parses lists, booleans and numbers; empty values count as unset', () => {
    const env = parseEnv({
      PORT: '8080',
      MIGRATE_ON_START: 'false',
      CORS_ORIGINS: 'https://a.example.com, http://localhost:5173',
      CLERK_AUTHORIZED_PARTIES: 'https://a.example.com,https://b.example.com',
      DATABASE_URL: '',
    });
    expect(env.PORT).toBe(8080);
    expect(env.MIGRATE_ON_START).toBe(false);
    expect(env.CORS_ORIGINS).toEqual(['https://a.example.com', 'http://localhost:5173']);
    expect(env.CLERK_AUTHORIZED_PARTIES).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START'],
    [{ CORS_ORIGINS: 'https://a.example.com/path' }, 'CORS_ORIGINS'],
    [{ CLERK_ISSUER: 'not a url' }, 'CLERK_ISSUER'],
    [{ CLERK_WEBHOOK_SIGNING_SECRET: 'secret' }, 'CLERK_WEBHOOK_SIGNING_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('names the variable of a bad value: %o', (env, variable) => {
    const issues = failure(env as Record<string, string>);
    expect(issues.map((i) => i.variable)).toContain(variable);
  });

  it('refuses production without a Clerk issuer', () => {
    const issues = failure({ NODE_ENV: 'production' });
    expect(issues).toEqual([expect.objectContaining({ variable: 'CLERK_ISSUER' })]);
    expect(parseEnv({ NODE_ENV: 'production', CLERK_ISSUER: 'https://clerk.example.com' }).NODE_ENV).toBe('production');
  });

  it('reports every bad variable at once, in one message', () => {
    try {
      parseEnv({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOG_LEVEL/);
    }
  });
});

describe('.env.example', () => {
  it('documents every variable the environment schema reads', () => {
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const missing = Object.keys(EnvSchema.shape).filter((k) => !new RegExp(`^#?\\s*${k}=`, 'm').test(text));
    expect(missing).toEqual([]);
  });

  it('METRICS_TOKEN is optional and at least 16 characters', () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: 'x'.repeat(16) }).METRICS_TOKEN).toBe('x'.repeat(16));
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
