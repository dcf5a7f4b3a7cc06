// The development issuer used when no CLERK_ISSUER is configured: an RS256 key pair
// kept in `${dataDir}/local-issuer.json` (mode 0600), created once, and a signer for
// Clerk-shaped session tokens verified through the same JWKS authenticator.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';

export const LOCAL_ISSUER = 'urn:actionpoints:local-issuer';
const FILE_NAME = 'local-issuer.json';
const DEFAULT_TTL_SEC = 24 * 60 * 60;

interface IssuerFile {
  version: 1;
  issuer: string;
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
  createdAt: string;
}

export interface LocalIssuer {
  issuer: string;
  jwks: JSONWebKeySet;
  sign(input: { sub: string; email?: string; name?: string; ttlSec?: number }): Promise<string>;
}

export async function loadOrCreateLocalIssuer(dataDir: string): Promise<LocalIssuer> {
  const file = join(dataDir, FILE_NAME);
  const stored = (await readIssuerFile(file)) ?? (await createIssuerFile(dataDir, file));
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  const publicJwk: JWK = { ...stored.publicJwk, kid: stored.kid, alg: 'RS256', use: 'sig' };

  return {
    issuer: stored.issuer,
    jwks: { keys: [publicJwk] },
    async sign({ sub, email, name, ttlSec = DEFAULT_TTL_SEC }) {
      if (!sub) throw new Error('sub is required');
      if (!Number.isFinite(ttlSec) || ttlSec <= 0) throw new Error('ttlSec must be a positive number');
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = { sid: `sess_local_${randomUUID().replace(/-/g, '')}`, v: 2 };
      if (email) claims.email = email;
      if (name) claims.name = name;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: stored.kid, typ: 'JWT' })
        .setIssuer(stored.issuer)
        .setSubject(sub)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + Math.floor(ttlSec))
        .sign(privateKey);
    },
  };
}

async function readIssuerFile(file: string): Promise<IssuerFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: Partial<IssuerFile>;
  try {
    parsed = JSON.parse(text) as Partial<IssuerFile>;
  } catch {
    throw new Error(`${file} is not valid JSON; delete it to create a new local issuer key`);
  }
  if (
    parsed.version !== 1 ||
    typeof parsed.issuer !== 'string' ||
    typeof parsed.kid !== 'string' ||
    !parsed.publicJwk ||
    !parsed.privateJwk
  ) {
    throw new Error(`${file} is not a local issuer file; delete it to create a new one`);
  }
  return parsed as IssuerFile;
}

async function createIssuerFile(dataDir: string, file: string): Promise<IssuerFile> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  const content: IssuerFile = {
    version: 1,
    issuer: LOCAL_ISSUER,
    kid: `local-${(await calculateJwkThumbprint(publicJwk)).slice(0, 16)}`,
    publicJwk,
    privateJwk,
    createdAt: new Date().toISOString(),
  };
  // Write completely under a unique name, then link it into place: the link fails if
  // another process got there first, and readers never see a partial file.
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(tmp, 0o600);
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  const winner = await readIssuerFile(file);
  if (!winner) throw new Error(`could not create ${file}`);
  return winner;
}
