// Documents end to end against Azurite and PostgreSQL: the upload flow (ask, PUT,
// create), what the stored blob must be, one document per upload, downloads, the
// access rules of documents, the audit log, deletion, reprocessing and live status.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepUploads } from '@ap/core/documents/uploads';
import { jobDefinitions, jobRegistrations, jobSchedules } from '@ap/core/jobs/registry';
import { testDb } from '@ap/testing/db';
import { pdf, pe, png, ooxml } from '../../../packages/core/test/documents/fixtures.ts';
import { codeOf, startHarness, type Harness, type TestUser } from './harness.ts';
import { startFileWorld, upload, type FileWorld } from './documents-fixtures.ts';
import { setupBoard } from './sharing-fixtures.ts';

let h: Harness;
let w: FileWorld;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const db = testDb();

beforeAll(async () => {
  h = await startHarness();
  w = await startFileWorld(h);
  [alice, bob, carol] = await Promise.all([h.user(), h.user(), h.user()]);
}, 120_000);

afterAll(async () => {
  await w?.close();
  await h?.close();
});

const PDF = 'application/pdf';

async function pdfDocument(user: TestUser, text = `Contract ${randomUUID()}`) {
  const u = await upload(w.caller(user.token), { fileName: 'contract.pdf', contentType: PDF, bytes: pdf(text) });
  expect(u.status).toBe(201);
  return w.caller(user.token).documents.create({ uploadId: u.uploadId });
}

describe('SAS URLs on Azurite', () => {
  it('an upload URL writes but cannot read; a download URL reads but cannot write; an expired URL is refused', async () => {
    const a = w.caller(alice.token);
    const bytes = pdf('sas');
    const u = await upload(a, { fileName: 'sas.pdf', contentType: PDF, bytes });
    expect(u.status).toBe(201);
    expect((await fetch(u.url)).status).toBe(403);

    const doc = await a.documents.create({ uploadId: u.uploadId });
    const dl = await a.documents.downloadUrl({ documentId: doc.id });
    const got = await fetch(dl.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="sas\.pdf"/);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    const put = await fetch(dl.url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'overwrite' });
    expect(put.status).toBe(403);

    // A store whose clock is two hours behind signs URLs that have already expired.
    const late = await w.storeAt(-2 * 60 * 60_000);
    const expiredUp = await late.createUploadUrl({
      blobName: `uploads/${alice.id}/${randomUUID()}`,
      contentType: PDF,
      expiresInMinutes: 15,
    });
    expect((await fetch(expiredUp.url, { method: 'PUT', headers: expiredUp.headers, body: bytes })).status).toBe(403);
    const { blobName } = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    const expiredDown = await late.createDownloadUrl({ blobName, fileName: 'x.pdf', expiresInMinutes: 5 });
    expect((await fetch(expiredDown.url)).status).toBe(403);
  });
});

describe('blobStorage.createUpload gates before any URL exists', () => {
  it('refuses too large, unaccepted and double-extension files with their codes, and records nothing', async () => {
    const a = w.caller(alice.token);
    const before = await db.upload.count({ where: { ownerId: alice.id } });
    expect(await codeOf(a.blobStorage.createUpload({ fileName: 'big.pdf', contentType: PDF, sizeBytes: 52_428_801 }))).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(await codeOf(a.blobStorage.createUpload({ fileName: 'invoice.pdf.exe', contentType: PDF, sizeBytes: 10 }))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(
      await codeOf(a.blobStorage.createUpload({ fileName: 'report.pdf', contentType: 'application/x-msdownload', sizeBytes: 10 })),
    ).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await codeOf(a.blobStorage.createUpload({ fileName: 'photo.png', contentType: PDF, sizeBytes: 10 }))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(await db.upload.count({ where: { ownerId: alice.id } })).toBe(before);
  });

  it('names the blob itself and reports the upload to its owner only', async () => {
    const a = w.caller(alice.token);
    const u = await a.blobStorage.createUpload({ fileName: '../../etc/notes.txt', contentType: 'text/plain', sizeBytes: 5 });
    expect(u.fileName).toBe('notes.txt');
    const row = await db.upload.findUniqueOrThrow({ where: { id: u.uploadId } });
    expect(row.blobName).toMatch(new RegExp(`^uploads/${alice.id}/[0-9a-f-]{36}$`));
    expect((await a.blobStorage.getUpload({ uploadId: u.uploadId })).status).toBe('PENDING');
    await fetch(u.url, { method: 'PUT', headers: u.headers, body: 'hello' });
    expect((await a.blobStorage.getUpload({ uploadId: u.uploadId })).status).toBe('UPLOADED');
    expect(await codeOf(w.caller(bob.token).blobStorage.getUpload({ uploadId: u.uploadId }))).toBe('NOT_FOUND');
  });
});

describe('documents.create checks the stored blob', () => {
  it('refuses a PNG declared as PDF and an executable renamed .pdf, and deletes their blobs', async () => {
    const a = w.caller(alice.token);
    for (const bytes of [png(), pe()]) {
      const u = await upload(a, { fileName: 'scan.pdf', contentType: PDF, bytes });
      expect(u.status).toBe(201);
      const row = await db.upload.findUniqueOrThrow({ where: { id: u.uploadId } });
      expect(await w.blobs.stat(row.blobName)).not.toBeNull();
      expect(await codeOf(a.documents.create({ uploadId: u.uploadId }))).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await w.blobs.stat(row.blobName)).toBeNull();
      expect((await db.upload.findUniqueOrThrow({ where: { id: u.uploadId } })).status).toBe('REFUSED');
      expect(await db.document.count({ where: { uploadId: u.uploadId } })).toBe(0);
      // Refused for good.
      expect(await codeOf(a.documents.create({ uploadId: u.uploadId }))).toBe('BAD_REQUEST');
    }
  });

  it('refuses a missing blob (BAD_REQUEST) and a size other than the declared one (blob deleted)', async () => {
    const a = w.caller(alice.token);
    const pending = await a.blobStorage.createUpload({ fileName: 'later.pdf', contentType: PDF, sizeBytes: 100 });
    expect(await codeOf(a.documents.create({ uploadId: pending.uploadId }))).toBe('BAD_REQUEST');

    const bytes = pdf('size');
    const u = await upload(a, { fileName: 'size.pdf', contentType: PDF, bytes, declaredSize: bytes.byteLength + 10 });
    const row = await db.upload.findUniqueOrThrow({ where: { id: u.uploadId } });
    expect(await codeOf(a.documents.create({ uploadId: u.uploadId }))).toBe('BAD_REQUEST');
    expect(await w.blobs.stat(row.blobName)).toBeNull();
  });

  it("refuses another user's upload as NOT_FOUND and leaves it usable by its owner", async () => {
    const u = await upload(w.caller(alice.token), { fileName: 'mine.pdf', contentType: PDF, bytes: pdf('mine') });
    expect(await codeOf(w.caller(carol.token).documents.create({ uploadId: u.uploadId }))).toBe('NOT_FOUND');
    expect(await codeOf(w.caller(carol.token).documents.create({ uploadId: randomUUID() }))).toBe('NOT_FOUND');
    const doc = await w.caller(alice.token).documents.create({ uploadId: u.uploadId });
    expect(doc.ownerId).toBe(alice.id);
  });

  it('accepts a PDF, a DOCX and a PNG: QUEUED, hashed, stored where no upload URL reaches, a process job enqueued', async () => {
    const a = w.caller(alice.token);
    const files = [
      { fileName: 'contract.pdf', contentType: PDF, bytes: pdf('accept') },
      {
        fileName: 'spec.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: ooxml('docx'),
      },
      { fileName: 'scan.png', contentType: 'image/png', bytes: png() },
    ];
    for (const f of files) {
      const u = await upload(a, f);
      const doc = await a.documents.create({ uploadId: u.uploadId });
      expect(doc).toMatchObject({
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.bytes.byteLength,
        status: 'QUEUED',
        level: 'ADMIN',
        version: 1,
      });
      const { createHash } = await import('node:crypto');
      expect(doc.sha256).toBe(createHash('sha256').update(f.bytes).digest('hex'));
      const row = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
      expect(row.blobName).toBe(`documents/${u.uploadId}`);
      const upRow = await db.upload.findUniqueOrThrow({ where: { id: u.uploadId } });
      expect(upRow.status).toBe('USED');
      expect(await w.blobs.stat(upRow.blobName)).toBeNull();
      const jobs = await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'document.process' AND data->>'documentId' = ${doc.id}`;
      expect(Number(jobs[0]!.n)).toBe(1);
    }
  });

  it('a second create with the same upload gives the same document, also concurrently', async () => {
    const a = w.caller(alice.token);
    const u1 = await upload(a, { fileName: 'once.pdf', contentType: PDF, bytes: pdf('once') });
    const first = await a.documents.create({ uploadId: u1.uploadId });
    expect((await a.documents.create({ uploadId: u1.uploadId })).id).toBe(first.id);

    const u2 = await upload(a, { fileName: 'race.pdf', contentType: PDF, bytes: pdf('race') });
    const results = await Promise.all(Array.from({ length: 8 }, () => a.documents.create({ uploadId: u2.uploadId })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.document.count({ where: { uploadId: u2.uploadId } })).toBe(1);
    // An upload used for a document is not an attachment too.
    const board = await setupBoard(h, alice.token, 'Upload reuse');
    expect(await codeOf(a.attachments.create({ actionPointId: board.actionPointIds[0]!, uploadId: u2.uploadId }))).toBe('CONFLICT');
  });

  it('the same file twice by one owner says duplicateOf; inline text is stored as a blob too', async () => {
    const a = w.caller(alice.token);
    const text = `# Meeting ${randomUUID()}\n\nDecisions.`;
    const first = await a.documents.create({ title: 'Meeting notes', text });
    const second = await a.documents.create({ title: 'Meeting notes again', text });
    expect(first.duplicateOf).toBeNull();
    expect(second.duplicateOf).toBe(first.id);
    expect(first).toMatchObject({ contentType: 'text/markdown', fileName: 'Meeting notes.md', status: 'QUEUED' });
    const row = await db.document.findUniqueOrThrow({ where: { id: first.id } });
    expect(new TextDecoder().decode((await w.blobs.read(row.blobName, { maxBytes: 1e6 }))!)).toBe(text);
    expect(await codeOf(a.documents.create({ text: 'no title' } as never))).toBe('BAD_REQUEST');
    const plain = await a.documents.create({ title: 'Plan v1.2 / draft', text: 'Plain words', format: 'plain' });
    expect(plain).toMatchObject({ title: 'Plan v1.2 / draft', fileName: 'Plan v1.2 _ draft.txt', contentType: 'text/plain' });
  });
});

describe('access to documents', () => {
  it('a VIEW share downloads but cannot rename, share, delete, reprocess or read the audit log; a stranger gets NOT_FOUND', async () => {
    const doc = await pdfDocument(alice);
    const a = w.caller(alice.token);
    const b = w.caller(bob.token);
    const c = w.caller(carol.token);
    await a.documentShares.grant({ documentId: doc.id, userId: bob.id, level: 'VIEW' });

    expect((await b.documents.get({ documentId: doc.id })).level).toBe('VIEW');
    expect((await fetch((await b.documents.downloadUrl({ documentId: doc.id })).url)).status).toBe(200);
    expect(await codeOf(b.documents.update({ documentId: doc.id, title: 'Mine now' }))).toBe('FORBIDDEN');
    expect(await codeOf(b.documentShares.grant({ documentId: doc.id, userId: carol.id, level: 'VIEW' }))).toBe('FORBIDDEN');
    expect(await codeOf(b.documents.delete({ documentId: doc.id }))).toBe('FORBIDDEN');
    expect(await codeOf(b.documents.reprocess({ documentId: doc.id }))).toBe('FORBIDDEN');
    expect(await codeOf(b.audit.list({ documentId: doc.id }))).toBe('FORBIDDEN');
    expect((await b.documents.list({})).items.map((d) => d.id)).toContain(doc.id);
    expect((await b.documents.get({ documentId: doc.id })).duplicateOf).toBeNull();

    const id = { documentId: doc.id };
    for (const call of [
      () => c.documents.get(id),
      () => c.documents.downloadUrl(id),
      () => c.documents.update({ ...id, title: 'x' }),
      () => c.documents.delete(id),
      () => c.documents.reprocess(id),
      () => c.documents.chunks(id),
      () => c.documentShares.list(id),
      () => c.documentShares.grant({ ...id, userId: bob.id, level: 'VIEW' }),
      () => c.documentShares.revoke({ ...id, userId: bob.id }),
      () => c.audit.list(id),
    ]) {
      expect(await codeOf(call())).toBe('NOT_FOUND');
    }
    expect((await c.documents.list({})).items.map((d) => d.id)).not.toContain(doc.id);

    await a.documentShares.revoke({ documentId: doc.id, userId: bob.id });
    expect(await codeOf(b.documents.get(id))).toBe('NOT_FOUND');
  });

  it('a document in an organization is VIEW for its members and ADMIN for its admins; only members create there', async () => {
    const suffix = randomUUID().slice(0, 8);
    const member = await db.role.upsert({
      where: { key: 'org:doc-member' },
      create: { key: 'org:doc-member', name: 'Member' },
      update: {},
    });
    const admin = await db.role.upsert({
      where: { key: 'org:doc-admin' },
      create: { key: 'org:doc-admin', name: 'Admin', isAdmin: true },
      update: {},
    });
    const org = await db.organization.create({ data: { clerkId: `org_doc_${suffix}`, name: 'Docs org' } });
    await db.userRole.createMany({
      data: [
        { userId: alice.id, organizationId: org.id, roleId: member.id },
        { userId: bob.id, organizationId: org.id, roleId: admin.id },
      ],
    });
    const doc = await w.caller(alice.token).documents.create({ title: 'Policy', text: 'Org policy', organizationId: org.id });
    expect((await w.caller(bob.token).documents.get({ documentId: doc.id })).level).toBe('ADMIN');
    expect(await codeOf(w.caller(carol.token).documents.get({ documentId: doc.id }))).toBe('NOT_FOUND');
    expect(await codeOf(w.caller(carol.token).documents.create({ title: 'x', text: 'y', organizationId: org.id }))).toBe('NOT_FOUND');
    const byBob = await w.caller(bob.token).documents.create({ title: 'Handbook', text: 'Admin wrote it', organizationId: org.id });
    expect((await w.caller(alice.token).documents.get({ documentId: byBob.id })).level).toBe('VIEW');
  });
});

describe('the audit log', () => {
  it('records the actions of a scenario in order, with their actors and request ids, newest first', async () => {
    const a = w.caller(alice.token);
    const b = w.caller(bob.token);
    const doc = await pdfDocument(alice);
    const id = { documentId: doc.id };
    await a.documentShares.grant({ ...id, userId: bob.id, level: 'VIEW' });
    await b.documents.get(id);
    await b.documents.downloadUrl(id);
    await a.documents.update({ ...id, title: 'Signed contract', expectedVersion: 1 });
    expect(await codeOf(a.documents.update({ ...id, title: 'Stale', expectedVersion: 1 }))).toBe('CONFLICT');
    const re = await a.documents.reprocess(id);
    expect(re).toMatchObject({ status: 'QUEUED', version: 3 });
    await a.documentShares.revoke({ ...id, userId: bob.id });

    const page1 = await a.audit.list({ ...id, limit: 4 });
    const page2 = await a.audit.list({ ...id, limit: 4, cursor: page1.nextCursor! });
    const rows = [...page1.items, ...page2.items];
    expect(page2.nextCursor).toBeNull();
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['document.unshared', alice.id],
      ['document.reprocessed', alice.id],
      ['document.updated', alice.id],
      ['document.downloaded', bob.id],
      ['document.viewed', bob.id],
      ['document.shared', alice.id],
      ['document.created', alice.id],
    ]);
    expect(rows.every((r) => r.documentId === doc.id && r.actorType === 'USER' && r.requestId?.startsWith('req-'))).toBe(true);
    expect(rows[2]!.details).toEqual({ title: { from: 'contract', to: 'Signed contract' } });
    expect(rows[5]!.details).toMatchObject({ userId: bob.id, level: { from: null, to: 'VIEW' } });
    const jobs = await db.$queryRaw<
      { v: string }[]
    >`SELECT data->>'version' AS v FROM pgboss.job WHERE name = 'document.process' AND data->>'documentId' = ${doc.id} ORDER BY created_on`;
    expect(jobs.map((j) => j.v)).toEqual(['1', '3']);
  });

  it('refuses UPDATE and DELETE in the database', async () => {
    const doc = await pdfDocument(alice);
    await expect(db.$executeRaw`UPDATE "AuditLog" SET "action" = 'x' WHERE "documentId" = ${doc.id}::uuid`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE "documentId" = ${doc.id}::uuid`).rejects.toThrow(/append-only/);
  });
});

describe('documents.delete', () => {
  it('removes blob and chunks at once, keeps the audit rows, and answers a repeat the same way', async () => {
    const a = w.caller(alice.token);
    const doc = await pdfDocument(alice);
    const row = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    await db.documentChunk.create({
      data: { documentId: doc.id, ordinal: 0, text: 'chunk', start: 0, end: 5, headings: ['H'], contentHash: 'h', tokenCount: 1 },
    });
    expect((await a.documents.chunks({ documentId: doc.id })).items.map((c) => c.text)).toEqual(['chunk']);

    await a.documents.delete({ documentId: doc.id });
    expect(await codeOf(a.documents.get({ documentId: doc.id }))).toBe('NOT_FOUND');
    expect((await a.documents.list({})).items.map((d) => d.id)).not.toContain(doc.id);
    expect(await w.blobs.stat(row.blobName)).toBeNull();
    expect(await db.documentChunk.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { documentId: doc.id, action: 'document.deleted' } })).toBe(1);
    expect((await a.documents.delete({ documentId: doc.id })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { documentId: doc.id, action: 'document.deleted' } })).toBe(1);
    expect(await codeOf(w.caller(carol.token).documents.delete({ documentId: doc.id }))).toBe('NOT_FOUND');
    const purge = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'document.purge' AND data->>'documentId' = ${doc.id}`;
    expect(Number(purge[0]!.n)).toBe(1);
  });
});

describe('background jobs of documents', () => {
  it('the purge job finishes a delete cut short after it committed, and does nothing more when run again', async () => {
    const doc = await pdfDocument(alice);
    const row = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    await db.documentChunk.create({
      data: { documentId: doc.id, ordinal: 0, text: 'c', start: 0, end: 1, headings: [], contentHash: 'h', tokenCount: 1 },
    });
    // The delete's transaction committed, and the process stopped before purging.
    await db.document.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
    expect(await w.blobs.stat(row.blobName)).not.toBeNull();
    const purge = jobRegistrations(h.server.deps).find((r) => r.definition.name === 'document.purge')!;
    const job = {
      id: randomUUID(),
      name: 'document.purge',
      data: { documentId: doc.id },
      attempt: 1,
      maxAttempts: 11,
      signal: new AbortController().signal,
    };
    await purge.handler(job);
    expect(await w.blobs.stat(row.blobName)).toBeNull();
    expect(await db.documentChunk.count({ where: { documentId: doc.id } })).toBe(0);
    await purge.handler({ ...job, attempt: 2 });
    expect(await db.auditLog.count({ where: { documentId: doc.id } })).toBeGreaterThan(0);
  });

  it('defines and registers document.process, document.purge, blob.delete, uploads.sweep and the action-point embedding jobs', () => {
    expect(jobDefinitions.map((d) => d.name)).toEqual(
      expect.arrayContaining(['document.process', 'document.purge', 'blob.delete', 'uploads.sweep']),
    );
    expect(
      jobRegistrations(h.server.deps)
        .map((r) => r.definition.name)
        .sort(),
    ).toEqual(jobDefinitions.map((d) => d.name).sort());
    expect(jobSchedules).toContainEqual(expect.objectContaining({ name: 'uploads.sweep' }));
  });
});

describe('documents.onStatus', () => {
  it('starts with the current state, then streams changes; ends for a deleted document', async () => {
    const a = w.caller(alice.token);
    const doc = await pdfDocument(alice);
    const stream = (await a.documents.onStatus({ documentId: doc.id })) as AsyncIterable<unknown>;
    const it = stream[Symbol.asyncIterator]();
    // A tracked event: [id, data] in process.
    const next = async () => ((await it.next()).value as [string, Record<string, unknown>])[1];
    // Processing runs meanwhile: its stage events come between the ones this test causes.
    const nextWhere = async (match: (e: Record<string, unknown>) => boolean) => {
      for (;;) {
        const e = await next();
        if (match(e)) return e;
      }
    };
    expect(await next()).toMatchObject({ documentId: doc.id, version: 1 });
    await a.documents.reprocess({ documentId: doc.id });
    // The first event of version 2 is the reprocess itself.
    expect(await nextWhere((e) => e.version === 2)).toMatchObject({ status: 'QUEUED', version: 2 });
    await a.documents.delete({ documentId: doc.id });
    expect(await nextWhere((e) => e.deleted === true)).toMatchObject({ deleted: true, version: 2 });
    expect((await it.next()).done).toBe(true);
    expect(await codeOf(w.caller(carol.token).documents.onStatus({ documentId: doc.id }))).toBe('NOT_FOUND');
  });

  it('without a document id, streams the changes of every document the caller can see, and only those', async () => {
    const a = w.caller(alice.token);
    const hidden = await a.documents.create({ title: 'Hidden', text: 'Not for carol' });
    const shared = await a.documents.create({ title: 'Shared', text: 'For carol' });
    await a.documentShares.grant({ documentId: shared.id, userId: carol.id, level: 'VIEW' });
    const stream = (await w.caller(carol.token).documents.onStatus({})) as AsyncIterable<unknown>;
    const it = stream[Symbol.asyncIterator]();
    const seen: Record<string, unknown>[] = [];
    const untilSharedV2 = (async () => {
      for (;;) {
        const e = ((await it.next()).value as [string, Record<string, unknown>])[1];
        seen.push(e);
        if (e.documentId === shared.id && e.version === 2) return e;
      }
    })();
    await a.documents.reprocess({ documentId: hidden.id });
    await a.documents.reprocess({ documentId: shared.id });
    // Processing events of the shared document may come first; nothing of the hidden one ever does.
    expect(await untilSharedV2).toMatchObject({ documentId: shared.id, version: 2, status: 'QUEUED' });
    expect(seen.every((e) => e.documentId === shared.id)).toBe(true);
    await it.return?.(undefined);
  });
});

describe('attachments', () => {
  it('on the upload flow: EDIT adds and deletes, VIEW lists and downloads, board activity records them', async () => {
    const board = await setupBoard(h, alice.token, 'Attachments');
    const ap = board.actionPointIds[0]!;
    const a = w.caller(alice.token);
    await a.boardPermissions.grant({ boardId: board.boardId, userId: bob.id, level: 'VIEW' });
    const u = await upload(a, { fileName: 'photo.png', contentType: 'image/png', bytes: png() });
    const att = await a.attachments.create({ actionPointId: ap, uploadId: u.uploadId });
    expect(att).toMatchObject({ fileName: 'photo.png', contentType: 'image/png', sizeBytes: png().byteLength });
    expect((await a.attachments.create({ actionPointId: ap, uploadId: u.uploadId })).id).toBe(att.id);

    const b = w.caller(bob.token);
    expect((await b.attachments.list({ actionPointId: ap })).items.map((x) => x.id)).toEqual([att.id]);
    expect((await fetch((await b.attachments.downloadUrl({ attachmentId: att.id })).url)).status).toBe(200);
    const bu = await upload(b, { fileName: 'b.png', contentType: 'image/png', bytes: png() });
    expect(await codeOf(b.attachments.create({ actionPointId: ap, uploadId: bu.uploadId }))).toBe('FORBIDDEN');
    expect(await codeOf(b.attachments.delete({ attachmentId: att.id }))).toBe('FORBIDDEN');
    expect(await codeOf(w.caller(carol.token).attachments.downloadUrl({ attachmentId: att.id }))).toBe('NOT_FOUND');

    const bad = await upload(a, { fileName: 'evil.png', contentType: 'image/png', bytes: pe() });
    expect(await codeOf(a.attachments.create({ actionPointId: ap, uploadId: bad.uploadId }))).toBe('UNSUPPORTED_MEDIA_TYPE');

    await a.attachments.delete({ attachmentId: att.id });
    expect(await w.blobs.stat(`attachments/${u.uploadId}`)).toBeNull();
    const activity = await a.boards.activity({ boardId: board.boardId });
    const actions = activity.items.map((i) => i.action);
    expect(actions).toContain('attachment.added');
    expect(actions).toContain('attachment.deleted');
  });
});

describe('the sweep of uploads never completed', () => {
  it('deletes expired unused and refused uploads, blob and row, and nothing else', async () => {
    const a = w.caller(alice.token);
    const stale = await upload(a, { fileName: 'stale.pdf', contentType: PDF, bytes: pdf('stale') });
    const refused = await upload(a, { fileName: 'refused.pdf', contentType: PDF, bytes: png() });
    await codeOf(a.documents.create({ uploadId: refused.uploadId }));
    const used = await upload(a, { fileName: 'used.pdf', contentType: PDF, bytes: pdf('used') });
    await a.documents.create({ uploadId: used.uploadId });
    const staleRow = await db.upload.findUniqueOrThrow({ where: { id: stale.uploadId } });

    const later = { now: () => new Date(Date.now() + 3 * 60 * 60_000) };
    expect(await sweepUploads({ db, blobs: w.blobs, clock: later })).toBeGreaterThanOrEqual(2);
    expect(await db.upload.findUnique({ where: { id: stale.uploadId } })).toBeNull();
    expect(await db.upload.findUnique({ where: { id: refused.uploadId } })).toBeNull();
    expect(await w.blobs.stat(staleRow.blobName)).toBeNull();
    expect((await db.upload.findUniqueOrThrow({ where: { id: used.uploadId } })).status).toBe('USED');
    // Past the sweep, an expired upload cannot become a document.
    const fresh = await upload(a, { fileName: 'late.pdf', contentType: PDF, bytes: pdf('late') });
    expect(await codeOf(w.caller(alice.token, later).documents.create({ uploadId: fresh.uploadId }))).toBe('BAD_REQUEST');
  });
});
