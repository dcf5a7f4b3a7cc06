import { z } from 'zod';
import { LAYOUT_MODELS } from '@ap/core/ai/layout-analysis';
import { ZId } from '../../schemas.ts';

export const ZLayoutModel = z.enum(LAYOUT_MODELS).meta({ id: 'LayoutModel' });

export const ZAnalyzeLayoutInput = z.strictObject({
  /** A document you can VIEW. */
  documentId: ZId,
  /** `prebuilt-layout` (default): paragraphs with roles, and tables; `prebuilt-read`: text and lines only. */
  model: ZLayoutModel.optional(),
});

export const PARAGRAPH_ROLES = [
  'title',
  'sectionHeading',
  'pageHeader',
  'pageFooter',
  'pageNumber',
  'footnote',
  'formulaBlock',
  'listItem',
] as const;
export const TABLE_CELL_KINDS = ['content', 'columnHeader', 'rowHeader', 'stubHead', 'description'] as const;

/** `content.slice(offset, offset + length)` is exactly the text covered (UTF-16 code units). */
const ZTextSpan = z.object({ offset: z.number().int(), length: z.number().int() }).meta({ id: 'TextSpan' });
const ZPoint = z.object({ x: z.number(), y: z.number() }).meta({ id: 'LayoutPoint' });
const ZBoundingRegion = z
  .object({
    /** 1-based. */
    pageNumber: z.number().int(),
    /** In the page's `unit`; empty where positions are unknown. */
    polygon: z.array(ZPoint),
  })
  .meta({ id: 'BoundingRegion' });

const ZLayoutPage = z
  .object({
    pageNumber: z.number().int(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    /** `inch` for PDFs, `pixel` for images, null when no geometry is known. */
    unit: z.enum(['inch', 'pixel']).nullable(),
    spans: z.array(ZTextSpan),
    lines: z.array(z.object({ content: z.string(), polygon: z.array(ZPoint), spans: z.array(ZTextSpan) })),
  })
  .meta({ id: 'LayoutPage' });

const ZLayoutParagraph = z
  .object({
    content: z.string(),
    /** Document Intelligence's roles (plus `listItem` where the format marks lists); null for body text and with `prebuilt-read`. */
    role: z.enum(PARAGRAPH_ROLES).nullable(),
    /** For headings, where the format says: 1 for a title or top-level heading. */
    headingLevel: z.number().int().nullable(),
    spans: z.array(ZTextSpan),
    boundingRegions: z.array(ZBoundingRegion),
  })
  .meta({ id: 'LayoutParagraph' });

const ZLayoutTable = z
  .object({
    rowCount: z.number().int(),
    columnCount: z.number().int(),
    cells: z.array(
      z.object({
        rowIndex: z.number().int(),
        columnIndex: z.number().int(),
        rowSpan: z.number().int(),
        columnSpan: z.number().int(),
        kind: z.enum(TABLE_CELL_KINDS),
        content: z.string(),
        spans: z.array(ZTextSpan),
        boundingRegions: z.array(ZBoundingRegion),
      }),
    ),
    spans: z.array(ZTextSpan),
    boundingRegions: z.array(ZBoundingRegion),
  })
  .meta({ id: 'LayoutTable' });

export const ZDocumentLayout = z
  .object({
    documentId: z.string(),
    /** The extracted text; every span indexes it. */
    content: z.string(),
    /** Empty for formats without pages (plain text, Markdown, HTML, DOCX). */
    pages: z.array(ZLayoutPage),
    /** In reading order. */
    paragraphs: z.array(ZLayoutParagraph),
    /** Empty with `prebuilt-read`. */
    tables: z.array(ZLayoutTable),
    /** What extracted it, e.g. `azure-document-intelligence:prebuilt-layout`, or a local extractor such as `local-pdf`. */
    model: z.string(),
  })
  .meta({ id: 'DocumentLayout' });
