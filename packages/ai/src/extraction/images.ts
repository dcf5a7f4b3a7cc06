// Images (PNG, JPEG, TIFF) through local OCR: one page in pixels, one paragraph
// per paragraph tesseract finds, lines with their boxes.
import { ExtractionFailedError } from './errors.ts';
import { imageSize } from './image.ts';
import { box, LayoutBuilder } from './layout-builder.ts';
import type { Ocr } from './ocr.ts';
import type { ExtractedLayout } from './ports.ts';

export async function extractImage(bytes: Uint8Array, ocr: Ocr): Promise<ExtractedLayout> {
  const size = imageSize(bytes);
  if (!size) throw new ExtractionFailedError('local-ocr', 'the image header could not be read');
  const paragraphs = await ocr.recognize(bytes);
  const b = new LayoutBuilder();
  b.page(
    { pageNumber: 1, width: size.width, height: size.height, unit: 'pixel' },
    paragraphs.map((p) => ({
      role: null,
      lines: p.lines.map((l) => ({ text: l.text, polygon: box(l.bbox.x0, l.bbox.y0, l.bbox.x1, l.bbox.y1) })),
    })),
  );
  return b.build('local-ocr');
}
