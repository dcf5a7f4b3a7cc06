// PDF through pdf.js (pdfjs-dist 5.6, legacy build for Node 20). Per page: text
// items grouped into lines (baseline and gaps), lines into paragraphs (spacing and
// font size), headings guessed from font sizes larger than the body text. Lines
// carry polygons in inches from the page's top left. A page without a text layer
// is OCRed from its largest image, which is taken to cover the page (a scan).
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ExtractionFailedError } from './errors.ts';
import { encodePng } from './image.ts';
import { box, LayoutBuilder, type LineInput } from './layout-builder.ts';
import type { Ocr } from './ocr.ts';
import type { ExtractedLayout, ParagraphRole } from './ports.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js's legacy build and its worker bundle polyfills that replace the native
 * JSON.stringify with a much slower copy of the same behaviour, which would slow
 * every API response of the process. pdf.js is loaded when the first PDF is read,
 * and the native JSON.stringify is put back after every read.
 */
const NATIVE_JSON_STRINGIFY = JSON.stringify;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
const restoreGlobals = () => {
  if (JSON.stringify !== NATIVE_JSON_STRINGIFY) JSON.stringify = NATIVE_JSON_STRINGIFY;
};

const require = createRequire(import.meta.url);
const STANDARD_FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

interface PdfLine {
  text: string;
  size: number;
  /** PDF user space: baseline y, left and right x. */
  y: number;
  x0: number;
  x1: number;
}

interface RawPage {
  pageNumber: number;
  width: number;
  height: number;
  /** Lower-left corner of the page's view box. */
  originX: number;
  originY: number;
  lines: PdfLine[];
}

const POINTS_PER_INCH = 72;
/** A line starting like a list item: a bullet, or a number or letter with `.` or `)`. */
const BULLET = /^(?:[-–•*▪◦·]|\(?(?:\d{1,3}|[a-z])[.)])\s+\S/;

async function pageLines(page: PDFPageProxy): Promise<PdfLine[]> {
  const text = await page.getTextContent();
  const lines: PdfLine[] = [];
  let cur: PdfLine | null = null;
  const push = () => {
    if (cur?.text.trim()) lines.push({ ...cur, text: cur.text.replace(/\s+/g, ' ').trim() });
    cur = null;
  };
  for (const item of text.items) {
    if (!('str' in item)) continue;
    const [, , c, d, e, f] = item.transform as number[];
    const size = Math.hypot(c!, d!) || item.height || 1;
    const x = e!;
    const y = f!;
    if (item.str === '') {
      if (item.hasEOL) push();
      continue;
    }
    const line: PdfLine | null = cur;
    if (line && (Math.abs(y - line.y) > size * 0.4 || x < line.x0 - size)) push();
    if (!cur) cur = { text: '', size, y, x0: x, x1: x };
    const open: PdfLine = cur;
    const gap = x - open.x1;
    if (open.text && gap > size * 0.15 && !/\s$/.test(open.text) && !/^\s/.test(item.str)) open.text += ' ';
    open.text += item.str;
    open.x1 = Math.max(open.x1, x + item.width);
    open.x0 = Math.min(open.x0, x);
    open.size = Math.max(open.size, size);
    if (item.hasEOL) push();
  }
  push();
  return lines;
}

/** The largest image painted on a page, as a PNG, or null. */
async function largestImage(page: PDFPageProxy): Promise<{ png: Uint8Array; width: number; height: number } | null> {
  const { OPS } = await loadPdfJs();
  const ops = await page.getOperatorList();
  let best: { width: number; height: number; kind: number; data: Uint8Array } | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) continue;
    const arg = ops.argsArray[i]?.[0];
    // biome-ignore lint/suspicious/noExplicitAny: pdf.js image objects are untyped
    const img: any =
      typeof arg === 'string'
        ? await new Promise((resolve) => (arg.startsWith('g_') ? page.commonObjs : page.objs).get(arg, resolve))
        : arg;
    if (!img?.data || !img.width || !img.height) continue;
    if (!best || img.width * img.height > best.width * best.height) best = img;
  }
  if (!best) return null;
  const { width, height, kind, data } = best;
  if (kind === 1) {
    // 1 bit per pixel, rows padded to whole bytes, 1 = white as pdf.js unpacks it.
    const gray = new Uint8Array(width * height);
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) gray[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { png: encodePng(width, height, 1, gray), width, height };
  }
  const channels = kind === 3 ? 4 : 3;
  if (data.length < width * height * channels) return null;
  return { png: encodePng(width, height, channels, data), width, height };
}

function bodySize(pages: RawPage[]): number {
  const sizes: [number, number][] = pages.flatMap((p) =>
    p.lines.map((l) => [Math.round(l.size * 2) / 2, l.text.length] as [number, number]),
  );
  if (sizes.length === 0) return 0;
  const weight = new Map<number, number>();
  for (const [s, n] of sizes) weight.set(s, (weight.get(s) ?? 0) + n);
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

export interface PdfOptions {
  ocr?: Ocr | undefined;
  signal?: AbortSignal | undefined;
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ExtractedLayout> {
  try {
    return await readPdf(bytes, options);
  } finally {
    restoreGlobals();
  }
}

async function readPdf(bytes: Uint8Array, options: PdfOptions): Promise<ExtractedLayout> {
  let doc;
  try {
    const { getDocument } = await loadPdfJs();
    doc = await getDocument({
      // pdf.js takes ownership of (detaches) the array it is given: pass a copy.
      data: new Uint8Array(bytes),
      standardFontDataUrl: STANDARD_FONTS,
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const why = /password/i.test(message) ? 'the PDF is encrypted with a password' : `not a readable PDF (${message})`;
    throw new ExtractionFailedError('local-pdf', why, { cause: err });
  }
  try {
    const raw: RawPage[] = [];
    const scans = new Map<number, Awaited<ReturnType<typeof largestImage>>>();
    for (let n = 1; n <= doc.numPages; n++) {
      options.signal?.throwIfAborted();
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const lines = await pageLines(page);
      raw.push({ pageNumber: n, width: x1 - x0, height: y1 - y0, originX: x0, originY: y0, lines });
      if (lines.length === 0) scans.set(n, await largestImage(page));
      page.cleanup();
    }
    const body = bodySize(raw);
    const headingSizes = [
      ...new Set(raw.flatMap((p) => p.lines.filter((l) => isHeading(l, body)).map((l) => Math.round(l.size * 2) / 2))),
    ].sort((a, b) => b - a);
    const levelOf = (l: PdfLine) => (isHeading(l, body) ? Math.min(6, headingSizes.indexOf(Math.round(l.size * 2) / 2) + 1) : 0);

    const b = new LayoutBuilder();
    let ocrUsed = false;
    for (const page of raw) {
      const size = {
        pageNumber: page.pageNumber,
        width: round(page.width / POINTS_PER_INCH),
        height: round(page.height / POINTS_PER_INCH),
        unit: 'inch' as const,
      };
      const scan = scans.get(page.pageNumber);
      if (page.lines.length === 0 && scan) {
        if (!options.ocr)
          throw new ExtractionFailedError('local-pdf', `page ${page.pageNumber} has no text layer and no OCR is configured`);
        ocrUsed = true;
        const paragraphs = await options.ocr.recognize(scan.png);
        const sx = size.width / scan.width;
        const sy = size.height / scan.height;
        b.page(
          size,
          paragraphs.map((p) => ({
            role: null,
            lines: p.lines.map((l) => ({ text: l.text, polygon: box(l.bbox.x0 * sx, l.bbox.y0 * sy, l.bbox.x1 * sx, l.bbox.y1 * sy) })),
          })),
        );
        continue;
      }
      const groups: { lines: LineInput[]; role: ParagraphRole | null; headingLevel?: number }[] = [];
      let prev: PdfLine | null = null;
      for (const line of page.lines) {
        const level = levelOf(line);
        const last = groups[groups.length - 1];
        const sameKind = prev && last && (last.headingLevel ?? 0) === level && Math.abs(prev.size - line.size) <= prev.size * 0.1;
        const close = prev && prev.y - line.y > 0 && prev.y - line.y <= Math.max(prev.size, line.size) * 1.6;
        const polygon = box(
          (line.x0 - page.originX) / POINTS_PER_INCH,
          (page.originY + page.height - (line.y + line.size * 0.85)) / POINTS_PER_INCH,
          (line.x1 - page.originX) / POINTS_PER_INCH,
          (page.originY + page.height - (line.y - line.size * 0.25)) / POINTS_PER_INCH,
        );
        const bullet = level === 0 && BULLET.test(line.text);
        if (last && sameKind && close && !bullet) last.lines.push({ text: line.text, polygon });
        else {
          const role: ParagraphRole | null = bullet ? 'listItem' : level === 0 ? null : level === 1 ? 'title' : 'sectionHeading';
          groups.push({ lines: [{ text: line.text, polygon }], role, ...(level ? { headingLevel: level } : {}) });
        }
        prev = line;
      }
      b.page(size, groups);
    }
    return b.build(ocrUsed ? 'local-pdf+ocr' : 'local-pdf');
  } finally {
    await doc.destroy();
  }
}

function isHeading(line: PdfLine, body: number): boolean {
  return body > 0 && line.size >= body * 1.15 && line.text.length <= 200;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
