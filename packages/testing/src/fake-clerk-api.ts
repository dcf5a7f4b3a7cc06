// A stand-in for Clerk's Backend API over real HTTP on loopback: serves
// `GET /v1/users/{userId}` the way @clerk/backend's `users.getUser` calls it
// (Authorization: Bearer <secret key>), with Clerk's JSON shapes, a user map and a
// call counter.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface FakeClerkUserInput {
  id: string;
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  imageUrl?: string;
  /** Extra, non-primary addresses (listed before the primary one). */
  otherEmails?: string[];
}

export interface FakeClerkApi {
  /** Base URL to pass as `apiUrl` / CLERK_API_URL. */
  url: string;
  secretKey: string;
  users: Map<string, FakeClerkUserInput>;
  /** Requests received (any path, any outcome). */
  calls: number;
  /** Requests per user id for `GET /v1/users/{id}`. */
  callsByUser: Map<string, number>;
  /** Delay before answering (ms). */
  delayMs: number;
  addUser(user: FakeClerkUserInput): void;
  close(): Promise<void>;
}

export async function startFakeClerkApi(opts: { secretKey?: string } = {}): Promise<FakeClerkApi> {
  const secretKey = opts.secretKey ?? `sk_test_${randomUUID().replace(/-/g, '')}`;
  let server: Server;
  const state: FakeClerkApi = {
    url: '',
    secretKey,
    users: new Map(),
    calls: 0,
    callsByUser: new Map(),
    delayMs: 0,
    addUser(user) {
      state.users.set(user.id, user);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake-clerk');
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return sendError(res, 401, 'authentication_invalid', 'Invalid authentication');
    }
    const match = /^\/v1\/users\/([^/]+)$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      return sendError(res, 404, 'resource_not_found', 'Not found');
    }
    const id = decodeURIComponent(match[1]!);
    state.callsByUser.set(id, (state.callsByUser.get(id) ?? 0) + 1);
    const user = state.users.get(id);
    if (!user) return sendError(res, 404, 'resource_not_found', 'User not found');
    return sendJson(res, 200, toClerkUserJson(user));
  };

  server = createServer((req, res) => {
    state.calls++;
    req.resume();
    if (state.delayMs > 0) setTimeout(() => handle(req, res), state.delayMs);
    else handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, {
    errors: [{ code, message, long_message: message, meta: {} }],
    clerk_trace_id: randomUUID(),
  });
}

function emailJson(id: string, email: string) {
  return {
    id,
    object: 'email_address',
    email_address: email,
    reserved: false,
    verification: { object: 'verification_email_code', status: 'verified', strategy: 'email_code', attempts: 1, expire_at: null },
    linked_to: [],
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
  };
}

/** The JSON Clerk returns for a user (the fields @clerk/backend's User.fromJSON reads). */
export function toClerkUserJson(u: FakeClerkUserInput) {
  const emails = (u.otherEmails ?? []).map((e, i) => emailJson(`idn_other_${i}`, e));
  const primaryId = u.email ? 'idn_primary' : null;
  if (u.email) emails.push(emailJson('idn_primary', u.email));
  return {
    id: u.id,
    object: 'user',
    username: u.username ?? null,
    first_name: u.firstName ?? null,
    last_name: u.lastName ?? null,
    image_url: u.imageUrl ?? 'https://img.clerk.com/default.png',
    has_image: Boolean(u.imageUrl),
    primary_email_address_id: primaryId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: emails,
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    enterprise_accounts: [],
    passkeys: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: null,
    legal_accepted_at: null,
  };
}
