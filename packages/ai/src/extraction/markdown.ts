// Markdown through marked's lexer. `content` is the source itself, so offsets are
// exact: each top-level token starts where the previous one's `raw` ended.
import { Lexer, type Token, type Tokens } from 'marked';
import type { ExtractedLayout, LayoutParagraph, LayoutTable, LayoutTableCell } from './ports.ts';

const LIST_MARKER = /^[^\S\n]*(?:[-*+]|\d{1,9}[.)])(?:[^\S\n]+\[[ xX]\])?[^\S\n]*/;

function trimmed(source: string, offset: number, length: number): { offset: number; length: number } | null {
  const text = source.slice(offset, offset + length);
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  return body ? { offset: offset + lead, length: body.length } : null;
}

export function extractMarkdown(source: string): ExtractedLayout {
  // marked reads line ends as \n; content is the source with CRLF / CR made LF.
  source = source.replace(/\r\n?/g, '\n');
  const tokens = new Lexer({ gfm: true }).lex(source);
  const paragraphs: LayoutParagraph[] = [];
  const tables: LayoutTable[] = [];
  const para = (span: { offset: number; length: number } | null, role: LayoutParagraph['role'], headingLevel?: number) => {
    if (!span) return;
    paragraphs.push({
      content: source.slice(span.offset, span.offset + span.length),
      role,
      ...(headingLevel ? { headingLevel } : {}),
      spans: [span],
      boundingRegions: [],
    });
  };
  const walk = (list: Token[], base: number) => {
    let at = base;
    for (const token of list) {
      // Tokens follow each other in the source; indexOf only guards against a lexer that normalized something.
      const found = source.startsWith(token.raw, at) ? at : source.indexOf(token.raw, at);
      const tokenStart = found < 0 ? at : found;
      at = tokenStart + token.raw.length;
      switch (token.type) {
        case 'heading': {
          const t = token as Tokens.Heading;
          const inner = t.raw.replace(/\n+$/, '');
          // ATX (`## Title ##`) or setext (`Title` over `===`): the title text within raw.
          const atx = /^ {0,3}#{1,6}(?:[^\S\n]+|$)/.exec(inner);
          const s = atx ? atx[0].length : 0;
          const e = atx ? inner.replace(/(?:[^\S\n]+#+)?[^\S\n]*$/, '').length : inner.lastIndexOf('\n');
          const span = e > s ? trimmed(source, tokenStart + s, e - s) : null;
          para(span, t.depth === 1 ? 'title' : 'sectionHeading', t.depth);
          break;
        }
        case 'list': {
          const t = token as Tokens.List;
          let itemAt = tokenStart;
          for (const item of t.items) {
            const itemStart = source.indexOf(item.raw, itemAt);
            const s = itemStart < 0 ? itemAt : itemStart;
            itemAt = s + item.raw.length;
            const marker = LIST_MARKER.exec(item.raw)?.[0].length ?? 0;
            para(trimmed(source, s + marker, item.raw.length - marker), 'listItem');
          }
          break;
        }
        case 'table': {
          tables.push(tableOf(source, token as Tokens.Table, tokenStart));
          break;
        }
        case 'space':
        case 'hr':
        case 'def':
          break;
        default:
          // paragraph, code, blockquote, html, text: the block as written.
          para(trimmed(source, tokenStart, token.raw.length), null);
      }
    }
    return at;
  };
  walk(tokens, 0);
  return { content: source, pages: [], paragraphs, tables, model: 'local-markdown' };
}

/** A GFM table: cell spans found in each source line between its pipes. */
function tableOf(source: string, t: Tokens.Table, start: number): LayoutTable {
  const lines: { text: string; offset: number }[] = [];
  let at = start;
  for (const line of t.raw.replace(/\n+$/, '').split('\n')) {
    lines.push({ text: line, offset: at });
    at += line.length + 1;
  }
  // Line 1 is the delimiter row (| --- | :-: |).
  const rows = [lines[0]!, ...lines.slice(2)];
  const cells: LayoutTableCell[] = [];
  rows.forEach((line, r) => {
    const parts = splitRow(line.text);
    parts.forEach((part, c) => {
      const span = trimmed(source, line.offset + part.offset, part.length);
      cells.push({
        rowIndex: r,
        columnIndex: c,
        rowSpan: 1,
        columnSpan: 1,
        kind: r === 0 ? 'columnHeader' : 'content',
        content: span ? source.slice(span.offset, span.offset + span.length) : '',
        spans: span ? [span] : [],
        boundingRegions: [],
      });
    });
  });
  const end = start + t.raw.replace(/\n+$/, '').length;
  return {
    rowCount: rows.length,
    columnCount: t.header.length,
    cells,
    spans: [{ offset: start, length: end - start }],
    boundingRegions: [],
  };
}

/** Cell ranges of one table line, split on pipes that are not escaped or inside code. */
function splitRow(line: string): { offset: number; length: number }[] {
  const out: { offset: number; length: number }[] = [];
  let s = 0;
  let inCode = false;
  const lead = /^\s*\|/.exec(line);
  if (lead) s = lead[0].length;
  for (let i = s; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '`') inCode = !inCode;
    if (i === line.length || (ch === '|' && !inCode && line[i - 1] !== '\\')) {
      if (i === line.length && line.slice(s).trim() === '') break;
      out.push({ offset: s, length: i - s });
      s = i + 1;
    }
  }
  return out;
}
