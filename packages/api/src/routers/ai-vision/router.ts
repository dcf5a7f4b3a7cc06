import type { z } from 'zod';
import { analyzeImage, type ImageAnalysis } from '@ap/core/ai/vision';
import { aiProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZAnalyzeImageInput, ZImageAnalysis } from './ai-vision.schema.ts';

const tags = ['ai-vision'];

const toImageAnalysisOutput = (a: ImageAnalysis): z.input<typeof ZImageAnalysis> => ({
  caption: a.caption,
  captionConfidence: a.captionConfidence,
  tags: a.tags.map((t) => ({ name: t.name, confidence: t.confidence })),
  lines: a.lines.map((l) => ({ text: l.text, polygon: l.polygon.map((p) => ({ x: p.x, y: p.y })), confidence: l.confidence ?? null })),
  width: a.width,
  height: a.height,
  format: a.format,
  model: a.model,
});

async function analyzeHandler({ ctx, input, signal }: AuthedArgs<typeof ZAnalyzeImageInput>) {
  return toImageAnalysisOutput(await analyzeImage(ctx.svc, input, signal ? { signal } : {}));
}

export const aiVisionRouter = router({
  analyze: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/ai-vision/analyze',
        tags,
        summary:
          'Caption, tags and text lines (with polygons) of an image document or attachment you can see; without Azure AI Vision, local OCR reads the lines only',
      },
    })
    .input(ZAnalyzeImageInput)
    .output(ZImageAnalysis)
    .mutation(analyzeHandler),
});
