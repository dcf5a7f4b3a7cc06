/**
 * Text and layout extraction from a stored file, in the shape of
 * `documentIntelligence.analyze` whichever extractor produced it (Azure
 * Document Intelligence when configured, else local extractors per format).
 *
 * Every `span` points into `content`: `content.slice(offset, offset + length)`
 * is exactly the text it covers (offsets in UTF-16 code units, as JavaScript
 * strings index). Chunks and citations keep these offsets.
 */
export interface Extractor {
  extract(bytes: Uint8Array, contentType: string, fileName: string, opts?: ExtractOptions): Promise<ExtractedLayout>;
}

/** `prebuilt-layout`: paragraphs with roles and tables; `prebuilt-read`: text and lines only. */
export type LayoutModel = 'prebuilt-layout' | 'prebuilt-read';

export interface ExtractOptions {
  /** Default `prebuilt-layout`. */
  model?: LayoutModel;
  signal?: AbortSignal;
}

export interface TextSpan {
  offset: number;
  length: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where something sits on a page; the polygon is in the page's `unit`. */
export interface BoundingRegion {
  /** 1-based. */
  pageNumber: number;
  polygon: Point[];
}

export interface LayoutPage {
  /** 1-based. */
  pageNumber: number;
  /** Page size in `unit`; null where the extractor does not know it. */
  width: number | null;
  height: number | null;
  /** `inch` for PDFs, `pixel` for images, null when no geometry is known. */
  unit: 'inch' | 'pixel' | null;
  /** Text of this page within `content`. */
  spans: TextSpan[];
  lines: LayoutLine[];
}

export interface LayoutLine {
  content: string;
  /** Empty where positions are unknown. */
  polygon: Point[];
  spans: TextSpan[];
}

/**
 * Document Intelligence's paragraph roles, plus `listItem` where the format marks
 * lists (Markdown, HTML, DOCX); null for body text.
 */
export type ParagraphRole =
  | 'title'
  | 'sectionHeading'
  | 'pageHeader'
  | 'pageFooter'
  | 'pageNumber'
  | 'footnote'
  | 'formulaBlock'
  | 'listItem';

export interface LayoutParagraph {
  content: string;
  role: ParagraphRole | null;
  /**
   * For headings where the format says (Markdown, HTML, DOCX, PDF font sizes): 1 for
   * a title or top-level heading. Without it a `title` counts as level 1 and a
   * `sectionHeading` as level 2.
   */
  headingLevel?: number;
  spans: TextSpan[];
  /** Empty where positions are unknown. */
  boundingRegions: BoundingRegion[];
}

export type TableCellKind = 'content' | 'columnHeader' | 'rowHeader' | 'stubHead' | 'description';

export interface LayoutTableCell {
  /** 0-based. */
  rowIndex: number;
  columnIndex: number;
  rowSpan: number;
  columnSpan: number;
  kind: TableCellKind;
  content: string;
  spans: TextSpan[];
  boundingRegions: BoundingRegion[];
}

export interface LayoutTable {
  rowCount: number;
  columnCount: number;
  cells: LayoutTableCell[];
  spans: TextSpan[];
  boundingRegions: BoundingRegion[];
}

export interface ExtractedLayout {
  /** The full extracted text; every span indexes it. */
  content: string;
  /** Empty for formats without pages (plain text, Markdown, HTML, DOCX). */
  pages: LayoutPage[];
  /** In reading order. */
  paragraphs: LayoutParagraph[];
  tables: LayoutTable[];
  /** The extractor that produced this layout, e.g. `azure-document-intelligence:prebuilt-layout` or `local-pdf`. */
  model: string;
}
