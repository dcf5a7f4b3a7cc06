// How every pg client and pool of the system connects: the DATABASE_URL with its
// `sslmode` read the way libpq reads it, and DATABASE_CA_CERT as the CA that signs
// the server's certificate (Azure Database for PostgreSQL wants TLS; its CA is
// public, but a private server's is not).
//
// node-postgres lets a URL's own ssl parameters override the `ssl` option given
// beside it, so they are taken out of the URL here and become that option.
import type { ConnectionOptions } from 'node:tls';
import { databaseCaCert, SSL_MODES } from '@ap/config/env';

export type SslMode = (typeof SSL_MODES)[number];

/** What `new pg.Client()` and `new pg.Pool()` (and pg-boss) take. */
export interface PgConnection {
  connectionString: string;
  ssl: false | ConnectionOptions;
}

const SSL_PARAMS = ['sslmode', 'ssl', 'sslrootcert', 'sslcert', 'sslkey', 'uselibpqcompat'];

/**
 * `sslmode` of the URL, as libpq has it:
 * - `disable`, and `allow` / `prefer` (which would fall back to plain text; node-postgres
 *   cannot fall back, so they connect in plain text): no TLS;
 * - `require`: TLS; the certificate is checked against the CA only when one is given;
 * - `verify-ca`: TLS, the certificate must chain to the CA (or the system's CAs);
 * - `verify-full`: that, and the certificate must name the host.
 * Without `sslmode`, a configured CA means `verify-full`; else no TLS.
 */
export function pgConnection(url: string, options: { ca?: string | null } = {}): PgConnection {
  const ca = options.ca === undefined ? databaseCaCert() : (options.ca ?? undefined);
  const parsed = new URL(url);
  const mode = (parsed.searchParams.get('sslmode') ?? (ca ? 'verify-full' : 'disable')) as SslMode;
  if (!SSL_MODES.includes(mode)) throw new Error(`DATABASE_URL: sslmode must be one of ${SSL_MODES.join(', ')}`);
  for (const p of SSL_PARAMS) parsed.searchParams.delete(p);
  const connectionString = parsed.toString();
  if (mode === 'disable' || mode === 'allow' || mode === 'prefer') return { connectionString, ssl: false };
  const withCa = ca ? { ca } : {};
  if (mode === 'require')
    return { connectionString, ssl: ca ? { ...withCa, checkServerIdentity: () => undefined } : { rejectUnauthorized: false } };
  if (mode === 'verify-ca') return { connectionString, ssl: { ...withCa, rejectUnauthorized: true, checkServerIdentity: () => undefined } };
  return { connectionString, ssl: { ...withCa, rejectUnauthorized: true } };
}
