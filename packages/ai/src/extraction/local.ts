// The offline extractor: picks a reader by content (magic bytes), content type and
// file extension, in that order of trust, and names it in `model`:
// local-pdf (local-pdf+ocr when a page was scanned), local-docx, local-html,
// local-markdown, local-text, local-csv, local-ocr (images). With `prebuilt-read`
// it gives what Document Intelligence's read model does: no roles, no tables.
import { extractDocx } from './docx.ts';
import { UnsupportedFormatError } from './errors.ts';
import { extractHtml } from './html.ts';
import { imageFormat } from './image.ts';
import { extractImage } from './images.ts';
import { extractMarkdown } from './markdown.ts';
import { TesseractOcr, type Ocr } from './ocr.ts';
import { extractPdf } from './pdf.ts';
import type { ExtractedLayout, ExtractOptions, Extractor, LayoutParagraph } from './ports.ts';
import { decodeText, extractCsv, extractPlainText } from './text.ts';

export type LocalFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text' | 'csv' | 'image';

const BY_TYPE: Record<string, LocalFormat> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
  'text/csv': 'csv',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/tiff': 'image',
};

const BY_EXTENSION: Record<string, LocalFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  csv: 'csv',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
};

/** Formats recognised by name that no local extractor reads. */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  pptx: 'PowerPoint presentations are read by Document Intelligence only',
  xlsx: 'Excel workbooks are read by Document Intelligence only',
  doc: 'the binary Word 97–2003 format is not supported; save it as .docx',
};

function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Which local reader takes this file, or null. */
export function localFormat(bytes: Uint8Array, contentType: string, fileName: string): LocalFormat | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const ext = extensionOf(fileName);
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (imageFormat(bytes)) return 'image';
  const named = BY_TYPE[type] ?? BY_EXTENSION[ext] ?? null;
  if (isZip(bytes)) {
    // DOCX, PPTX and XLSX are all zip files: the name decides.
    return named === 'docx' || (type === 'application/zip' && ext === 'docx') ? 'docx' : null;
  }
  if (named === 'pdf' || named === 'image' || named === 'docx') return null; // says it is, but is not
  if (named) return named;
  if (type.startsWith('text/')) return 'text';
  return null;
}

/**
 * What `prebuilt-read` gives, as Document Intelligence does: the same text, pages
 * and lines, paragraphs without roles or heading levels, and no tables (a table's
 * rows become paragraphs, so every text still belongs to one).
 */
export function readOnly(layout: ExtractedLayout): ExtractedLayout {
  const paragraphs: LayoutParagraph[] = layout.paragraphs.map((p) => ({
    content: p.content,
    role: null,
    spans: p.spans,
    boundingRegions: p.boundingRegions,
  }));
  for (const table of layout.tables) {
    for (const span of table.spans) {
      let offset = span.offset;
      for (const row of layout.content.slice(span.offset, span.offset + span.length).split('\n')) {
        if (row.trim()) paragraphs.push({ content: row, role: null, spans: [{ offset, length: row.length }], boundingRegions: [] });
        offset += row.length + 1;
      }
    }
  }
  paragraphs.sort((a, b) => (a.spans[0]?.offset ?? 0) - (b.spans[0]?.offset ?? 0));
  return { ...layout, paragraphs, tables: [] };
}

export interface LocalExtractorOptions {
  /** OCR for images and scanned PDF pages. Default: tesseract.js with its English data. */
  ocr?: Ocr;
}

export class LocalExtractor implements Extractor {
  private readonly ocr: Ocr;

  constructor(options: LocalExtractorOptions = {}) {
    this.ocr = options.ocr ?? new TesseractOcr();
  }

  async extract(bytes: Uint8Array, contentType: string, fileName: string, opts: ExtractOptions = {}): Promise<ExtractedLayout> {
    const layout = await this.read(bytes, contentType, fileName, opts);
    return opts.model === 'prebuilt-read' ? readOnly(layout) : layout;
  }

  private async read(bytes: Uint8Array, contentType: string, fileName: string, opts: ExtractOptions): Promise<ExtractedLayout> {
    opts.signal?.throwIfAborted();
    const format = localFormat(bytes, contentType, fileName);
    switch (format) {
      case 'pdf':
        return extractPdf(bytes, { ocr: this.ocr, signal: opts.signal });
      case 'docx':
        return extractDocx(bytes);
      case 'html':
        return extractHtml(decodeText(bytes));
      case 'markdown':
        return extractMarkdown(decodeText(bytes));
      case 'text':
        return extractPlainText(decodeText(bytes));
      case 'csv':
        return extractCsv(decodeText(bytes));
      case 'image':
        return extractImage(bytes, this.ocr);
      case null: {
        const ext = extensionOf(fileName);
        throw new UnsupportedFormatError(contentType, fileName, KNOWN_UNSUPPORTED[ext]);
      }
    }
  }

  /** Stops the OCR worker, if one was started. */
  async close(): Promise<void> {
    await this.ocr.close();
  }
}
