/**
 * Image analysis (`aiVision.analyze`): a caption, tags and the printed or
 * handwritten text lines with their positions. Implemented by Azure AI Vision
 * when configured, else by a local analysis (OCR with tesseract.js), which reads
 * the lines and the size but makes no caption and no tags; there is always one.
 */
export interface VisionModel {
  /** Names the model in use, e.g. `azure-vision:2023-10-01` or `local-ocr-tesseract`. */
  readonly model: string;
  analyze(image: Uint8Array, opts: VisionAnalyzeOptions): Promise<VisionAnalysis>;
}

export type VisionFeature = 'caption' | 'tags' | 'read';

export interface VisionAnalyzeOptions {
  /** What to compute; features not asked for come back empty (null caption, no tags, no lines). */
  features: VisionFeature[];
  /** MIME type of `image` when known (image/png, image/jpeg, image/tiff). */
  contentType?: string;
  signal?: AbortSignal;
}

/** A point in pixels of the image, origin top-left. */
export interface ImagePoint {
  x: number;
  y: number;
}

export interface VisionTag {
  name: string;
  /** 0–1. */
  confidence: number;
}

export interface VisionLine {
  text: string;
  /** Corners clockwise from top-left (usually four), in image pixels. */
  polygon: ImagePoint[];
  /** 0–1, where the analyzer gives one. */
  confidence?: number;
}

export interface VisionAnalysis {
  /** A one-sentence description, or null when not asked for or not available. */
  caption: string | null;
  captionConfidence: number | null;
  tags: VisionTag[];
  /** Text lines in reading order. */
  lines: VisionLine[];
  /** Image size in pixels. */
  width: number;
  height: number;
  /** The model that produced this analysis. */
  model: string;
}
