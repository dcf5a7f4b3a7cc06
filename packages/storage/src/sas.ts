/**
 * Signing SAS URLs: with the account key (shared-key SAS) or with a user
 * delegation key obtained through Microsoft Entra ID (user-delegation SAS).
 */
import {
  generateBlobSASQueryParameters,
  type BlobSASSignatureValues,
  type StorageSharedKeyCredential,
  type UserDelegationKey,
} from '@azure/storage-blob';

/** Signs SAS values for one blob; returns the query string (without `?`). */
export type SasSigner = (values: BlobSASSignatureValues) => Promise<string>;

export function sharedKeySigner(credential: StorageSharedKeyCredential): SasSigner {
  return async (values) => generateBlobSASQueryParameters(values, credential).toString();
}

export interface UserDelegationSignerOptions {
  accountName: string;
  /** Asks the service for a user delegation key valid over [startsOn, expiresOn]. */
  getKey(startsOn: Date, expiresOn: Date): Promise<UserDelegationKey>;
  /** How long a fetched key is valid. Default 1 day (the service allows up to 7). */
  keyLifetimeMs?: number;
  now?: () => Date;
}

const MINUTE = 60_000;

/**
 * Signs with a user delegation key, fetched on first use and again when the cached
 * one would expire before the SAS it signs (a SAS cannot outlive its key).
 * Concurrent first uses share one request.
 */
export function userDelegationSigner(options: UserDelegationSignerOptions): SasSigner {
  const lifetime = options.keyLifetimeMs ?? 24 * 60 * MINUTE;
  const now = options.now ?? (() => new Date());
  let cached: { key: UserDelegationKey; expiresOn: Date } | undefined;
  let pending: Promise<{ key: UserDelegationKey; expiresOn: Date }> | undefined;

  async function keyValidUntil(until: Date): Promise<UserDelegationKey> {
    if (cached && cached.expiresOn.getTime() >= until.getTime()) return cached.key;
    pending ??= (async () => {
      const startsOn = new Date(now().getTime() - 5 * MINUTE);
      const expiresOn = new Date(Math.max(now().getTime() + lifetime, until.getTime() + MINUTE));
      const key = await options.getKey(startsOn, expiresOn);
      return { key, expiresOn: new Date(key.signedExpiresOn ?? expiresOn) };
    })().finally(() => {
      pending = undefined;
    });
    cached = await pending;
    return cached.key;
  }

  return async (values) => {
    const key = await keyValidUntil(values.expiresOn ?? now());
    return generateBlobSASQueryParameters(values, key, options.accountName).toString();
  };
}

/**
 * The account name of a blob endpoint: the first label of
 * `https://<account>.blob.core.windows.net`, or the first path segment of an
 * emulator's `http://127.0.0.1:10000/<account>`.
 */
export function accountNameFromUrl(accountUrl: string): string {
  const url = new URL(accountUrl);
  const host = url.hostname;
  const isIp = /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');
  if (isIp || host === 'localhost') {
    const first = url.pathname.split('/').find(Boolean);
    if (!first) throw new Error(`${accountUrl} names no account (expected http://host:port/<account>)`);
    return first;
  }
  const label = host.split('.')[0];
  if (!label) throw new Error(`${accountUrl} names no account`);
  return label;
}

/**
 * `attachment` with the file name, for a SAS's Content-Disposition override:
 * an ASCII `filename` fallback, plus RFC 5987 `filename*` when the name is not
 * plain ASCII (RFC 6266).
 */
export function attachmentDisposition(fileName: string): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, '');
  const fallback = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  if (fallback === clean) return `attachment; filename="${fallback}"`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
