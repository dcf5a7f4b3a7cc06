// Database TLS: a PostgreSQL of the test's own serving TLS with a certificate signed
// by a CA the test made. The right CA connects (Prisma's pool, the migrator, the
// LISTEN connection and the job queue's pool all go through pgConnection), a wrong
// one is refused, and `sslmode` means what it means to libpq.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnvError, parseEnv } from '@ap/config/env';
import { createDb } from '@ap/db/client';
import { pgConnection } from '@ap/db/connection';
import { migrate } from '@ap/db/migrate';
import { createPgListener } from '@ap/db/pubsub';
import {
  makeTestCertificates,
  postgresBinDir,
  startTempPostgres,
  type TempPostgres,
  type TestCertificates,
} from '@ap/testing/temp-postgres';

const available = postgresBinDir() !== null;

describe.skipIf(!available)('database TLS', () => {
  let server: TempPostgres;
  let certs: TestCertificates;
  const url = (query: string, host = '127.0.0.1') => `postgresql://postgres@${host}:${server.port}/postgres?${query}`;

  /** Whether one connection made with these settings is encrypted (pg_stat_ssl). */
  async function encrypted(connectionUrl: string, ca: string | null): Promise<boolean> {
    const client = new pg.Client(pgConnection(connectionUrl, { ca }));
    await client.connect();
    try {
      const { rows } = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      return rows[0]!.ssl;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    certs = await makeTestCertificates();
    server = await startTempPostgres({ tls: certs.server });
  }, 60_000);
  afterAll(() => server?.destroy());

  it('verify-full with the CA that signed the certificate connects over TLS', async () => {
    expect(await encrypted(url('sslmode=verify-full'), certs.ca)).toBe(true);
    expect(await encrypted(url('sslmode=verify-full', 'localhost'), certs.ca)).toBe(true);
  });

  it('verify-full and verify-ca with another CA are refused', async () => {
    await expect(encrypted(url('sslmode=verify-full'), certs.otherCa)).rejects.toThrow(/certificate/i);
    await expect(encrypted(url('sslmode=verify-ca'), certs.otherCa)).rejects.toThrow(/certificate/i);
    // The system's CAs do not know the test's CA either.
    await expect(encrypted(url('sslmode=verify-full'), null)).rejects.toThrow(/certificate/i);
  });

  it('require encrypts; it checks the certificate only when a CA is given', async () => {
    expect(await encrypted(url('sslmode=require'), null)).toBe(true);
    expect(await encrypted(url('sslmode=require'), certs.ca)).toBe(true);
    await expect(encrypted(url('sslmode=require'), certs.otherCa)).rejects.toThrow(/certificate/i);
  });

  it('disable connects in plain text; a CA without sslmode means verify-full', async () => {
    expect(await encrypted(url('sslmode=disable'), certs.ca)).toBe(false);
    expect(await encrypted(url(''), certs.ca)).toBe(true);
    await expect(encrypted(url(''), certs.otherCa)).rejects.toThrow(/certificate/i);
  });

  it('the migrator, Prisma and the LISTEN connection work over verified TLS', async () => {
    const tlsUrl = url('sslmode=verify-full');
    const previous = process.env.DATABASE_CA_CERT;
    process.env.DATABASE_CA_CERT = certs.ca.replace(/\n/g, '\\n'); // as a one-line variable
    try {
      await migrate(tlsUrl);
      const db = createDb(tlsUrl, { max: 2 });
      try {
        const rows = await db.$queryRaw<{ ssl: boolean }[]>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`;
        expect(rows[0]!.ssl).toBe(true);
        expect(await db.user.count()).toBe(0);
      } finally {
        await db.$disconnect();
      }
      const received: string[] = [];
      const listener = createPgListener({ url: tlsUrl, channel: 'tls_probe', onMessage: (m) => received.push(m) });
      try {
        await listener.ready;
        const sender = new pg.Client(pgConnection(tlsUrl));
        await sender.connect();
        await sender.query(`NOTIFY tls_probe, 'over tls'`);
        await sender.end();
        await expect.poll(() => received).toEqual(['over tls']);
      } finally {
        await listener.close();
      }
    } finally {
      if (previous === undefined) delete process.env.DATABASE_CA_CERT;
      else process.env.DATABASE_CA_CERT = previous;
    }
  }, 60_000);
});

describe('database TLS settings', () => {
  it('takes the ssl parameters out of the URL and into the ssl option', () => {
    const c = pgConnection('postgresql://u:p@db.example.com:5432/app?sslmode=verify-full&application_name=x', { ca: 'PEM' });
    expect(c.connectionString).toBe('postgresql://u:p@db.example.com:5432/app?application_name=x');
    expect(c.ssl).toEqual({ ca: 'PEM', rejectUnauthorized: true });
    expect(pgConnection('postgresql://h/app', { ca: null }).ssl).toBe(false);
    expect(pgConnection('postgresql://h/app?sslmode=require', { ca: null }).ssl).toEqual({ rejectUnauthorized: false });
  });

  it('refuses a bad sslmode and a DATABASE_CA_CERT that is not a certificate, naming the variable', () => {
    const variables = (env: Record<string, string>) => {
      try {
        parseEnv(env);
        return [];
      } catch (err) {
        return (err as EnvError).issues.map((i) => i.variable);
      }
    };
    expect(variables({ DATABASE_URL: 'postgresql://h/app?sslmode=always' })).toEqual(['DATABASE_URL']);
    expect(variables({ DATABASE_CA_CERT: 'not a certificate' })).toEqual(['DATABASE_CA_CERT']);
    expect(
      variables({
        DATABASE_URL: 'postgresql://h/app?sslmode=verify-full',
        DATABASE_CA_CERT: '-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----',
      }),
    ).toEqual([]);
  });
});
