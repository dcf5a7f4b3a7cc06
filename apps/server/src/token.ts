// `npm run token -- --email alice@example.com [--name "Alice"] [--ttl 3600]`
// Prints a bearer token from the local development issuer (the one the server uses
// when CLERK_ISSUER is not set). The token is the last line of stdout.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rmdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EnvError, nodeEnv, parseEnv, type Env } from '@ap/config/env';
import { loadOrCreateLocalIssuer } from '@ap/auth/local-issuer';

const USAGE = 'usage: npm run token -- --email alice@example.com [--name "Alice"] [--ttl 3600]';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class UsageError extends Error {}

interface Args {
  email: string;
  name?: string;
  ttlSec?: number;
}

function parseCliArgs(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) throw new UsageError('');
  const email = values.email?.trim().toLowerCase();
  if (!email) throw new UsageError('--email is required');
  if (!EMAIL.test(email) || email.length > 254) throw new UsageError(`--email: "${values.email}" is not an email address`);
  const args: Args = { email };
  const name = values.name?.trim();
  if (values.name !== undefined && !name) throw new UsageError('--name must not be empty');
  if (name) args.name = name;
  if (values.ttl !== undefined) {
    if (!/^\d+$/.test(values.ttl) || Number(values.ttl) <= 0) {
      throw new UsageError('--ttl must be a positive number of seconds');
    }
    args.ttlSec = Number(values.ttl);
  }
  return args;
}

/** email → Clerk-style user id, stable across runs (created on first use). */
async function localClerkIdFor(dataDir: string, email: string): Promise<{ clerkId: string; created: boolean }> {
  const file = join(dataDir, 'local-users.json');
  return withLock(`${file}.lock`, async () => {
    let users: Record<string, string> = {};
    try {
      users = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`${file} is unreadable (${(err as Error).message}); fix or delete it`);
      }
    }
    const existing = users[email];
    if (typeof existing === 'string' && existing) return { clerkId: existing, created: false };
    const clerkId = `user_local_${randomBytes(12).toString('hex')}`;
    users[email] = clerkId;
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file);
    return { clerkId, created: true };
  });
}

async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 30_000) {
        await rmdir(lockDir).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}; delete it if no other token command is running`);
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lockDir).catch(() => undefined);
  }
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) process.stderr.write(`error: ${err.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      // --help alone is not a mistake.
      return err.message ? 2 : 0;
    }
    throw err;
  }

  let env: Env;
  try {
    if (nodeEnv() === 'production') {
      process.stderr.write(
        'error: refusing to issue a local token with NODE_ENV=production: in production, session tokens come from Clerk.\n',
      );
      return 1;
    }
    env = parseEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (env.CLERK_ISSUER) {
    process.stderr.write(
      `error: CLERK_ISSUER is set (${env.CLERK_ISSUER}): the server only accepts tokens from Clerk, ` +
        'so sign in through your Clerk frontend and use its session token. Unset CLERK_ISSUER to use the local issuer.\n',
    );
    return 1;
  }
  const dataDir = env.DATA_DIR;

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const keyFile = resolve(dataDir, 'local-issuer.json');
  const newKey = !existsSync(keyFile);
  const issuer = await loadOrCreateLocalIssuer(dataDir);
  const { clerkId, created } = await localClerkIdFor(dataDir, args.email);
  const token = await issuer.sign({ sub: clerkId, email: args.email, name: args.name, ttlSec: args.ttlSec });
  const ttl = args.ttlSec ?? 24 * 60 * 60;

  process.stderr.write(
    [
      `Local development token for ${args.email} (${clerkId}${created ? ', new' : ''}), valid ${ttl} s.`,
      `Issuer: ${issuer.issuer}, key directory ${resolve(dataDir)} (DATA_DIR); accepted only while CLERK_ISSUER is unset.`,
      ...(newKey
        ? [
            `A NEW signing key was created in ${resolve(dataDir)}: a server started with another DATA_DIR answers 401 "Unknown signing key".`,
            'Run this command with the DATA_DIR of the server (default ./.data, from the repository root).',
          ]
        : []),
      'Use it as:  Authorization: Bearer <token>',
      '',
    ].join('\n'),
  );
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
