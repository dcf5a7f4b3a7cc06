// Image analysis without a hosted service: the text lines through local OCR
// (tesseract.js with its English model from npm, the same worker that extraction
// uses), the size from the image's header. No caption and no tags: nothing local
// makes them, and `model` says so.
import { ExtractionFailedError, UnsupportedFormatError } from '../extraction/errors.ts';
import { imageFormat, imageSize } from '../extraction/image.ts';
import { box } from '../extraction/layout-builder.ts';
import type { Ocr } from '../extraction/ocr.ts';
import type { VisionAnalysis, VisionAnalyzeOptions, VisionModel } from '../types.ts';

export const LOCAL_VISION_MODEL = 'local-ocr-tesseract';

export class LocalVisionModel implements VisionModel {
  readonly model = LOCAL_VISION_MODEL;

  constructor(private readonly ocr: Ocr) {}

  async analyze(image: Uint8Array, opts: VisionAnalyzeOptions): Promise<VisionAnalysis> {
    opts.signal?.throwIfAborted();
    if (!imageFormat(image)) {
      throw new UnsupportedFormatError(opts.contentType ?? '', '', 'local image analysis reads PNG, JPEG and TIFF images');
    }
    const size = imageSize(image);
    if (!size) throw new ExtractionFailedError(LOCAL_VISION_MODEL, 'the image header could not be read');
    const lines = opts.features.includes('read')
      ? (await this.ocr.recognize(image)).flatMap((p) =>
          p.lines.map((l) => ({
            text: l.text,
            // Tesseract gives boxes: their corners, clockwise from the top left.
            polygon: box(l.bbox.x0, l.bbox.y0, l.bbox.x1, l.bbox.y1),
            confidence: Math.min(1, Math.max(0, l.confidence / 100)),
          })),
        )
      : [];
    opts.signal?.throwIfAborted();
    return { caption: null, captionConfidence: null, tags: [], lines, width: size.width, height: size.height, model: LOCAL_VISION_MODEL };
  }
}
