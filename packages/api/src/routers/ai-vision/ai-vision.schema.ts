import { z } from 'zod';
import { VISION_FEATURES } from '@ap/core/ai/vision';
import { ZId } from '../../schemas.ts';

export const ZVisionFeature = z.enum(VISION_FEATURES).meta({ id: 'VisionFeature' });

export const ZAnalyzeImageInput = z
  .strictObject({
    /** An image document (PNG, JPEG, TIFF) you can VIEW. */
    documentId: ZId.optional(),
    /** An image attached to an action point you can see. */
    attachmentId: ZId.optional(),
    /** What to compute (default: all); features not asked for come back empty. */
    features: z
      .array(ZVisionFeature)
      .min(1, { message: 'must name at least one feature' })
      .max(VISION_FEATURES.length, { message: `must name at most ${VISION_FEATURES.length} features` })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.documentId && v.attachmentId)
      ctx.addIssue({ code: 'custom', path: ['attachmentId'], message: 'give documentId or attachmentId, not both' });
    else if (!v.documentId && !v.attachmentId)
      ctx.addIssue({ code: 'custom', path: ['documentId'], message: 'documentId or attachmentId is required' });
  });

const ZImagePoint = z.object({ x: z.number(), y: z.number() }).meta({ id: 'ImagePoint' });

export const ZImageAnalysis = z
  .object({
    /** A one-sentence description; null when not asked for or not available (the local analysis makes none). */
    caption: z.string().nullable(),
    /** 0–1, with the caption. */
    captionConfidence: z.number().nullable(),
    /** Empty when not asked for or not available (the local analysis makes none). */
    tags: z.array(z.object({ name: z.string(), confidence: z.number() })),
    /** Printed or handwritten lines, in reading order; polygons in image pixels, corners clockwise from the top left. */
    lines: z.array(z.object({ text: z.string(), polygon: z.array(ZImagePoint), confidence: z.number().nullable() })),
    /** Image size in pixels. */
    width: z.number().int(),
    height: z.number().int(),
    format: z.enum(['png', 'jpeg', 'tiff']),
    /** What analyzed it: `azure-vision:2023-10-01`, or `local-ocr-tesseract` (no caption, no tags). */
    model: z.string(),
  })
  .meta({ id: 'ImageAnalysis' });
