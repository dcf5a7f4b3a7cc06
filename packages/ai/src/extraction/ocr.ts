// Local OCR with tesseract.js and the English model shipped in npm
// (@tesseract.js-data/eng, 4.0.0_best_int): nothing is downloaded at run time.
// One worker, started on first use and kept until close().
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker } from 'tesseract.js';
import { ExtractionFailedError } from './errors.ts';

export interface OcrLine {
  text: string;
  /** Pixels, from the image's top left. */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  confidence: number;
}

export interface OcrParagraph {
  lines: OcrLine[];
}

export interface Ocr {
  recognize(image: Uint8Array): Promise<OcrParagraph[]>;
  close(): Promise<void>;
}

function englishDataPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export class TesseractOcr implements Ocr {
  private worker: Promise<Worker> | null = null;

  private start(): Promise<Worker> {
    this.worker ??= import('tesseract.js')
      .then(({ createWorker, OEM }) =>
        createWorker('eng', OEM.LSTM_ONLY, {
          langPath: englishDataPath(),
          gzip: true,
          cacheMethod: 'none',
          errorHandler: () => {},
        }),
      )
      .catch((err: unknown) => {
        this.worker = null;
        throw new ExtractionFailedError('local-ocr', `OCR is not available here (${err instanceof Error ? err.message : String(err)})`, {
          cause: err,
        });
      });
    return this.worker;
  }

  async recognize(image: Uint8Array): Promise<OcrParagraph[]> {
    const worker = await this.start();
    let data;
    try {
      ({ data } = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false }));
    } catch (err) {
      throw new ExtractionFailedError('local-ocr', `the image could not be read (${err instanceof Error ? err.message : String(err)})`, {
        cause: err,
      });
    }
    const out: OcrParagraph[] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        const lines = paragraph.lines
          .map((l) => ({ text: l.text.replace(/\s+/g, ' ').trim(), bbox: l.bbox, confidence: l.confidence }))
          .filter((l) => l.text);
        if (lines.length) out.push({ lines });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }
}
