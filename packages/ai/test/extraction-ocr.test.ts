// Local OCR on this machine: tesseract.js with the English model from npm.
// fixtures/scan.{png,jpg,tiff} are one 900 × 260 image of three printed lines.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makePdf, makeScannedPdf } from '@ap/testing/sample-documents';
import { chunkLayout } from '@ap/core/knowledge/chunking';
import { encodePng, imageSize } from '../src/extraction/image.ts';
import { LocalExtractor } from '../src/extraction/local.ts';
import { TesseractOcr } from '../src/extraction/ocr.ts';
import { expectExactSpans } from './layout-assertions.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const LINES = ['Quarterly budget review', 'Invoices are due within 30 days.', 'Contact the finance team.'];

const ocr = new TesseractOcr();
const extractor = new LocalExtractor({ ocr });
afterAll(() => extractor.close());

describe('images through local OCR', () => {
  it('reads the lines of a PNG with their pixel boxes', async () => {
    const layout = await extractor.extract(fixture('scan.png'), 'image/png', 'scan.png');
    expect(layout.model).toBe('local-ocr');
    expectExactSpans(layout);
    expect(layout.pages).toHaveLength(1);
    const page = layout.pages[0]!;
    expect([page.width, page.height, page.unit]).toEqual([900, 260, 'pixel']);
    expect(page.lines.map((l) => l.content)).toEqual(LINES);
    // Text is drawn from x = 30 with baselines at y = 70, 140, 210 (34 px type).
    page.lines.forEach((line, i) => {
      const [tl, , br] = line.polygon;
      expect(tl!.x).toBeGreaterThan(20);
      expect(tl!.x).toBeLessThan(45);
      expect(tl!.y).toBeGreaterThan(70 * (i + 1) - 40);
      expect(br!.y).toBeLessThan(70 * (i + 1) + 15);
      expect(br!.x).toBeLessThan(700);
    });
    const [chunk] = chunkLayout(layout);
    expect(chunk!.pageStart).toBe(1);
    expect(chunk!.boxes).toHaveLength(3);
  });

  it('reads JPEG and TIFF too', async () => {
    for (const [name, type] of [
      ['scan.jpg', 'image/jpeg'],
      ['scan.tiff', 'image/tiff'],
    ] as const) {
      const layout = await extractor.extract(fixture(name), type, name);
      expect(layout.content).toBe(LINES.join('\n'));
      expect(imageSize(fixture(name))).toEqual({ width: 900, height: 260 });
    }
  });

  it('OCRs a PDF page that has no text layer, with polygons in inches on that page', async () => {
    const pdf = await makePdf([{ lines: [{ text: 'Cover page with real text' }] }], {
      png: fixture('scan.png'),
      width: 648,
      height: 187.2,
    });
    const layout = await extractor.extract(pdf, 'application/pdf', 'mixed.pdf');
    expect(layout.model).toBe('local-pdf+ocr');
    expectExactSpans(layout);
    expect(layout.pages[0]!.lines.map((l) => l.content)).toEqual(['Cover page with real text']);
    const scanned = layout.pages[1]!;
    expect([scanned.width, scanned.height, scanned.unit]).toEqual([9, 2.6, 'inch']);
    expect(scanned.lines.map((l) => l.content)).toEqual(LINES);
    // 900 px across 9 in: the first line starts about 0.3 in from the left.
    expect(scanned.lines[0]!.polygon[0]!.x).toBeGreaterThan(0.2);
    expect(scanned.lines[0]!.polygon[0]!.x).toBeLessThan(0.45);
    const only = await extractor.extract(await makeScannedPdf(fixture('scan.png')), 'application/pdf', 'scan.pdf');
    expect(only.content).toBe(LINES.join('\n'));
  });

  it('reads an image it encoded itself, and says why when the image cannot be read', async () => {
    // A blank white image: nothing to read, no paragraphs.
    const blank = encodePng(200, 80, 1, new Uint8Array(200 * 80).fill(255));
    const layout = await extractor.extract(blank, 'image/png', 'blank.png');
    expect(layout.content).toBe('');
    expect(layout.paragraphs).toEqual([]);
    const truncated = fixture('scan.png').subarray(0, 12);
    await expect(extractor.extract(truncated, 'image/png', 'cut.png')).rejects.toThrow(/local-ocr/);
  });
});
