// A PostgreSQL server of the test's own, from the machine's PostgreSQL binaries:
// a fresh cluster in a temporary directory on a free loopback port, which the test
// may stop and start again (database outages) or serve over TLS with certificates
// it made (database TLS). As root, the cluster runs as the `postgres` user, since
// PostgreSQL refuses to run as root.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './net.ts';

const run = promisify(execFile);

/** The directory of initdb and pg_ctl, or null when this machine has no PostgreSQL server binaries. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, 'bin') : null;
}

export interface TempPostgresTls {
  /** PEM of the server's certificate (and chain) and of its private key. */
  cert: string;
  key: string;
}

export interface TempPostgres {
  port: number;
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (add `?sslmode=…` for TLS). */
  url: string;
  /** A connected client of the test's own (a session that holds locks, say). */
  connect(): Promise<pg.Client>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

export async function startTempPostgres(options: { tls?: TempPostgresTls } = {}): Promise<TempPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  const asRoot = process.getuid?.() === 0;
  const pgUser = asRoot ? await run('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim())) : null;
  const pgGroup = asRoot ? await run('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim())) : null;
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));

  const dir = await mkdtemp(path.join(tmpdir(), 'ap-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) await chown(dir, pgUser!, pgGroup!);
  await as(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off'];
  if (options.tls) {
    const cert = path.join(dir, 'server.crt');
    const key = path.join(dir, 'server.key');
    await writeFile(cert, options.tls.cert);
    await writeFile(key, options.tls.key);
    await chmod(key, 0o600);
    if (asRoot) await Promise.all([chown(cert, pgUser!, pgGroup!), chown(key, pgUser!, pgGroup!)]);
    settings.push('-c ssl=on', `-c ssl_cert_file=${cert}`, `-c ssl_key_file=${key}`);
  }
  const pgCtl = path.join(bin, 'pg_ctl');
  const log = path.join(dir, 'server.log');
  const server: TempPostgres = {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    connect: async () => {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      return client;
    },
    start: async () => {
      await as(pgCtl, ['-D', data, '-l', log, '-o', settings.join(' '), '-w', '-t', '30', 'start']);
    },
    stop: async () => {
      await as(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    },
    destroy: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface TestCertificates {
  /** PEM of the CA that signed the server's certificate. */
  ca: string;
  /** PEM of another CA, which signed nothing here. */
  otherCa: string;
  server: TempPostgresTls;
}

/** A CA, a server certificate it signs for `127.0.0.1` and `localhost`, and an unrelated CA (openssl). */
export async function makeTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ap-certs-'));
  const f = (name: string) => path.join(dir, name);
  const ssl = (...args: string[]) => run('openssl', args);
  try {
    for (const ca of ['ca', 'other-ca']) {
      await ssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=Test ${ca}`,
        '-keyout',
        f(`${ca}.key`),
        '-out',
        f(`${ca}.crt`),
      );
    }
    await ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', f('server.key'), '-out', f('server.csr'));
    await writeFile(f('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    await ssl(
      'x509',
      '-req',
      '-in',
      f('server.csr'),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      f('san.ext'),
      '-out',
      f('server.crt'),
    );
    const read = (name: string) => readFile(f(name), 'utf8');
    return {
      ca: await read('ca.crt'),
      otherCa: await read('other-ca.crt'),
      server: { cert: await read('server.crt'), key: await read('server.key') },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
