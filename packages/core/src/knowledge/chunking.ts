// Adaptive chunking of an extracted layout. Pure: the same layout and options
// always give the same chunks.
//
// The rules:
// - `text === layout.content.slice(start, end)`, always. Chunk ranges never start
//   or end on whitespace, come in order (starts and ends strictly increasing), and
//   together hold every non-whitespace character of `content`. Consecutive chunks
//   of one section may overlap: a chunk then starts up to `overlapTokens` tokens
//   before the previous one ends (at a word start), as the cap allows.
// - A chunk never crosses a heading: it belongs to one section, and `headings` is
//   that section's path (the title / headings above it, outermost first). A section
//   holding nothing but its heading is joined to the subsection that follows it; a
//   chunk of such headings alone carries the path of the last heading it holds.
// - Within a section, blocks are packed whole while they fit: paragraphs, a list
//   (consecutive list items), a table. What does not fit is split: a list between
//   items, a table between rows, a paragraph between sentences, a sentence between
//   words, and a single overlong word between characters.
// - A piece of a table that does not hold the table's header rows carries them in
//   `tableHeader` (their exact text in `content`), so the piece can be embedded and
//   shown with its column names; `embeddingText(chunk)` is the header, a newline,
//   then `text`.
// - `tokens` counts `embeddingText(chunk)` with a real BPE tokenizer and is never
//   over `maxTokens`.
// - `hash` is the SHA-256 (hex) of the headings, table header and text, so a chunk
//   whose embedding input did not change keeps its hash across reprocessing.
import { createHash } from 'node:crypto';
import type { ExtractedLayout } from '../ports/extractor.ts';
import { rangeOf, sectionsOf, WS, type Mode, type Piece } from './sections.ts';
import { createLocator, type CitationBox } from './locator.ts';
import { tokenCounter, type TokenCounter, type TokenEncoding } from './tokens.ts';

export interface ChunkingOptions {
  /** Most tokens in a chunk's embedding text. Default 512. */
  maxTokens?: number;
  /** Tokens a chunk repeats from the end of the previous chunk of its section. Default 64; at most half of maxTokens. */
  overlapTokens?: number;
  /** Default `cl100k_base`. */
  encoding?: TokenEncoding;
}

export interface Chunk {
  /** 0-based position in the document. */
  index: number;
  /** Offsets into the layout's `content` (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Exactly `content.slice(start, end)`. */
  text: string;
  /** Section path, outermost first; empty before the first heading. */
  headings: string[];
  /** For a piece of a table without its header rows: those rows' text; else null. */
  tableHeader: string | null;
  /** 1-based; null where the layout has no pages. */
  pageStart: number | null;
  pageEnd: number | null;
  /** Page polygons of the lines (or paragraphs) the chunk covers, where known. */
  boxes: CitationBox[];
  /** Tokens of `embeddingText(chunk)`. */
  tokens: number;
  /** SHA-256 hex of headings, table header and text. */
  hash: string;
}

export const DEFAULT_MAX_TOKENS = 512;
export const DEFAULT_OVERLAP_TOKENS = 64;

/** What gets embedded for a chunk: its table header (when it has one), then its text. */
export function embeddingText(chunk: Pick<Chunk, 'text' | 'tableHeader'>): string {
  return chunk.tableHeader ? `${chunk.tableHeader}\n${chunk.text}` : chunk.text;
}

interface Span {
  start: number;
  end: number;
  prefix: string | null;
  /** Path of the last piece in the span. */
  path: string[];
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

class Chunker {
  private readonly content: string;

  constructor(
    layout: ExtractedLayout,
    private readonly count: TokenCounter,
    private readonly budget: number,
  ) {
    this.content = layout.content;
  }

  trim(start: number, end: number): [number, number] {
    const c = this.content;
    while (start < end && WS.test(c[start]!)) start++;
    while (end > start && WS.test(c[end - 1]!)) end--;
    return [start, end];
  }

  measure(start: number, end: number, prefix: string | null): number {
    const [s, e] = this.trim(start, end);
    if (s === e) return prefix ? this.count(prefix) : 0;
    const text = this.content.slice(s, e);
    return this.count(prefix ? `${prefix}\n${text}` : text);
  }

  fits(start: number, end: number, prefix: string | null): boolean {
    return this.measure(start, end, prefix) <= this.budget;
  }

  /** Smaller pieces tiling the same range, or null when it cannot be split further. */
  split(p: Piece): Piece[] | null {
    const { content } = this;
    const sub = (bounds: number[], mode: Mode, prefix: string | null = p.prefix): Piece[] =>
      bounds.map((s, i) => ({ start: s, end: i + 1 < bounds.length ? bounds[i + 1]! : p.end, mode, prefix, path: p.path }));
    switch (p.mode) {
      case 'list':
        if (p.items!.length > 1) return sub([p.start, ...p.items!.slice(1)], 'block');
        return this.split({ ...p, mode: 'block' });
      case 'table': {
        const rows = this.tableRows(p);
        if (rows) return rows;
        return this.split({ ...p, mode: 'block' });
      }
      case 'block': {
        const bounds = [p.start];
        for (const seg of sentenceSegmenter.segment(content.slice(p.start, p.end))) {
          const at = p.start + seg.index;
          if (at > p.start) bounds.push(at);
        }
        if (bounds.length > 1) return sub(bounds, 'sentence');
        return this.split({ ...p, mode: 'sentence' });
      }
      case 'sentence': {
        const bounds = [p.start];
        const words = /\S+/g;
        const text = content.slice(p.start, p.end);
        let m: RegExpExecArray | null;
        let first = true;
        while ((m = words.exec(text))) {
          if (!first) bounds.push(p.start + m.index);
          first = false;
        }
        if (bounds.length > 1) return sub(bounds, 'word');
        return this.split({ ...p, mode: 'word' });
      }
      case 'word':
      case 'char': {
        // The longest prefix that fits, never splitting a surrogate pair.
        const [s] = this.trim(p.start, p.end);
        let lo = s + 1;
        let hi = p.end;
        if (hi - p.start < 2) return null;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (this.fits(p.start, mid, p.prefix)) lo = mid;
          else hi = mid - 1;
        }
        let cut = Math.min(lo, p.end - 1);
        const code = content.charCodeAt(cut - 1);
        if (code >= 0xd800 && code <= 0xdbff && cut - 1 > p.start) cut--;
        if (cut <= p.start || cut >= p.end) return null;
        return [
          { start: p.start, end: cut, mode: 'char', prefix: p.prefix, path: p.path },
          { start: cut, end: p.end, mode: 'char', prefix: p.prefix, path: p.path },
        ];
      }
    }
  }

  tableRows(p: Piece): Piece[] | null {
    const table = p.table!;
    const rowStart = new Map<number, number>();
    const headerRows = new Set<number>();
    for (const cell of table.cells) {
      const r = rangeOf(cell.spans);
      if (r && r.start >= p.start && r.start < p.end) {
        rowStart.set(cell.rowIndex, Math.min(rowStart.get(cell.rowIndex) ?? Infinity, r.start));
      }
      if (cell.kind === 'columnHeader') headerRows.add(cell.rowIndex);
    }
    const rows = [...rowStart.entries()].sort((a, b) => a[1] - b[1]);
    if (rows.length < 2) return null;
    // Header rows: the leading rows holding column headers.
    let headerCount = 0;
    while (headerCount < rows.length - 1 && headerRows.has(rows[headerCount]![0])) headerCount++;
    const bounds = rows.map(([, s], i) => (i === 0 ? p.start : s));
    let header: string | null = null;
    if (headerCount > 0) {
      const [hs, he] = this.trim(bounds[0]!, bounds[headerCount]!);
      header = this.content.slice(hs, he) || null;
      if (header && this.count(header) > this.budget / 2) header = null;
    }
    return bounds.map((s, i) => ({
      start: s,
      end: i + 1 < bounds.length ? bounds[i + 1]! : p.end,
      mode: 'block' as const,
      prefix: i < headerCount ? null : header,
      path: p.path,
    }));
  }

  /** Packs one section's pieces into chunk ranges under the budget. */
  pack(pieces: Piece[]): Span[] {
    const out: Span[] = [];
    const queue = [...pieces];
    let cur: (Span & { headingOnly: boolean }) | null = null;
    const flush = () => {
      if (cur) {
        const [s, e] = this.trim(cur.start, cur.end);
        if (s < e) out.push({ start: cur.start, end: cur.end, prefix: cur.prefix, path: cur.path });
      }
      cur = null;
    };
    while (queue.length) {
      const p = queue.shift()!;
      if (cur && this.fits(cur.start, p.end, cur.prefix)) {
        cur.end = p.end;
        cur.path = p.path;
        cur.headingOnly &&= !!p.heading;
        continue;
      }
      const alone = this.fits(p.start, p.end, p.prefix);
      // A heading waiting alone is joined by the start of the paragraph after it, split if need be.
      const keepHeading = cur?.headingOnly && p.mode !== 'table' && p.mode !== 'list';
      if (alone && !keepHeading) {
        flush();
        cur = { start: p.start, end: p.end, prefix: p.prefix, path: p.path, headingOnly: !!p.heading };
        continue;
      }
      const parts = this.split(p);
      if (parts && parts.length > 1) {
        queue.unshift(...parts);
        continue;
      }
      // Cannot be split further (a piece under two characters): it stands alone.
      flush();
      cur = { start: p.start, end: p.end, prefix: p.prefix, path: p.path, headingOnly: false };
    }
    flush();
    return out;
  }
}

/** Word starts in (after, before): positions whose character is not whitespace and follows whitespace. */
function wordStarts(content: string, after: number, before: number): number[] {
  const out: number[] = [];
  for (let i = after + 1; i < before; i++) {
    if (!WS.test(content[i]!) && WS.test(content[i - 1]!)) out.push(i);
  }
  return out;
}

/** Splits a layout into chunks; see the rules at the top of this file. */
export function chunkLayout(layout: ExtractedLayout, options: ChunkingOptions = {}): Chunk[] {
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < 8) throw new RangeError('maxTokens must be an integer ≥ 8');
  const overlap = Math.min(options.overlapTokens ?? DEFAULT_OVERLAP_TOKENS, Math.floor(maxTokens / 2));
  if (overlap < 0) throw new RangeError('overlapTokens must be ≥ 0');
  const count = tokenCounter(options.encoding);
  const { content } = layout;
  const chunker = new Chunker(layout, count, maxTokens - overlap);
  const locator = createLocator(layout);
  const chunks: Chunk[] = [];

  for (const section of sectionsOf(layout)) {
    const spans = chunker.pack(section.pieces);
    let prevCore: { start: number; end: number } | null = null;
    for (const span of spans) {
      let [start, end] = chunker.trim(span.start, span.end);
      const core = { start, end };
      if (prevCore && overlap > 0 && span.prefix === null) {
        const candidates = wordStarts(content, prevCore.start, Math.min(prevCore.end, start));
        // Earliest word start whose tail of the previous chunk is within the overlap, and the whole within the cap.
        let lo = 0;
        let hi = candidates.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (chunker.measure(candidates[mid]!, start, null) <= overlap && chunker.measure(candidates[mid]!, end, null) <= maxTokens)
            hi = mid;
          else lo = mid + 1;
        }
        if (lo < candidates.length) start = candidates[lo]!;
      }
      prevCore = core;
      const text = content.slice(start, end);
      const tableHeader = span.prefix;
      const where = locator.locate(start, end);
      chunks.push({
        index: chunks.length,
        start,
        end,
        text,
        headings: span.path,
        tableHeader,
        pageStart: where.pageStart,
        pageEnd: where.pageEnd,
        boxes: where.boxes,
        tokens: count(embeddingText({ text, tableHeader })),
        hash: createHash('sha256')
          .update(JSON.stringify([span.path, tableHeader, text]))
          .digest('hex'),
      });
    }
  }
  return chunks;
}
