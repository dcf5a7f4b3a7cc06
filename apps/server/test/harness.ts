// Integration-test harness: a real server (real HTTP, real PostgreSQL from the
// run's test database, a real JWKS from a local test issuer), plus ways to call it
// as any number of users over tRPC (in-process caller and HTTP) and REST.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'svix';
import { parseEnv } from '@ap/config/env';
import { createCallerFactory } from '@ap/api/trpc';
import { appRouter } from '@ap/api/root';
import { createContextFactory } from '@ap/api/context';
import { startTestIssuer, type TestIssuer } from '@ap/testing/issuer';
import { appBundle } from '@ap/testing/bundles';
import { testBlobConnectionString, testDatabaseUrl } from '@ap/testing/db';
import { createClient } from '@ap/client/client';
import { startServer, type RunningServer, type ServerOptions } from '../src/server.ts';

export interface TestUser {
  clerkId: string;
  token: string;
  /** Local user id (after the first authenticated call). */
  id: string;
  email: string;
}

export interface Harness {
  server: RunningServer;
  issuer: TestIssuer;
  url: string;
  /** A new signed-in user (provisioned through users.me). */
  user(opts?: { email?: string; name?: string }): Promise<TestUser>;
  /** In-process tRPC caller for a token (same context as HTTP requests). */
  caller(token: string | null): Caller;
  /** Typed tRPC client over HTTP. */
  client(token: string | null): ReturnType<typeof createClient>;
  /** REST call: returns status and parsed JSON body. */
  rest(
    method: string,
    path: string,
    opts?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** Polls `fn` every 200 ms until it returns something truthy, and returns that; fails after `timeoutMs`, naming `what`. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The API error code a call fails with (tRPC caller or client), or 'OK'. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    const e = err as { code?: string; data?: { code?: string } };
    return e.data?.code ?? e.code ?? String(err);
  }
}

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

let counter = 0;

/** Server options; `ai` defaults to breakers that do not open (tests of them set their own). */
export type HarnessOptions = ServerOptions;

export async function startHarness(envOverrides: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const issuer = await startTestIssuer();
  const env = parseEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: testDatabaseUrl(),
    MIGRATE_ON_START: 'false',
    AZURE_STORAGE_CONNECTION_STRING: testBlobConnectionString(),
    CLERK_ISSUER: issuer.issuer,
    LOG_LEVEL: process.env.HARNESS_LOG ? 'error' : 'silent',
    // The per-user AI request limit is off unless a test sets it (tests of it do).
    AI_REQUESTS_PER_MINUTE: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    ...envOverrides,
  });
  const server = await startServer(env, {
    quiet: !process.env.HARNESS_LOG,
    ...options,
    ai: options.ai ?? { breaker: { threshold: 1_000_000 } },
  });
  const createContext = createContextFactory(server.deps);

  const h: Harness = {
    server,
    issuer,
    url: server.url,
    async user(opts = {}) {
      const n = ++counter;
      const email = opts.email ?? `user${n}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const { clerkId, token } = await issuer.newUser({ email, name: opts.name ?? `User ${n}` });
      const me = await h.caller(token).users.me();
      return { clerkId, token, id: me.id, email };
    },
    caller(token) {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return createCaller(createContext({ req: new Request('http://test.local/trpc', { headers }) }));
    },
    client(token) {
      return createClient({ url: server.url, getToken: () => token });
    },
    async rest(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body, headers: res.headers };
    },
    async close() {
      await server.close();
      await issuer.close();
    },
  };
  return h;
}

/** Sends a Clerk event to the harness's /webhooks/clerk, signed with `secret` by the real svix library. */
export async function sendClerkWebhook(
  h: Pick<Harness, 'rest'>,
  secret: string,
  type: string,
  data: Record<string, unknown>,
  o: { id?: string; date?: Date } = {},
) {
  const id = o.id ?? `msg_${randomUUID()}`;
  const date = o.date ?? new Date();
  const body = JSON.stringify({ type, object: 'event', data, timestamp: date.getTime(), instance_id: 'ins_test' });
  const res = await h.rest('POST', '/webhooks/clerk', {
    body,
    headers: {
      'svix-id': id,
      'svix-timestamp': String(Math.floor(date.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, date, body),
    },
  });
  return { ...res, svixId: id };
}

/**
 * The API as a separate OS process (the server's bundle, as `npm start` runs it), on
 * the run's test database, trusting the given test issuer. Resolves once it listens.
 */
export async function startServerProcess(
  issuer: TestIssuer,
  envOverrides: Record<string, string> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const child = spawn(process.execPath, [appBundle('server')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: testDatabaseUrl(),
      MIGRATE_ON_START: 'false',
      AZURE_STORAGE_CONNECTION_STRING: testBlobConnectionString(),
      CLERK_ISSUER: issuer.issuer,
      LOG_LEVEL: 'info',
      AI_REQUESTS_PER_MINUTE: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      ...envOverrides,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`server process did not start: ${stderr}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      for (const line of buffered.split('\n')) {
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening' && entry.url) {
            clearTimeout(timer);
            resolve(entry.url);
          }
        } catch {}
      }
    });
    child.once('exit', (code) => reject(new Error(`server process exited (${code}): ${stderr}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
