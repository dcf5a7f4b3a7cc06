import { describe, expect, it } from 'vitest';
import { CONTENT_SNIFF_BYTES, checkContent, isUtf8Text } from '../../src/documents/content-check.ts';
import { elf, jpeg, ooxml, pdf, pe, png, zip } from './fixtures.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Checks a whole file the way the server does: the head first, the rest only if needed. */
function check(contentType: string, bytes: Uint8Array, reads?: { count: number }) {
  return checkContent({
    contentType,
    head: bytes.subarray(0, CONTENT_SNIFF_BYTES),
    sizeBytes: bytes.byteLength,
    readAll: async () => {
      if (reads) reads.count++;
      return bytes;
    },
  });
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('content check (magic bytes)', () => {
  it.each([
    ['image/png', png()],
    ['application/pdf', pdf()],
    ['image/jpeg', jpeg()],
    [DOCX, ooxml('docx')],
    [XLSX, ooxml('xlsx')],
    [PPTX, ooxml('pptx')],
  ])('accepts a real %s', async (type, bytes) => {
    expect(await check(type, bytes)).toEqual({ ok: true, detectedType: type });
  });

  it.each([
    ['an ELF executable renamed .pdf', 'application/pdf', elf(), 'application/x-elf'],
    ['a PE executable renamed .pdf', 'application/pdf', pe(), 'application/x-msdownload'],
    ['a PNG declared as a PDF', 'application/pdf', png(), 'image/png'],
    ['a PDF declared as a DOCX', DOCX, pdf(), 'application/pdf'],
    ['a plain zip declared as a DOCX', DOCX, zip(), 'application/zip'],
    ['an XLSX declared as a DOCX', DOCX, ooxml('xlsx'), XLSX],
    ['a PE executable declared as text', 'text/plain', pe(), 'application/x-msdownload'],
    ['a PNG declared as CSV', 'text/csv', png(), 'image/png'],
  ])('refuses %s', async (_what, type, bytes, detected) => {
    expect(await check(type, bytes)).toMatchObject({ ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', detectedType: detected });
  });

  it('refuses bytes no format claims when a binary type is declared', async () => {
    expect(await check('image/png', utf8('hello, not an image'))).toMatchObject({ ok: false, detectedType: null });
  });

  it('reads a DOCX whose first bytes look like a plain zip again in full, and only then', async () => {
    const big = ooxml('docx', CONTENT_SNIFF_BYTES * 2);
    expect(big.byteLength).toBeGreaterThan(CONTENT_SNIFF_BYTES);
    const headOnly = await checkContent({ contentType: DOCX, head: big.subarray(0, CONTENT_SNIFF_BYTES), sizeBytes: big.byteLength });
    expect(headOnly).toMatchObject({ ok: false, detectedType: 'application/zip' });

    const reads = { count: 0 };
    expect(await check(DOCX, big, reads)).toEqual({ ok: true, detectedType: DOCX });
    expect(reads.count).toBe(1);

    const small = { count: 0 };
    expect(await check(DOCX, ooxml('docx'), small)).toMatchObject({ ok: true });
    expect(small.count).toBe(0);
    const pdfReads = { count: 0 };
    await check('application/pdf', pdf(), pdfReads);
    expect(pdfReads.count).toBe(0);
  });
});

describe('content check (text)', () => {
  it.each([
    ['text/plain', 'Plain text, naïve café — 東京 ✓\n'],
    ['text/markdown', '# Title\n\n- item\n'],
    ['text/csv', 'a,b,c\r\n1,2,3\r\n'],
    ['text/html', '<!doctype html><html><body><p>Hi</p></body></html>'],
    ['text/html', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
    ['text/plain', '\uFEFFwith a byte order mark\tand a tab\f'],
  ])('accepts UTF-8 %s', async (type, text) => {
    expect(await check(type, utf8(text))).toEqual({ ok: true, detectedType: type });
  });

  it('refuses invalid UTF-8, UTF-16 and binary control characters', async () => {
    expect(await check('text/plain', Uint8Array.from([0x48, 0x69, 0xc3, 0x28]))).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(await check('text/csv', Buffer.from('\uFEFFa,b\n', 'utf16le'))).toMatchObject({ ok: false });
    expect(await check('text/markdown', utf8('ok\u0000then nul'))).toMatchObject({ ok: false });
    expect(await check('text/plain', Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toMatchObject({ ok: false }); // a UTF-16 surrogate
  });

  it('a multi-byte character cut at the end of a partial head is fine; at the end of the file it is not', () => {
    const bytes = utf8('ab€'); // € is 3 bytes
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(isUtf8Text(cut, false)).toBe(true);
    expect(isUtf8Text(cut, true)).toBe(false);
  });

  it('checks text from the head of a large file', async () => {
    const text = utf8(`${'é'.repeat(CONTENT_SNIFF_BYTES)}`);
    expect(await check('text/plain', text)).toMatchObject({ ok: true });
  });
});
