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
      RUN_WORKER: true,
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
    [{ RUN_WORKER: 'sometimes' }, 'RUN_WORKER'],
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

describe('blob storage and upload variables', () => {
  it('defaults to the embedded emulator and the documented limits', () => {
    const env = parseEnv({});
    expect(env.AZURE_STORAGE_CONNECTION_STRING).toBeUndefined();
    expect(env.AZURE_STORAGE_ACCOUNT_URL).toBeUndefined();
    expect(env).toMatchObject({
      AZURE_STORAGE_CONTAINER: 'documents',
      EMBEDDED_BLOB_PORT: 10000,
      UPLOAD_MAX_BYTES: 52428800,
      UPLOAD_URL_TTL_MINUTES: 15,
      DOWNLOAD_URL_TTL_MINUTES: 5,
    });
    expect(env.UPLOAD_ALLOWED_TYPES).toContain('application/pdf');
    expect(env.UPLOAD_ALLOWED_TYPES).toContain('image/tiff');
    expect(env.UPLOAD_ALLOWED_EXTENSIONS).toEqual(expect.arrayContaining(['pdf', 'docx', 'md', 'jpg', 'tiff']));
  });

  it('parses lists (lower-cased, extensions without dots) and numbers', () => {
    const env = parseEnv({
      AZURE_STORAGE_CONNECTION_STRING:
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
      AZURE_STORAGE_CONTAINER: 'team-files',
      EMBEDDED_BLOB_PORT: '0',
      UPLOAD_MAX_BYTES: '1048576',
      UPLOAD_ALLOWED_TYPES: 'Application/PDF, text/plain',
      UPLOAD_ALLOWED_EXTENSIONS: '.PDF, txt',
      UPLOAD_URL_TTL_MINUTES: '30',
    });
    expect(env.AZURE_STORAGE_CONTAINER).toBe('team-files');
    expect(env.EMBEDDED_BLOB_PORT).toBe(0);
    expect(env.UPLOAD_MAX_BYTES).toBe(1048576);
    expect(env.UPLOAD_ALLOWED_TYPES).toEqual(['application/pdf', 'text/plain']);
    expect(env.UPLOAD_ALLOWED_EXTENSIONS).toEqual(['pdf', 'txt']);
    expect(env.UPLOAD_URL_TTL_MINUTES).toBe(30);
    expect(parseEnv({ AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).AZURE_STORAGE_CONNECTION_STRING).toBe(
      'UseDevelopmentStorage=true',
    );
    expect(parseEnv({ AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net' }).AZURE_STORAGE_ACCOUNT_URL).toBe(
      'https://acct.blob.core.windows.net',
    );
  });

  it.each([
    [{ AZURE_STORAGE_CONNECTION_STRING: 'hello' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [{ AZURE_STORAGE_CONNECTION_STRING: 'AccountName=x' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [
      { AZURE_STORAGE_CONNECTION_STRING: 'BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=1' },
      'AZURE_STORAGE_CONNECTION_STRING',
    ],
    [{ AZURE_STORAGE_ACCOUNT_URL: 'ftp://acct' }, 'AZURE_STORAGE_ACCOUNT_URL'],
    [{ AZURE_STORAGE_CONTAINER: 'Documents' }, 'AZURE_STORAGE_CONTAINER'],
    [{ AZURE_STORAGE_CONTAINER: 'a--b' }, 'AZURE_STORAGE_CONTAINER'],
    [{ AZURE_STORAGE_CONTAINER: 'ab' }, 'AZURE_STORAGE_CONTAINER'],
    [{ EMBEDDED_BLOB_PORT: '70000' }, 'EMBEDDED_BLOB_PORT'],
    [{ UPLOAD_MAX_BYTES: '0' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_MAX_BYTES: '99999999999' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_ALLOWED_TYPES: 'pdf' }, 'UPLOAD_ALLOWED_TYPES'],
    [{ UPLOAD_ALLOWED_TYPES: ',' }, 'UPLOAD_ALLOWED_TYPES'],
    [{ UPLOAD_ALLOWED_EXTENSIONS: 'tar.gz' }, 'UPLOAD_ALLOWED_EXTENSIONS'],
    [{ UPLOAD_URL_TTL_MINUTES: '0' }, 'UPLOAD_URL_TTL_MINUTES'],
    [{ DOWNLOAD_URL_TTL_MINUTES: 'soon' }, 'DOWNLOAD_URL_TTL_MINUTES'],
  ])('names the variable of a bad value: %o', (env, variable) => {
    const issues = failure(env as Record<string, string>);
    expect(issues.map((i) => i.variable)).toEqual([variable]);
  });

  it('refuses a connection string and an account URL together', () => {
    const issues = failure({
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net',
    });
    expect(issues).toEqual([
      expect.objectContaining({ variable: 'AZURE_STORAGE_ACCOUNT_URL', message: expect.stringMatching(/not both/) }),
    ]);
  });
});

describe('environment: AI services', () => {
  it('defaults to local fallbacks with API.md defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      OPENAI_CHAT_MODEL: 'gpt-4o-mini',
      OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small',
      EMBEDDING_DIMENSIONS: 1536,
      AI_TIMEOUT_MS: 30_000,
      AI_REQUESTS_PER_MINUTE: 20,
      AI_DAILY_TOKEN_BUDGET: 200_000,
    });
    expect(env.AZURE_OPENAI_ENDPOINT).toBeUndefined();
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(env.AZURE_VISION_ENDPOINT).toBeUndefined();
    expect(env.AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT).toBeUndefined();
  });

  it('accepts a complete Azure OpenAI configuration and numbers', () => {
    const env = parseEnv({
      AZURE_OPENAI_ENDPOINT: 'https://my-resource.openai.azure.com',
      AZURE_OPENAI_API_KEY: 'key',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed',
      EMBEDDING_DIMENSIONS: '384',
      AI_TIMEOUT_MS: '5000',
    });
    expect(env.AZURE_OPENAI_CHAT_DEPLOYMENT).toBe('chat');
    expect(env.EMBEDDING_DIMENSIONS).toBe(384);
    expect(env.AI_TIMEOUT_MS).toBe(5000);
  });

  it.each([
    [
      { AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com', AZURE_OPENAI_CHAT_DEPLOYMENT: 'c' },
      'AZURE_OPENAI_API_KEY',
      /required when AZURE_OPENAI_ENDPOINT/,
    ],
    [{ AZURE_OPENAI_API_KEY: 'k' }, 'AZURE_OPENAI_ENDPOINT', /required when AZURE_OPENAI_API_KEY/],
    [
      { AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' },
      'AZURE_OPENAI_CHAT_DEPLOYMENT',
      /EMBEDDING_DEPLOYMENT/,
    ],
    [{ AZURE_OPENAI_CHAT_DEPLOYMENT: 'c' }, 'AZURE_OPENAI_CHAT_DEPLOYMENT', /without AZURE_OPENAI_ENDPOINT/],
    [{ AZURE_OPENAI_ENDPOINT: 'not a url' }, 'AZURE_OPENAI_ENDPOINT', /URL/],
    [
      {
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_CHAT_DEPLOYMENT: 'c',
        AZURE_OPENAI_API_VERSION: 'latest',
      },
      'AZURE_OPENAI_API_VERSION',
      /API version/,
    ],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'OPENAI_API_KEY', /OPENAI_BASE_URL/],
    [{ OPENAI_BASE_URL: 'ftp://x' }, 'OPENAI_BASE_URL', /URL/],
    [{ EMBEDDING_DIMENSIONS: 'wide' }, 'EMBEDDING_DIMENSIONS', /whole number/],
    [{ EMBEDDING_DIMENSIONS: '100000' }, 'EMBEDDING_DIMENSIONS', /16000/],
    [{ AI_TIMEOUT_MS: '0' }, 'AI_TIMEOUT_MS', /at least 1/],
    [{ AI_TIMEOUT_MS: '1.5' }, 'AI_TIMEOUT_MS', /whole number/],
    [{ AI_REQUESTS_PER_MINUTE: '-1' }, 'AI_REQUESTS_PER_MINUTE', /0 \(no limit\)/],
    [{ AI_REQUESTS_PER_MINUTE: 'lots' }, 'AI_REQUESTS_PER_MINUTE', /whole number/],
    [{ AI_DAILY_TOKEN_BUDGET: '2.5' }, 'AI_DAILY_TOKEN_BUDGET', /whole number/],
    [{ AZURE_VISION_ENDPOINT: 'https://v.cognitiveservices.azure.com' }, 'AZURE_VISION_KEY', /required when AZURE_VISION_ENDPOINT/],
    [{ AZURE_DOCUMENT_INTELLIGENCE_KEY: 'k' }, 'AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT', /required when AZURE_DOCUMENT_INTELLIGENCE_KEY/],
  ])('names the variable of an incomplete or bad AI setting: %o', (env, variable, message) => {
    const issues = failure(env as Record<string, string>);
    const issue = issues.find((i) => i.variable === variable);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('turns the AI limits off with 0', () => {
    expect(parseEnv({ AI_REQUESTS_PER_MINUTE: '0', AI_DAILY_TOKEN_BUDGET: '0' })).toMatchObject({
      AI_REQUESTS_PER_MINUTE: 0,
      AI_DAILY_TOKEN_BUDGET: 0,
    });
  });

  it('accepts OpenAI with a compatible base URL', () => {
    const env = parseEnv({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_CHAT_MODEL: 'llama3' });
    expect(env.OPENAI_BASE_URL).toBe('http://127.0.0.1:11434/v1');
    expect(env.OPENAI_CHAT_MODEL).toBe('llama3');
  });
});

describe('background jobs', () => {
  it('RUN_WORKER is on by default and can be turned off', () => {
    expect(parseEnv({}).RUN_WORKER).toBe(true);
    expect(parseEnv({ RUN_WORKER: 'false' }).RUN_WORKER).toBe(false);
    expect(parseEnv({ RUN_WORKER: '0' }).RUN_WORKER).toBe(false);
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
