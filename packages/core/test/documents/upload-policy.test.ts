import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_EXTENSIONS, DEFAULT_UPLOAD_TYPES } from '@ap/config/env';
import {
  EXTENSIONS_BY_TYPE,
  MAX_FILE_NAME_LENGTH,
  canonicalContentType,
  checkUpload,
  normalizeFileName,
  type UploadPolicy,
} from '../../src/documents/upload-policy.ts';

const policy: UploadPolicy = { maxBytes: 1000, allowedTypes: DEFAULT_UPLOAD_TYPES, allowedExtensions: DEFAULT_UPLOAD_EXTENSIONS };
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('upload policy', () => {
  it('accepts a file within the caps and returns its canonical fields', () => {
    expect(checkUpload({ fileName: 'Q3 Report.PDF', contentType: 'Application/PDF', sizeBytes: 1000 }, policy)).toEqual({
      ok: true,
      fileName: 'Q3 Report.PDF',
      contentType: PDF,
      extension: 'pdf',
      sizeBytes: 1000,
    });
    expect(checkUpload({ fileName: 'notes.md', contentType: 'text/markdown; charset=UTF-8', sizeBytes: 5 }, policy)).toMatchObject({
      ok: true,
      contentType: 'text/markdown',
    });
    expect(checkUpload({ fileName: 'photo.jpg', contentType: 'image/jpg', sizeBytes: 5 }, policy)).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
    });
    expect(checkUpload({ fileName: 'report.v2.2024.docx', contentType: DOCX, sizeBytes: 5 }, policy).ok).toBe(true);
  });

  it('every default type has an extension in the default list, and every default extension a type', () => {
    for (const type of DEFAULT_UPLOAD_TYPES) {
      expect(
        EXTENSIONS_BY_TYPE[type]?.some((e) => DEFAULT_UPLOAD_EXTENSIONS.includes(e)),
        type,
      ).toBe(true);
    }
    const known = Object.values(EXTENSIONS_BY_TYPE).flat();
    for (const ext of DEFAULT_UPLOAD_EXTENSIONS) expect(known, ext).toContain(ext);
  });

  it('refuses a file over the cap as PAYLOAD_TOO_LARGE, and a bad size as BAD_REQUEST', () => {
    expect(checkUpload({ fileName: 'a.pdf', contentType: PDF, sizeBytes: 1001 }, policy)).toMatchObject({
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
      field: 'sizeBytes',
    });
    for (const sizeBytes of [0, -1, 1.5, Number.NaN]) {
      expect(checkUpload({ fileName: 'a.pdf', contentType: PDF, sizeBytes }, policy)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    }
  });

  it.each([
    ['invoice.pdf.exe', PDF, 'fileName'],
    ['invoice.exe.pdf', PDF, 'fileName'],
    ['photo.png.jpg', 'image/jpeg', 'fileName'],
    ['setup.exe', 'application/x-msdownload', 'contentType'],
    ['report.pdf', DOCX, 'fileName'],
    ['report.docx', PDF, 'fileName'],
    ['page.html', 'text/plain', 'fileName'],
    ['README', 'text/plain', 'fileName'],
    ['drawing.svg', 'image/svg+xml', 'contentType'],
    ['notes.txt', 'text/plain; charset=windows-1252', 'contentType'],
    ['notes.txt', 'not a type', 'contentType'],
    ['macro.docm', DOCX, 'fileName'],
  ])('refuses %s as %s with UNSUPPORTED_MEDIA_TYPE', (fileName, contentType, field) => {
    expect(checkUpload({ fileName, contentType, sizeBytes: 10 }, policy)).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      field,
    });
  });

  it('applies narrowed allow-lists', () => {
    const narrow: UploadPolicy = { maxBytes: 1000, allowedTypes: ['application/pdf', 'text/plain'], allowedExtensions: ['pdf'] };
    expect(checkUpload({ fileName: 'a.pdf', contentType: PDF, sizeBytes: 1 }, narrow).ok).toBe(true);
    expect(checkUpload({ fileName: 'a.txt', contentType: 'text/plain', sizeBytes: 1 }, narrow)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(checkUpload({ fileName: 'a.png', contentType: 'image/png', sizeBytes: 1 }, narrow)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('refuses a name with nothing usable', () => {
    expect(checkUpload({ fileName: '../..', contentType: PDF, sizeBytes: 1 }, policy)).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'fileName',
    });
  });
});

describe('file name normalization', () => {
  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\me\\Desktop\\plan.pdf', 'plan.pdf'],
    ['re\u0000port\u0007.pdf', 'report.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['a<b>c:d|e?f*.pdf', 'a_b_c_d_e_f_.pdf'],
    ['report.pdf. . ', 'report.pdf'],
    ['  spaced   out .pdf', 'spaced out .pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['nul', '_nul'],
    ['com1.tar.txt', '_com1.tar.txt'],
    ['console.pdf', 'console.pdf'],
    ['Cafe\u0301.pdf', 'Café.pdf'],
    ['東京 レポート.pdf', '東京 レポート.pdf'],
  ])('%j → %j', (input, output) => {
    expect(normalizeFileName(input)).toBe(output);
  });

  it('returns null when nothing is left', () => {
    for (const name of ['', '   ', '...', '/', 'dir/', '\u0000\u0001']) expect(normalizeFileName(name)).toBeNull();
  });

  it('caps the length and keeps the extension', () => {
    const long = `${'ä'.repeat(500)}.pdf`;
    const out = normalizeFileName(long)!;
    expect([...out]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(checkUpload({ fileName: long, contentType: PDF, sizeBytes: 1 }, policy)).toMatchObject({ ok: true, extension: 'pdf' });
  });

  it('canonical content types', () => {
    expect(canonicalContentType(' TEXT/Plain ; charset="utf-8"')).toBe('text/plain');
    expect(canonicalContentType('text/plain; charset=latin1')).toBeNull();
    expect(canonicalContentType('pdf')).toBeNull();
  });
});
