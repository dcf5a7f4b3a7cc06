// The blob store against a real Azurite (in this process, random port, temp dir),
// driven by the real SDK; SAS URLs are called with plain fetch, as a browser would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SNIFF_BYTES, checkContent } from '@ap/core/documents/content-check';
import type { BlobStore } from '@ap/core/ports/blob-store';
import { createBlobStore, type ConfiguredBlobStore } from '../src/blob-store.ts';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../src/embedded-azurite.ts';

const APP = 'https://app.example.com';
const OTHER = 'https://evil.example.net';
let dataDir: string;
let azurite: EmbeddedAzurite;
let store: ConfiguredBlobStore;
let n = 0;
const name = (ext = 'bin') => `uploads/test/${Date.now()}-${n++}.${ext}`;

function config(overrides: Record<string, unknown> = {}) {
  return {
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_ACCOUNT_URL: undefined,
    AZURE_STORAGE_CONTAINER: 'documents',
    EMBEDDED_BLOB_PORT: 0,
    DATA_DIR: dataDir,
    CORS_ORIGINS: [APP, 'http://localhost:5173'],
    ...overrides,
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ap-blob-'));
  azurite = await startEmbeddedAzurite({ dataDir: path.join(dataDir, 'shared'), port: 0 });
  store = await createBlobStore(config());
  const port: BlobStore = store; // the adapter fits core's port
  await port.ensureReady();
});

afterAll(async () => {
  await store?.close();
  await azurite?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function upload(blobName: string, body: Uint8Array | string, contentType = 'application/pdf') {
  const u = await store.createUploadUrl({ blobName, contentType, expiresInMinutes: 15 });
  const res = await fetch(u.url, { method: u.method, headers: u.headers, body });
  return { res, upload: u };
}

describe('embedded Azurite and readiness', () => {
  it('starts on a random port with the development account', () => {
    expect(azurite.port).toBeGreaterThan(0);
    expect(azurite.url).toBe(`http://127.0.0.1:${azurite.port}/devstoreaccount1`);
    expect(store.mode).toBe('connection-string');
  });

  it('creates the container when missing and sets CORS once', async () => {
    const fresh = await createBlobStore(config({ AZURE_STORAGE_CONTAINER: 'fresh-container' }));
    expect(await fresh.container.exists()).toBe(false);
    const first = await fresh.ensureReady();
    expect(await fresh.container.exists()).toBe(true);
    expect(['set', 'unchanged']).toContain(first.cors);
    expect(await fresh.ensureReady()).toEqual({ cors: 'unchanged' });
    const none = await createBlobStore(config({ CORS_ORIGINS: [] }));
    expect(await none.ensureReady()).toEqual({ cors: 'not-configured' });
  });
});

describe('upload URLs (create + write on one blob)', () => {
  it('can PUT but cannot GET, DELETE or list', async () => {
    const blobName = name('pdf');
    const { res, upload: u } = await upload(blobName, '%PDF-1.4 test');
    expect(res.status).toBe(201);
    expect(u.method).toBe('PUT');
    expect(u.headers).toMatchObject({ 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/pdf' });
    const params = new URL(u.url).searchParams;
    expect(params.get('sp')).toBe('cw');
    expect(params.get('sr')).toBe('b');
    expect(new Date(params.get('st')!).getTime()).toBeLessThan(new Date(params.get('se')!).getTime());
    expect(new Date(params.get('se')!).getTime()).toBe(u.expiresAt.getTime() - (u.expiresAt.getTime() % 1000));

    expect((await fetch(u.url)).status).toBe(403);
    expect((await fetch(u.url, { method: 'DELETE' })).status).toBe(403);
    const list = new URL(store.container.url);
    list.search = new URL(u.url).search;
    list.searchParams.set('restype', 'container');
    list.searchParams.set('comp', 'list');
    expect((await fetch(list)).status).toBe(403);

    expect(await store.stat(blobName)).toMatchObject({ sizeBytes: 13, contentType: 'application/pdf' });
  });

  it('cannot write another blob name', async () => {
    const blobName = name('pdf');
    const u = await store.createUploadUrl({ blobName, contentType: 'application/pdf', expiresInMinutes: 15 });
    const other = name('pdf');
    const forged = u.url.replace(encodeURI(blobName), encodeURI(other));
    expect(forged).not.toBe(u.url);
    const res = await fetch(forged, { method: 'PUT', headers: u.headers, body: 'x' });
    expect(res.status).toBe(403);
    expect(await store.stat(other)).toBeNull();
  });

  it('is refused once expired', async () => {
    const past = await createBlobStore(config(), { now: () => new Date(Date.now() - 2 * 60 * 60_000) });
    const blobName = name('pdf');
    const u = await past.createUploadUrl({ blobName, contentType: 'application/pdf', expiresInMinutes: 15 });
    expect(u.expiresAt.getTime()).toBeLessThan(Date.now());
    const res = await fetch(u.url, { method: 'PUT', headers: u.headers, body: 'late' });
    expect(res.status).toBe(403);
    expect(await store.stat(blobName)).toBeNull();

    await store.put(blobName, 'now present', 'text/plain');
    const d = await past.createDownloadUrl({ blobName, fileName: 'a.txt', expiresInMinutes: 5 });
    expect((await fetch(d.url)).status).toBe(403);
  });

  it('refuses bad blob names and lifetimes before signing', async () => {
    for (const blobName of ['', '/abs', 'a/../b', 'a//b', 'back\\slash', 'nul\u0000']) {
      await expect(store.createUploadUrl({ blobName, contentType: 'text/plain', expiresInMinutes: 5 })).rejects.toThrow(TypeError);
    }
    for (const expiresInMinutes of [0, -1, 1.5, 7 * 24 * 60 + 1]) {
      await expect(store.createUploadUrl({ blobName: name(), contentType: 'text/plain', expiresInMinutes })).rejects.toThrow(RangeError);
    }
  });
});

describe('download URLs (read only)', () => {
  it('GETs the bytes as an attachment but cannot PUT', async () => {
    const blobName = name('pdf');
    await upload(blobName, '%PDF-1.4 original');
    const d = await store.createDownloadUrl({ blobName, fileName: 'Q3 report.pdf', contentType: 'application/pdf', expiresInMinutes: 5 });
    expect(new URL(d.url).searchParams.get('sp')).toBe('r');
    const res = await fetch(d.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Q3 report.pdf"');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await res.text()).toBe('%PDF-1.4 original');

    const put = await fetch(d.url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'overwrite' });
    expect(put.status).toBe(403);
    expect(new TextDecoder().decode((await store.read(blobName, { maxBytes: 100 }))!)).toBe('%PDF-1.4 original');
  });

  it('names a non-ASCII file with RFC 5987', async () => {
    const blobName = name('md');
    await store.put(blobName, '# Überblick', 'text/markdown');
    const d = await store.createDownloadUrl({ blobName, fileName: 'Überblick "Q3" (東京).md', expiresInMinutes: 5 });
    const res = await fetch(d.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="_berblick _Q3_ (__).md"; filename*=UTF-8''%C3%9Cberblick%20%22Q3%22%20%28%E6%9D%B1%E4%BA%AC%29.md`,
    );
    expect(await res.text()).toBe('# Überblick');
  });
});

describe('server-side operations', () => {
  it('stat, readRange, read, delete (twice is fine)', async () => {
    const blobName = name('bin');
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
    await store.put(blobName, bytes, 'application/octet-stream');

    expect(await store.stat(blobName)).toMatchObject({ sizeBytes: 300, contentType: 'application/octet-stream' });
    expect(Array.from((await store.readRange(blobName, 0, 4))!)).toEqual([0, 1, 2, 3]);
    expect(Array.from((await store.readRange(blobName, 298, 10))!)).toEqual([42, 43]);
    expect((await store.readRange(blobName, 300, 10))!.byteLength).toBe(0);
    expect((await store.readRange(blobName, 0, 0))!.byteLength).toBe(0);
    expect(Buffer.from((await store.read(blobName, { maxBytes: 300 }))!).equals(Buffer.from(bytes))).toBe(true);
    await expect(store.read(blobName, { maxBytes: 299 })).rejects.toThrow(RangeError);

    expect(await store.delete(blobName)).toBe(true);
    expect(await store.delete(blobName)).toBe(false);
    expect(await store.stat(blobName)).toBeNull();
    expect(await store.readRange(blobName, 0, 4)).toBeNull();
    expect(await store.read(blobName, { maxBytes: 10 })).toBeNull();
  });

  it('reads an empty blob', async () => {
    const blobName = name('txt');
    await store.put(blobName, new Uint8Array(0), 'text/plain');
    expect(await store.stat(blobName)).toMatchObject({ sizeBytes: 0 });
    expect((await store.readRange(blobName, 0, 4100))!.byteLength).toBe(0);
    expect((await store.read(blobName, { maxBytes: 0 }))!.byteLength).toBe(0);
  });

  it('lists by prefix', async () => {
    const prefix = `sweep/${n++}/`;
    await store.put(`${prefix}b`, 'bb', 'text/plain');
    await store.put(`${prefix}a`, 'a', 'text/plain');
    await store.put(`sweep-other/${n}`, 'x', 'text/plain');
    const items = [];
    for await (const item of store.list(prefix)) items.push(item);
    expect(items.map((i) => [i.name, i.sizeBytes])).toEqual([
      [`${prefix}a`, 1],
      [`${prefix}b`, 2],
    ]);
    expect(items[0]!.lastModified).toBeInstanceOf(Date);
  });
});

describe('CORS for browsers', () => {
  const preflight = (origin: string, url: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-ms-blob-type',
      },
    });

  it('allows a preflight from a configured origin and refuses another', async () => {
    const u = await store.createUploadUrl({ blobName: name('pdf'), contentType: 'application/pdf', expiresInMinutes: 5 });
    const ok = await preflight(APP, u.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/PUT/);

    const refused = await preflight(OTHER, u.url);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an allowed origin on the actual GET', async () => {
    const blobName = name('txt');
    await store.put(blobName, 'hi', 'text/plain');
    const d = await store.createDownloadUrl({ blobName, fileName: 'hi.txt', expiresInMinutes: 5 });
    const res = await fetch(d.url, { headers: { Origin: APP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/content-disposition/i);
  });
});

describe('embedded mode (no account configured)', () => {
  it('runs Azurite in DATA_DIR/blob and keeps data across restarts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-blob-embedded-'));
    const cfg = { ...config({ AZURE_STORAGE_CONNECTION_STRING: undefined, DATA_DIR: dir }) };
    try {
      const first = await createBlobStore(cfg);
      expect(first.mode).toBe('embedded');
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
      await first.ensureReady();
      const { res } = await (async () => {
        const u = await first.createUploadUrl({ blobName: 'kept/one.txt', contentType: 'text/plain', expiresInMinutes: 5 });
        return { res: await fetch(u.url, { method: 'PUT', headers: u.headers, body: 'survives restarts' }) };
      })();
      expect(res.status).toBe(201);
      await first.close();
      await first.close();
      await expect(fetch(first.url)).rejects.toThrow();

      const second = await createBlobStore(cfg);
      try {
        await second.ensureReady();
        expect(await second.stat('kept/one.txt')).toMatchObject({ sizeBytes: 17, contentType: 'text/plain' });
        expect(new TextDecoder().decode((await second.read('kept/one.txt', { maxBytes: 1024 }))!)).toBe('survives restarts');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('startEmbeddedAzurite keeps data across a restart on the same directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-azurite-'));
    try {
      const a = await startEmbeddedAzurite({ dataDir: dir, port: 0 });
      const sa = await createBlobStore(config({ AZURE_STORAGE_CONNECTION_STRING: a.connectionString, CORS_ORIGINS: [] }));
      await sa.ensureReady();
      await sa.put('docs/x.md', '# kept', 'text/markdown');
      await a.close();

      const b = await startEmbeddedAzurite({ dataDir: dir, port: 0 });
      try {
        const sb = await createBlobStore(config({ AZURE_STORAGE_CONNECTION_STRING: b.connectionString, CORS_ORIGINS: [] }));
        expect(new TextDecoder().decode((await sb.readRange('docs/x.md', 0, 3))!)).toBe('# k');
      } finally {
        await b.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the embedded Azurite on a port in use', () => {
  it('fails with a message naming the port and the ways out, and leaves the other one serving', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-azurite-'));
    try {
      await expect(startEmbeddedAzurite({ dataDir: dir, port: azurite.port })).rejects.toThrow(
        new RegExp(`cannot listen on 127\\.0\\.0\\.1:${azurite.port}: the port is in use.*EMBEDDED_BLOB_PORT`),
      );
      expect((await store.ensureReady()).cors).toBeDefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('an upload checked after the PUT', () => {
  it('a renamed executable is refused by its first bytes and its blob deleted; a real PDF passes', async () => {
    const elf = Buffer.alloc(512);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(elf, 0);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const verdicts = [];
    for (const bytes of [elf, pdf]) {
      const blobName = name('pdf');
      expect((await upload(blobName, bytes)).res.status).toBe(201);
      const info = (await store.stat(blobName))!;
      const head = (await store.readRange(blobName, 0, CONTENT_SNIFF_BYTES))!;
      const verdict = await checkContent({
        contentType: 'application/pdf',
        head,
        sizeBytes: info.sizeBytes,
        readAll: async () => (await store.read(blobName, { maxBytes: 1024 * 1024 }))!,
      });
      if (!verdict.ok) await store.delete(blobName);
      verdicts.push({ verdict, exists: (await store.stat(blobName)) !== null });
    }
    expect(verdicts).toEqual([
      { verdict: expect.objectContaining({ ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', detectedType: 'application/x-elf' }), exists: false },
      { verdict: { ok: true, detectedType: 'application/pdf' }, exists: true },
    ]);
  });

  it('says which port is taken when the embedded Azurite cannot listen', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-azurite-busy-'));
    try {
      await expect(startEmbeddedAzurite({ dataDir: dir, port: azurite.port })).rejects.toThrow(/EMBEDDED_BLOB_PORT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
