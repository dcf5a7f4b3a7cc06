// Builds an ExtractedLayout while writing its `content`, so every span is the
// exact offset of the text it names. Blocks are separated by a blank line; a
// table is written one row per line with ` | ` between cells.
import type {
  BoundingRegion,
  ExtractedLayout,
  LayoutLine,
  LayoutPage,
  LayoutParagraph,
  LayoutTable,
  LayoutTableCell,
  ParagraphRole,
  Point,
  TableCellKind,
  TextSpan,
} from './ports.ts';

export interface CellInput {
  text: string;
  kind?: TableCellKind;
  rowSpan?: number;
  columnSpan?: number;
}

export interface LineInput {
  text: string;
  polygon: Point[];
}

export class LayoutBuilder {
  content = '';
  readonly paragraphs: LayoutParagraph[] = [];
  readonly tables: LayoutTable[] = [];
  readonly pages: LayoutPage[] = [];

  /** Starts a new block: a blank line after whatever came before. */
  private gap(): void {
    if (this.content.length && !this.content.endsWith('\n\n')) this.content += this.content.endsWith('\n') ? '\n' : '\n\n';
  }

  private write(text: string): TextSpan {
    const span = { offset: this.content.length, length: text.length };
    this.content += text;
    return span;
  }

  /** Adds a paragraph (whitespace runs collapsed); empty text adds nothing. */
  paragraph(
    text: string,
    role: ParagraphRole | null = null,
    opts: { headingLevel?: number; regions?: BoundingRegion[] } = {},
  ): LayoutParagraph | null {
    const clean = text
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (!clean) return null;
    this.gap();
    const p: LayoutParagraph = {
      content: clean,
      role,
      ...(opts.headingLevel ? { headingLevel: opts.headingLevel } : {}),
      spans: [this.write(clean)],
      boundingRegions: opts.regions ?? [],
    };
    this.paragraphs.push(p);
    return p;
  }

  /** A heading at `level` (1 = top): level 1 is the title role, others section headings. */
  heading(text: string, level: number): LayoutParagraph | null {
    return this.paragraph(text, level <= 1 ? 'title' : 'sectionHeading', { headingLevel: Math.max(1, level) });
  }

  /** Adds a table; rows may differ in length. Cells' text has whitespace collapsed. */
  table(rows: CellInput[][]): LayoutTable | null {
    const clean = rows.map((r) => r.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() }))).filter((r) => r.some((c) => c.text));
    if (clean.length === 0) return null;
    this.gap();
    const start = this.content.length;
    const cells: LayoutTableCell[] = [];
    let columnCount = 0;
    clean.forEach((row, r) => {
      if (r) this.content += '\n';
      let column = 0;
      row.forEach((cell, c) => {
        if (c) this.content += ' | ';
        const span = this.write(cell.text);
        cells.push({
          rowIndex: r,
          columnIndex: column,
          rowSpan: cell.rowSpan ?? 1,
          columnSpan: cell.columnSpan ?? 1,
          kind: cell.kind ?? 'content',
          content: cell.text,
          spans: cell.text ? [span] : [],
          boundingRegions: [],
        });
        column += cell.columnSpan ?? 1;
      });
      columnCount = Math.max(columnCount, column);
    });
    const table: LayoutTable = {
      rowCount: clean.length,
      columnCount,
      cells,
      spans: [{ offset: start, length: this.content.length - start }],
      boundingRegions: [],
    };
    this.tables.push(table);
    return table;
  }

  /**
   * Adds a page of positioned lines grouped into paragraphs (each an array of
   * lines, with its role); a line's polygon is its box on the page.
   */
  page(
    page: { pageNumber: number; width: number | null; height: number | null; unit: LayoutPage['unit'] },
    paragraphs: { lines: LineInput[]; role: ParagraphRole | null; headingLevel?: number }[],
  ): LayoutPage {
    const lines: LayoutLine[] = [];
    let start: number | null = null;
    for (const para of paragraphs) {
      const kept = para.lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
      if (kept.length === 0) continue;
      this.gap();
      start ??= this.content.length;
      const pStart = this.content.length;
      kept.forEach((line, i) => {
        if (i) this.content += '\n';
        lines.push({ content: line.text, polygon: line.polygon, spans: [this.write(line.text)] });
      });
      this.paragraphs.push({
        content: this.content.slice(pStart),
        role: para.role,
        ...(para.headingLevel ? { headingLevel: para.headingLevel } : {}),
        spans: [{ offset: pStart, length: this.content.length - pStart }],
        boundingRegions: [{ pageNumber: page.pageNumber, polygon: enclosing(kept.map((l) => l.polygon)) }],
      });
    }
    const p: LayoutPage = {
      ...page,
      spans: start === null ? [] : [{ offset: start, length: this.content.length - start }],
      lines,
    };
    this.pages.push(p);
    return p;
  }

  build(model: string): ExtractedLayout {
    return { content: this.content, pages: this.pages, paragraphs: this.paragraphs, tables: this.tables, model };
  }
}

/** The axis-aligned box around some polygons, as four corners clockwise from the top left. */
export function enclosing(polygons: Point[][]): Point[] {
  const pts = polygons.flat();
  if (pts.length === 0) return [];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return box(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
}

export function box(x0: number, y0: number, x1: number, y1: number): Point[] {
  const r = (n: number) => Math.round(n * 10_000) / 10_000;
  return [
    { x: r(x0), y: r(y0) },
    { x: r(x1), y: r(y0) },
    { x: r(x1), y: r(y1) },
    { x: r(x0), y: r(y1) },
  ];
}
