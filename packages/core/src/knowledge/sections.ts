// The structure chunking follows: a layout's paragraphs and tables as blocks
// (headings, paragraphs, list items, tables), grouped into sections under their
// heading paths, as pieces that tile the content without gaps.
import type { ExtractedLayout, LayoutParagraph, LayoutTable, TextSpan } from '../ports/extractor.ts';

export type Mode = 'block' | 'list' | 'table' | 'sentence' | 'word' | 'char';

export interface Piece {
  start: number;
  end: number;
  mode: Mode;
  /** The table header this piece carries when a chunk starts with it. */
  prefix: string | null;
  /** Heading path in force at this piece. */
  path: string[];
  /** Start of each list item (mode `list`). */
  items?: number[];
  table?: LayoutTable;
  /** Heading pieces only lead their section. */
  heading?: boolean;
}

interface Block {
  start: number;
  end: number;
  kind: 'heading' | 'paragraph' | 'listItem' | 'table';
  level: number;
  title: string;
  table?: LayoutTable;
}

export interface Section {
  path: string[];
  pieces: Piece[];
  headingOnly: boolean;
}

export const WS = /\s/;

export function rangeOf(spans: TextSpan[]): { start: number; end: number } | null {
  if (spans.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.offset);
    end = Math.max(end, s.offset + s.length);
  }
  return end > start ? { start, end } : null;
}

function tableRange(table: LayoutTable): { start: number; end: number } | null {
  return rangeOf(table.spans) ?? rangeOf(table.cells.flatMap((c) => c.spans));
}

function headingLevel(p: LayoutParagraph): number {
  if (p.headingLevel !== undefined && p.headingLevel >= 1) return p.headingLevel;
  return p.role === 'title' ? 1 : 2;
}

function blocksOf(layout: ExtractedLayout): Block[] {
  const { content } = layout;
  const blocks: Block[] = [];
  const tables: Block[] = [];
  for (const table of layout.tables) {
    const r = tableRange(table);
    if (r) tables.push({ ...r, kind: 'table', level: 0, title: '', table });
  }
  const insideTable = (s: number, e: number) => tables.some((t) => s >= t.start && e <= t.end);
  for (const p of layout.paragraphs) {
    const r = rangeOf(p.spans);
    if (!r || insideTable(r.start, r.end)) continue;
    if (!/\S/.test(content.slice(r.start, r.end))) continue;
    if (p.role === 'title' || p.role === 'sectionHeading') {
      const title = content.slice(r.start, r.end).replace(/\s+/g, ' ').trim();
      blocks.push({ ...r, kind: 'heading', level: headingLevel(p), title });
    } else {
      blocks.push({ ...r, kind: p.role === 'listItem' ? 'listItem' : 'paragraph', level: 0, title: '' });
    }
  }
  blocks.push(...tables);
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping blocks (a malformed layout) keep the first; the later one's text stays inside the earlier unit.
  const kept: Block[] = [];
  for (const b of blocks) {
    const last = kept[kept.length - 1];
    if (last && b.start < last.end) continue;
    kept.push(b);
  }
  return kept;
}

/** Sections with their pieces; piece ranges tile [0, content.length) without gaps. */
export function sectionsOf(layout: ExtractedLayout): Section[] {
  const length = layout.content.length;
  const blocks = blocksOf(layout);
  if (blocks.length === 0) {
    return length ? [{ path: [], pieces: [{ start: 0, end: length, mode: 'block', prefix: null, path: [] }], headingOnly: false }] : [];
  }
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let current: Section | null = null;
  let listPiece: Piece | null = null;
  // A unit runs from the end of the block before it (past whitespace) to the next unit, so
  // what lies between blocks (list markers, `#`, separators) leads the block it precedes.
  const content = layout.content;
  const unitStart = blocks.map((b, i) => {
    if (i === 0) return 0;
    let at = blocks[i - 1]!.end;
    while (at < b.start && WS.test(content[at]!)) at++;
    return at;
  });
  blocks.forEach((b, i) => {
    const start = unitStart[i]!;
    const end = i + 1 < blocks.length ? unitStart[i + 1]! : length;
    if (b.kind !== 'listItem') listPiece = null;
    if (b.kind === 'heading') {
      while (stack.length && stack[stack.length - 1]!.level >= b.level) stack.pop();
      stack.push({ level: b.level, title: b.title });
      const path = stack.map((h) => h.title);
      const piece: Piece = { start, end, mode: 'block', prefix: null, path, heading: true };
      const extendsCurrent = current?.headingOnly && current.path.length < path.length && current.path.every((t, j) => path[j] === t);
      if (current && extendsCurrent) {
        current.path = path;
        current.pieces.push(piece);
      } else {
        current = { path, pieces: [piece], headingOnly: true };
        sections.push(current);
      }
      return;
    }
    if (!current) {
      current = { path: [], pieces: [], headingOnly: false };
      sections.push(current);
    }
    current.headingOnly = false;
    if (b.kind === 'listItem') {
      if (listPiece) {
        listPiece.end = end;
        listPiece.items!.push(start);
      } else {
        listPiece = { start, end, mode: 'list', prefix: null, path: current.path, items: [start] };
        current.pieces.push(listPiece);
      }
      return;
    }
    current.pieces.push(
      b.kind === 'table'
        ? { start, end, mode: 'table', prefix: null, path: current.path, table: b.table! }
        : { start, end, mode: 'block', prefix: null, path: current.path },
    );
  });
  return sections;
}
