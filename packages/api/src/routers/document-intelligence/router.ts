import type { z } from 'zod';
import { analyzeLayout, type DocumentLayout } from '@ap/core/ai/layout-analysis';
import { aiProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZAnalyzeLayoutInput, ZDocumentLayout } from './document-intelligence.schema.ts';

const tags = ['document-intelligence'];

const toLayoutOutput = (l: DocumentLayout): z.input<typeof ZDocumentLayout> => ({
  documentId: l.documentId,
  content: l.content,
  pages: l.pages,
  paragraphs: l.paragraphs.map((p) => ({
    content: p.content,
    role: p.role,
    headingLevel: p.headingLevel ?? null,
    spans: p.spans,
    boundingRegions: p.boundingRegions,
  })),
  tables: l.tables,
  model: l.model,
});

async function analyzeHandler({ ctx, input, signal }: AuthedArgs<typeof ZAnalyzeLayoutInput>) {
  return toLayoutOutput(await analyzeLayout(ctx.svc, input, signal ? { signal } : {}));
}

export const documentIntelligenceRouter = router({
  analyze: aiProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/document-intelligence/analyze',
        tags,
        summary:
          'The layout of a document you can VIEW (pages, lines, paragraphs with roles, tables), by Document Intelligence when configured, else the local extractors',
      },
    })
    .input(ZAnalyzeLayoutInput)
    .output(ZDocumentLayout)
    .mutation(analyzeHandler),
});
