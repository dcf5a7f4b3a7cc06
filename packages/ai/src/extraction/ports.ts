// The Extractor port and its layout shape (types only: no runtime import of core).
export type {
  BoundingRegion,
  ExtractedLayout,
  ExtractOptions,
  Extractor,
  LayoutLine,
  LayoutModel,
  LayoutPage,
  LayoutParagraph,
  LayoutTable,
  LayoutTableCell,
  ParagraphRole,
  Point,
  TableCellKind,
  TextSpan,
} from '@ap/core/ports/extractor';
