// The local image analysis: tesseract.js (English model from npm) reads the lines,
// the header gives the size, and there is no caption and no tags.
// fixtures/scan.{png,jpg,tiff} are one 900 × 260 image of three printed lines.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makePlainPng } from '@ap/testing/sample-documents';
import { TesseractOcr, type Ocr } from '../src/extraction/ocr.ts';
import { LocalVisionModel } from '../src/vision/local-vision.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const LINES = ['Quarterly budget review', 'Invoices are due within 30 days.', 'Contact the finance team.'];

const ocr = new TesseractOcr();
afterAll(() => ocr.close());
const vision = new LocalVisionModel(ocr);

describe('local image analysis', () => {
  it('reads the lines of a PNG with their polygons, says it makes no caption or tags, and names itself', async () => {
    const analysis = await vision.analyze(fixture('scan.png'), { features: ['caption', 'tags', 'read'], contentType: 'image/png' });
    expect(analysis.model).toBe('local-ocr-tesseract');
    expect(vision.model).toBe('local-ocr-tesseract');
    expect([analysis.caption, analysis.captionConfidence, analysis.tags]).toEqual([null, null, []]);
    expect([analysis.width, analysis.height]).toEqual([900, 260]);
    expect(analysis.lines.map((l) => l.text)).toEqual(LINES);
    // Text is drawn from x = 30 with baselines at y = 70, 140, 210 (34 px type).
    analysis.lines.forEach((line, i) => {
      expect(line.polygon).toHaveLength(4);
      const [tl, tr, br, bl] = line.polygon;
      expect(tl!.x).toBeGreaterThan(20);
      expect(tl!.x).toBeLessThan(45);
      expect(tl!.y).toBeGreaterThan(70 * (i + 1) - 40);
      expect(br!.y).toBeLessThan(70 * (i + 1) + 15);
      // Clockwise from the top left.
      expect([tr!.y, tr!.x > tl!.x, bl!.x, bl!.y]).toEqual([tl!.y, true, tl!.x, br!.y]);
      expect(line.confidence).toBeGreaterThan(0.5);
      expect(line.confidence).toBeLessThanOrEqual(1);
    });
  });

  it('reads JPEG and TIFF too', async () => {
    for (const name of ['scan.jpg', 'scan.tiff']) {
      const analysis = await vision.analyze(fixture(name), { features: ['read'] });
      expect(analysis.lines.map((l) => l.text)).toEqual(LINES);
      expect([analysis.width, analysis.height]).toEqual([900, 260]);
    }
  });

  it('runs no OCR when the lines are not asked for', async () => {
    let calls = 0;
    const counting: Ocr = {
      recognize: async (image) => {
        calls++;
        return ocr.recognize(image);
      },
      close: async () => {},
    };
    const analysis = await new LocalVisionModel(counting).analyze(fixture('scan.png'), { features: ['caption', 'tags'] });
    expect(calls).toBe(0);
    expect(analysis).toEqual({
      caption: null,
      captionConfidence: null,
      tags: [],
      lines: [],
      width: 900,
      height: 260,
      model: 'local-ocr-tesseract',
    });
  });

  it('a blank image has no lines; what is not an image, or cannot be read, says why', async () => {
    const blank = await vision.analyze(makePlainPng(120, 60), { features: ['read'] });
    expect([blank.lines, blank.width, blank.height]).toEqual([[], 120, 60]);
    await expect(vision.analyze(new TextEncoder().encode('%PDF-1.7 not an image'), { features: ['read'] })).rejects.toMatchObject({
      name: 'UnsupportedFormatError',
    });
    await expect(vision.analyze(fixture('scan.png').subarray(0, 12), { features: ['read'] })).rejects.toMatchObject({
      name: 'ExtractionFailedError',
      message: expect.stringMatching(/local-ocr-tesseract/),
    });
  });
});
