// Verifies Clerk session tokens (RS256 JWTs) against a JWKS. Keys are cached by
// kid; an unknown kid triggers one shared refetch, then no further refetch until
// the cooldown has passed. A verified token is remembered until it expires (a
// client sends the same token with every request for its lifetime), as long as
// the key that verified it is still the current one. Every failure is an
// AuthError with a short message.
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type CryptoKey, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import { AuthError, type Authenticator, type ClerkOrganizationClaims, type ClerkUser } from './types.ts';

export interface JwksAuthenticatorOptions {
  /** Expected `iss`, compared exactly. */
  issuer: string;
  /** Remote JWKS (used when `fetchJwks` is not given). */
  jwksUrl?: string;
  /** Custom key source (e.g. the local issuer). */
  fetchJwks?: () => Promise<JSONWebKeySet>;
  /** When non-empty, `azp` must be one of these (and must be present). */
  authorizedParties?: string[];
  /** Leeway for `exp`/`nbf`, seconds. Default 5. */
  clockSkewSec?: number;
  /** Minimum time between two unknown-kid refetches. Default 10 s. */
  refetchCooldownMs?: number;
  /** Timeout of one remote JWKS fetch. Default 5 s. */
  fetchTimeoutMs?: number;
  /** After this age the key set is refreshed on the next verification. Default 10 min. */
  cacheTtlMs?: number;
  /** Verified tokens remembered (the oldest are forgotten first); 0 verifies every time. Default 10,000. */
  tokenCacheSize?: number;
  /** Appended to "Unknown signing key" (e.g. where the local issuer's key lives). */
  unknownKeyHint?: string;
}

interface Verified {
  user: ClerkUser;
  kid: string;
  /** The key that verified the token: the entry holds only while it is still the current key of its kid. */
  key: CryptoKey;
  exp: number;
  nbf: number | undefined;
}

const ALGORITHM = 'RS256';
const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)[ \t]*$/i;

export function createJwksAuthenticator(opts: JwksAuthenticatorOptions): Authenticator {
  const skew = opts.clockSkewSec ?? 5;
  const cooldownMs = opts.refetchCooldownMs ?? 10_000;
  const timeoutMs = opts.fetchTimeoutMs ?? 5_000;
  const ttlMs = opts.cacheTtlMs ?? 10 * 60_000;
  const parties = opts.authorizedParties?.filter((p) => p.length > 0) ?? [];
  const tokenCacheSize = opts.tokenCacheSize ?? 10_000;
  const unknownKey = opts.unknownKeyHint ? `Unknown signing key (${opts.unknownKeyHint})` : 'Unknown signing key';
  const verified = new Map<string, Verified>();

  /** A token verified before, still within its validity and verified by a current key. */
  function remembered(token: string): ClerkUser | null {
    const hit = verified.get(token);
    if (!hit) return null;
    const now = Date.now();
    const current = keys?.get(hit.kid) === hit.key && now - loadedAt <= ttlMs;
    const valid = now / 1000 <= hit.exp + skew && (hit.nbf === undefined || now / 1000 >= hit.nbf - skew);
    if (current && valid) return hit.user;
    verified.delete(token);
    return null;
  }

  function remember(token: string, entry: Verified): void {
    if (tokenCacheSize <= 0) return;
    if (verified.size >= tokenCacheSize) verified.delete(verified.keys().next().value!);
    verified.set(token, entry);
  }

  let source: () => Promise<JSONWebKeySet>;
  if (opts.fetchJwks) {
    source = opts.fetchJwks;
  } else if (opts.jwksUrl) {
    source = remoteJwks(opts.jwksUrl, timeoutMs);
  } else {
    throw new Error('createJwksAuthenticator: jwksUrl or fetchJwks is required');
  }

  // Key cache. `keys` is replaced only by a successful fetch.
  let keys: Map<string, CryptoKey> | null = null;
  let loadedAt = 0;
  /** Sequence number of the last fetch started / of the fetch that produced `keys`. */
  let startedSeq = 0;
  let loadedSeq = 0;
  let inflight: Promise<void> | null = null;
  let lastRefetchAt = Number.NEGATIVE_INFINITY;

  function fetchKeys(): Promise<void> {
    if (inflight) return inflight;
    const seq = ++startedSeq;
    const p = (async () => {
      try {
        const jwks = await source();
        const next = await importKeySet(jwks);
        keys = next;
        loadedAt = Date.now();
        loadedSeq = seq;
      } finally {
        inflight = null;
      }
    })();
    inflight = p;
    return p;
  }

  async function resolveKey(kid: string): Promise<CryptoKey> {
    const seqAtStart = startedSeq;
    if (!keys) {
      try {
        await fetchKeys();
      } catch {
        throw new AuthError('Signing keys unavailable');
      }
    } else if (Date.now() - loadedAt > ttlMs) {
      // Stale: refresh, but keep serving the previous keys if the refresh fails.
      await fetchKeys().catch(() => undefined);
    } else if (inflight) {
      await inflight.catch(() => undefined);
    }
    const cached = keys!.get(kid);
    if (cached) return cached;

    // Unknown kid: one refetch, unless the keys were already fetched after this
    // verification began or a refetch happened within the cooldown.
    if (loadedSeq > seqAtStart) throw new AuthError(unknownKey);
    if (inflight) {
      await inflight.catch(() => undefined);
    } else if (Date.now() - lastRefetchAt >= cooldownMs) {
      lastRefetchAt = Date.now();
      try {
        await fetchKeys();
      } catch {
        throw new AuthError('Signing keys unavailable');
      }
    }
    const refreshed = keys!.get(kid);
    if (refreshed) return refreshed;
    throw new AuthError(unknownKey);
  }

  return {
    async authenticate(authorization) {
      if (!authorization?.trim()) throw new AuthError('Missing bearer token');
      const match = BEARER.exec(authorization);
      if (!match) {
        if (!/^Bearer[ \t]/i.test(authorization)) throw new AuthError('Missing bearer token');
        throw new AuthError('Malformed token');
      }
      const token = match[1]!;
      const known = remembered(token);
      if (known) return known;

      let header;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        throw new AuthError('Malformed token');
      }
      if (header.alg !== ALGORITHM) throw new AuthError('Unsupported algorithm');
      if (typeof header.kid !== 'string' || !header.kid) throw new AuthError(unknownKey);

      let payload: JWTPayload;
      let key: CryptoKey | undefined;
      try {
        ({ payload } = await jwtVerify(
          token,
          async (h) => {
            if (h.alg !== ALGORITHM) throw new AuthError('Unsupported algorithm');
            if (typeof h.kid !== 'string' || !h.kid) throw new AuthError(unknownKey);
            return (key = await resolveKey(h.kid));
          },
          {
            algorithms: [ALGORITHM],
            issuer: opts.issuer,
            clockTolerance: skew,
            requiredClaims: ['exp'],
          },
        ));
      } catch (err) {
        throw toAuthError(err);
      }

      if (typeof payload.sub !== 'string' || !payload.sub) throw new AuthError('Missing subject');
      // Clerk session tokens always name their session and are never issued in the future.
      if (typeof payload.sid !== 'string' || !payload.sid) throw new AuthError('Missing session id (sid): not a session token');
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + skew)
        throw new AuthError('Token issued in the future (iat)');
      const azp = typeof payload.azp === 'string' ? payload.azp : undefined;
      if (parties.length > 0 && (!azp || !parties.includes(azp))) throw new AuthError('Unauthorized party');
      const user = toClerkUser(payload, payload.sub, azp);
      remember(token, { user, kid: header.kid, key: key!, exp: payload.exp!, nbf: payload.nbf });
      return user;
    },
  };
}

function toAuthError(err: unknown): AuthError {
  if (err instanceof AuthError) return err;
  if (err instanceof errors.JWTExpired) return new AuthError('Token expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return new AuthError('Invalid issuer');
    if (err.claim === 'nbf') return new AuthError('Token not yet valid');
    return new AuthError('Invalid token claims');
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthError('Unsupported algorithm');
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthError('Invalid signature');
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return new AuthError('Malformed token');
  return new AuthError('Invalid token');
}

async function importKeySet(jwks: JSONWebKeySet): Promise<Map<string, CryptoKey>> {
  if (!jwks || !Array.isArray(jwks.keys)) throw new Error('invalid JWKS');
  const map = new Map<string, CryptoKey>();
  for (const jwk of jwks.keys as JWK[]) {
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || !jwk.kid) continue;
    if (jwk.alg !== undefined && jwk.alg !== ALGORITHM) continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    try {
      const key = await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, ALGORITHM);
      map.set(jwk.kid, key as CryptoKey);
    } catch {
      // Skip keys that cannot be imported.
    }
  }
  return map;
}

function remoteJwks(url: string, timeoutMs: number): () => Promise<JSONWebKeySet> {
  return async () => {
    const res = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new Error(`JWKS fetch failed: HTTP ${res.status}`);
    }
    return (await res.json()) as JSONWebKeySet;
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function organizationOf(claims: JWTPayload): ClerkOrganizationClaims | undefined {
  const o = claims.o;
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    const org = o as Record<string, unknown>;
    const id = str(org.id);
    if (!id) return undefined;
    const result: ClerkOrganizationClaims = { id };
    const slug = str(org.slg);
    // v2 tokens carry the role without its prefix ("admin"); webhooks and v1 use "org:admin".
    const rol = str(org.rol);
    const role = rol && !rol.startsWith('org:') ? `org:${rol}` : rol;
    if (slug) result.slug = slug;
    if (role) result.role = role;
    if (typeof org.per === 'string') {
      result.permissions = org.per
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    }
    return result;
  }
  const id = str(claims.org_id);
  if (!id) return undefined;
  const result: ClerkOrganizationClaims = { id };
  const slug = str(claims.org_slug);
  const role = str(claims.org_role);
  if (slug) result.slug = slug;
  if (role) result.role = role;
  if (Array.isArray(claims.org_permissions)) {
    result.permissions = claims.org_permissions.filter((p): p is string => typeof p === 'string');
  }
  return result;
}

function toClerkUser(claims: JWTPayload, sub: string, azp: string | undefined): ClerkUser {
  const user: ClerkUser = { clerkId: sub, claims };
  const sid = str(claims.sid);
  if (sid) user.sessionId = sid;
  if (azp) user.authorizedParty = azp;
  const organization = organizationOf(claims);
  if (organization) user.organization = organization;
  const email = str(claims.email);
  const name = str(claims.name);
  const imageUrl = str(claims.image_url) ?? str(claims.picture);
  if (email) user.email = email;
  if (name) user.name = name;
  if (imageUrl) user.imageUrl = imageUrl;
  return user;
}
