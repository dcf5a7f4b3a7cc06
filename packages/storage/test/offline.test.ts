// What can be tested without an Azure account: Entra ID mode against a local HTTPS
// server that answers Get User Delegation Key in the service's wire format (the SDK
// sends bearer tokens over https only; the server's certificate is self-signed, made
// with openssl for the run), the key cache, https-only signing for real Azure
// endpoints, Content-Disposition.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import { AzureBlobStore } from '../src/azure-blob-store.ts';
import { createBlobStore } from '../src/blob-store.ts';
import { EMULATOR_ACCOUNT_KEY } from '../src/embedded-azurite.ts';
import { accountNameFromUrl, attachmentDisposition, sharedKeySigner, userDelegationSigner } from '../src/sas.ts';

const OID = '11111111-2222-3333-4444-555555555555';
const TID = '99999999-8888-7777-6666-555555555555';
const KEY_VALUE = Buffer.alloc(32, 7).toString('base64');

let server: Server;
let baseUrl: string;
const requests: { url: string; method: string; authorization: string | undefined; body: string }[] = [];

async function body(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s;
}

let certDir: string;
const previousTlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  certDir = mkdtempSync(path.join(tmpdir(), 'ap-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      path.join(certDir, 'key.pem'),
      '-out',
      path.join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')) };
}

beforeAll(async () => {
  // The fake account's certificate is self-signed: trusted for this test process only.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  server = createServer(selfSignedCertificate(), async (req, res) => {
    const text = await body(req);
    requests.push({ url: req.url ?? '', method: req.method ?? '', authorization: req.headers.authorization, body: text });
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.searchParams.get('comp') === 'userdelegationkey') {
      const start = /<Start>([^<]+)<\/Start>/.exec(text)?.[1];
      const expiry = /<Expiry>([^<]+)<\/Expiry>/.exec(text)?.[1];
      res.writeHead(200, { 'content-type': 'application/xml', 'x-ms-request-id': 'r1', 'x-ms-version': '2025-11-05' });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><UserDelegationKey><SignedOid>${OID}</SignedOid><SignedTid>${TID}</SignedTid>` +
          `<SignedStart>${start}</SignedStart><SignedExpiry>${expiry}</SignedExpiry><SignedService>b</SignedService>` +
          `<SignedVersion>2025-11-05</SignedVersion><Value>${KEY_VALUE}</Value></UserDelegationKey>`,
      );
      return;
    }
    if (req.method === 'PUT' && url.searchParams.get('restype') === 'container') {
      res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'r2' });
      res.end();
      return;
    }
    if (url.searchParams.get('restype') === 'service' && url.searchParams.get('comp') === 'properties') {
      // A data-plane role (Storage Blob Data Contributor) may not read or change account properties.
      res.writeHead(403, { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthorizationPermissionMismatch' });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code>' +
          '<Message>This request is not authorized to perform this operation using this permission.</Message></Error>',
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/xml', 'x-ms-error-code': 'ResourceNotFound' });
    res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>ResourceNotFound</Code><Message>no</Message></Error>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/acct`;
});

afterAll(async () => {
  if (previousTlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTlsSetting;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

const credential: TokenCredential = {
  getToken: async () => ({ token: 'entra-access-token', expiresOnTimestamp: Date.now() + 3600_000 }),
};

describe('Entra ID mode (user-delegation SAS)', () => {
  it('gets a user delegation key with the bearer token once and signs with it', async () => {
    requests.length = 0;
    const store = await createBlobStore(
      {
        AZURE_STORAGE_CONNECTION_STRING: undefined,
        AZURE_STORAGE_ACCOUNT_URL: baseUrl,
        AZURE_STORAGE_CONTAINER: 'documents',
        EMBEDDED_BLOB_PORT: 0,
        DATA_DIR: '/nonexistent',
        CORS_ORIGINS: [],
      },
      { credential },
    );
    expect(store.mode).toBe('entra-id');
    const up = await store.createUploadUrl({ blobName: 'uploads/u1/a.pdf', contentType: 'application/pdf', expiresInMinutes: 15 });
    const down = await store.createDownloadUrl({ blobName: 'uploads/u1/a.pdf', fileName: 'a.pdf', expiresInMinutes: 5 });

    const keyRequests = requests.filter((r) => r.url.includes('comp=userdelegationkey'));
    expect(keyRequests).toHaveLength(1);
    expect(keyRequests[0]!.authorization).toBe('Bearer entra-access-token');
    expect(keyRequests[0]!.body).toMatch(/<KeyInfo><Start>.+<\/Start><Expiry>.+<\/Expiry><\/KeyInfo>/);

    const p = new URL(up.url).searchParams;
    expect(up.url.startsWith(`${baseUrl}/documents/uploads/u1/a.pdf?`)).toBe(true);
    expect(p.get('skoid')).toBe(OID);
    expect(p.get('sktid')).toBe(TID);
    expect(p.get('sks')).toBe('b');
    expect(p.get('sp')).toBe('cw');
    expect(p.get('sr')).toBe('b');
    expect(p.get('spr')).toBe('https');
    expect(p.get('sig')).toBeTruthy();
    expect(new URL(down.url).searchParams.get('sp')).toBe('r');
    expect(new URL(down.url).searchParams.get('rscd')).toBe('attachment; filename="a.pdf"');
  });

  it('creates the container with the bearer token and reports CORS it may not set', async () => {
    requests.length = 0;
    const store = await createBlobStore(
      {
        AZURE_STORAGE_CONNECTION_STRING: undefined,
        AZURE_STORAGE_ACCOUNT_URL: baseUrl,
        AZURE_STORAGE_CONTAINER: 'documents',
        EMBEDDED_BLOB_PORT: 0,
        DATA_DIR: '/nonexistent',
        CORS_ORIGINS: ['https://app.example.com'],
      },
      { credential },
    );
    expect(await store.ensureReady()).toEqual({ cors: 'not-permitted' });
    const create = requests.find((r) => r.method === 'PUT');
    expect(create?.url).toMatch(/^\/acct\/documents\?restype=container(&|$)/);
    expect(create?.authorization).toBe('Bearer entra-access-token');
    expect(requests.some((r) => r.method === 'PUT' && r.url.includes('comp=properties'))).toBe(false);
  });

  it('caches the key until a SAS would outlive it', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const asked: [Date, Date][] = [];
    const signer = userDelegationSigner({
      accountName: 'acct',
      keyLifetimeMs: 60 * 60_000,
      now: () => now,
      getKey: async (startsOn, expiresOn) => {
        asked.push([startsOn, expiresOn]);
        return {
          signedObjectId: OID,
          signedTenantId: TID,
          signedStartsOn: startsOn,
          signedExpiresOn: expiresOn,
          signedService: 'b',
          signedVersion: '2025-11-05',
          value: KEY_VALUE,
        };
      },
    });
    const sas = (minutes: number) =>
      signer({
        containerName: 'c',
        blobName: 'b',
        permissions: BlobSASPermissions.parse('r'),
        startsOn: now,
        expiresOn: new Date(now.getTime() + minutes * 60_000),
      });
    await Promise.all([sas(15), sas(15)]);
    expect(asked).toHaveLength(1);
    expect(asked[0]![0].getTime()).toBe(now.getTime() - 5 * 60_000);
    now = new Date(now.getTime() + 30 * 60_000);
    await sas(15);
    expect(asked).toHaveLength(1);
    now = new Date(now.getTime() + 20 * 60_000); // the key ends in 10 minutes
    await sas(15);
    expect(asked).toHaveLength(2);
  });
});

describe('signing for real Azure endpoints', () => {
  it('makes https-only SAS for an https account, http allowed for an http emulator', async () => {
    const key = new StorageSharedKeyCredential('acct', EMULATOR_ACCOUNT_KEY);
    const https = new AzureBlobStore({
      service: new BlobServiceClient('https://acct.blob.core.windows.net', key),
      containerName: 'documents',
      signer: sharedKeySigner(key),
    });
    const u = await https.createUploadUrl({ blobName: 'x/y.pdf', contentType: 'application/pdf', expiresInMinutes: 15 });
    expect(u.url.startsWith('https://acct.blob.core.windows.net/documents/x/y.pdf?')).toBe(true);
    expect(new URL(u.url).searchParams.get('spr')).toBe('https');

    const http = new AzureBlobStore({
      service: new BlobServiceClient('http://127.0.0.1:10000/acct', key),
      containerName: 'documents',
      signer: sharedKeySigner(key),
    });
    const h = await http.createUploadUrl({ blobName: 'x/y.pdf', contentType: 'application/pdf', expiresInMinutes: 15 });
    expect(new URL(h.url).searchParams.get('spr')).toBe('https,http');
  });

  it('starts the SAS five minutes back and ends it after the TTL', async () => {
    const key = new StorageSharedKeyCredential('acct', EMULATOR_ACCOUNT_KEY);
    const now = new Date('2030-06-01T12:00:00Z');
    const store = new AzureBlobStore({
      service: new BlobServiceClient('https://acct.blob.core.windows.net', key),
      containerName: 'documents',
      signer: sharedKeySigner(key),
      now: () => now,
    });
    const u = await store.createUploadUrl({ blobName: 'a', contentType: 'text/plain', expiresInMinutes: 15 });
    const p = new URL(u.url).searchParams;
    expect(p.get('st')).toBe('2030-06-01T11:55:00Z');
    expect(p.get('se')).toBe('2030-06-01T12:15:00Z');
    expect(u.expiresAt.toISOString()).toBe('2030-06-01T12:15:00.000Z');
  });
});

describe('helpers', () => {
  it.each([
    ['https://myacct.blob.core.windows.net', 'myacct'],
    ['https://myacct.blob.core.windows.net/', 'myacct'],
    ['https://myacct-secondary.blob.core.chinacloudapi.cn', 'myacct-secondary'],
    ['http://127.0.0.1:10000/devstoreaccount1', 'devstoreaccount1'],
    ['http://localhost:10000/devstoreaccount1/', 'devstoreaccount1'],
  ])('account name of %s', (url, account) => {
    expect(accountNameFromUrl(url)).toBe(account);
  });

  it.each([
    ['report.pdf', 'attachment; filename="report.pdf"'],
    ['a "quoted" \\ name.txt', `attachment; filename="a _quoted_ _ name.txt"; filename*=UTF-8''a%20%22quoted%22%20%5C%20name.txt`],
    ['naïve.md', `attachment; filename="na_ve.md"; filename*=UTF-8''na%C3%AFve.md`],
    ["it's (1)*.txt", `attachment; filename="it's (1)*.txt"`],
    ['日本.pdf', `attachment; filename="__.pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf`],
    ['x\r\ny.txt', 'attachment; filename="xy.txt"'],
  ])('Content-Disposition of %j', (fileName, header) => {
    expect(attachmentDisposition(fileName)).toBe(header);
  });
});
