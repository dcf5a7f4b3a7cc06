// A stand-in for Clerk's token issuer in tests: RS256 keys, a JWKS served over real
// HTTP on loopback (counting fetches), and a token factory with every knob the
// authentication tests need.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function createTestKey(kid = `test-${randomUUID().slice(0, 8)}`): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}

export interface TokenOptions {
  sub?: string;
  /** Seconds from now; negative for an expired token. Default 300. */
  expiresIn?: number;
  /** Seconds from now for `nbf`. Default -5. */
  notBefore?: number;
  issuer?: string;
  azp?: string | null;
  key?: TestKey;
  /** Sign with this kid header instead of the key's. */
  kid?: string;
  claims?: JWTPayload;
}

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  /** Keys published in the JWKS. */
  keys: TestKey[];
  /** How many times the JWKS was fetched. */
  fetches: number;
  /** Delay before answering a JWKS fetch (ms). */
  delayMs: number;
  sign(options?: TokenOptions): Promise<string>;
  /** A token for a new unique user; returns its Clerk id too. */
  newUser(claims?: JWTPayload): Promise<{ clerkId: string; token: string }>;
  publish(key: TestKey): void;
  unpublish(kid: string): void;
  close(): Promise<void>;
}

export const DEFAULT_AZP = 'http://localhost:5173';

export async function startTestIssuer(): Promise<TestIssuer> {
  const first = await createTestKey();
  let server: Server;
  const state: TestIssuer = {
    issuer: '',
    jwksUrl: '',
    keys: [first],
    fetches: 0,
    delayMs: 0,
    async sign(o: TokenOptions = {}) {
      const key = o.key ?? state.keys[0]!;
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        sid: `sess_${randomUUID()}`,
        v: 2,
        ...(o.azp === null ? {} : { azp: o.azp ?? DEFAULT_AZP }),
        ...o.claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? key.kid, typ: 'JWT' })
        .setSubject(o.sub ?? `user_${randomUUID()}`)
        .setIssuer(o.issuer ?? state.issuer)
        .setIssuedAt(now)
        .setNotBefore(now + (o.notBefore ?? -5))
        .setExpirationTime(now + (o.expiresIn ?? 300))
        .setJti(randomUUID())
        .sign(key.privateKey);
    },
    async newUser(claims) {
      const clerkId = `user_${randomUUID().replace(/-/g, '')}`;
      return { clerkId, token: await state.sign({ sub: clerkId, claims }) };
    },
    publish(key) {
      state.keys.push(key);
    },
    unpublish(kid) {
      state.keys = state.keys.filter((k) => k.kid !== kid);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    state.fetches++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
    }, state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.issuer = `http://127.0.0.1:${port}`;
  state.jwksUrl = `${state.issuer}/.well-known/jwks.json`;
  return state;
}
