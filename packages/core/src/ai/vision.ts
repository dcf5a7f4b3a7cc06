/**
 * `aiVision.analyze`: a caption, tags and the text lines (with their polygons) of an
 * image the caller can see, a document (VIEW) or an attachment (its action point
 * visible), by the configured image analysis (`Deps.vision`: Azure AI Vision, or
 * local OCR that makes no caption and no tags, as its `model` says).
 *
 * Order of checks: access (NOT_FOUND for a stranger), then the stored type (PNG,
 * JPEG, TIFF: the images uploads accept), then the size cap, then the bytes
 * themselves (their magic bytes must be one of those images). The image is read
 * and analyzed outside any transaction; a document's analysis is audited
 * `document.retrieved`.
 */
import { canonicalContentType } from '../documents/upload-policy.ts';
import type { Deps } from '../ports/deps.ts';
import type { VisionAnalysis, VisionFeature } from '../ports/vision-model.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { confirmRead, fieldOf, readStoredFile, unusableInput, viewableAttachment, viewableDocument, type StoredFile } from './sources.ts';

export type VisionServices = ServiceContext & Pick<Deps, 'blobs' | 'vision'>;

export const VISION_FEATURES = ['caption', 'tags', 'read'] as const satisfies readonly VisionFeature[];

/** The largest image analyzed: Azure AI Vision's own limit (20 MB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** The image types analyzed (those uploads accept), by MIME type. */
export const IMAGE_FORMATS = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/tiff': 'tiff' } as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[keyof typeof IMAGE_FORMATS];

export interface AnalyzeImageInput {
  /** Exactly one of documentId and attachmentId. */
  documentId?: string | undefined;
  attachmentId?: string | undefined;
  /** Default: all. */
  features?: VisionFeature[] | undefined;
}

export interface ImageAnalysis extends VisionAnalysis {
  /** The image's format, from its bytes. */
  format: ImageFormat;
}

const formatOf = (contentType: string): ImageFormat | null =>
  IMAGE_FORMATS[(canonicalContentType(contentType) ?? '') as keyof typeof IMAGE_FORMATS] ?? null;

function notAnImage(file: StoredFile, type: string): AppError {
  const other = file.kind === 'document' ? '; documentIntelligence.analyze reads the text of documents' : '';
  const message = `aiVision.analyze reads PNG, JPEG and TIFF images; this ${file.kind} is ${type || 'of an unknown type'}${other}`;
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message, {
    fields: [{ path: fieldOf(file), message: 'is not a PNG, JPEG or TIFF image' }],
  });
}

export async function analyzeImage(
  svc: VisionServices,
  input: AnalyzeImageInput,
  opts: { signal?: AbortSignal } = {},
): Promise<ImageAnalysis> {
  if (!input.documentId === !input.attachmentId) {
    throw new AppError('BAD_REQUEST', 'Give documentId or attachmentId, exactly one', {
      fields: [{ path: input.documentId ? 'attachmentId' : 'documentId', message: 'give documentId or attachmentId, exactly one' }],
    });
  }
  const file = input.documentId ? await viewableDocument(svc, input.documentId) : await viewableAttachment(svc, input.attachmentId!);
  if (!formatOf(file.contentType)) throw notAnImage(file, file.contentType);
  const bytes = await readStoredFile(svc.blobs, file, MAX_IMAGE_BYTES, 'aiVision.analyze');
  const detected = (await (await import('file-type')).fileTypeFromBuffer(bytes).catch(() => undefined))?.mime ?? '';
  const format = formatOf(detected);
  if (!format) throw notAnImage(file, detected ? `stored as ${detected}` : 'not an image');

  const features = input.features?.length ? [...new Set(input.features)] : [...VISION_FEATURES];
  let analysis: VisionAnalysis;
  try {
    analysis = await svc.vision.analyze(bytes, { features, contentType: detected, ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch (err) {
    throw unusableInput(err, file) ?? err;
  }
  await confirmRead(svc, file, { via: 'aiVision.analyze', details: { features, model: analysis.model } });
  return { ...analysis, format };
}
