// Plain text and CSV, read without any library.
import { LayoutBuilder } from './layout-builder.ts';
import type { ExtractedLayout, LayoutParagraph } from './ports.ts';

/** Decodes UTF-8 (a BOM dropped); UTF-16 with a BOM too. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * Plain text: `content` is the text itself (line ends as they are); each run of
 * non-blank lines is a paragraph, whose span is the run trimmed.
 */
export function extractPlainText(text: string): ExtractedLayout {
  const paragraphs: LayoutParagraph[] = [];
  const block = /\S(?:[^\n]|\n(?![^\S\n]*(?:\r?\n|$)))*/g;
  let m: RegExpExecArray | null;
  while ((m = block.exec(text))) {
    const raw = m[0].replace(/\s+$/, '');
    paragraphs.push({ content: raw, role: null, spans: [{ offset: m.index, length: raw.length }], boundingRegions: [] });
  }
  return { content: text, pages: [], paragraphs, tables: [], model: 'local-text' };
}

/** RFC 4180 records: quoted fields may hold separators, line breaks and doubled quotes. */
export function parseCsv(text: string, separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function detectSeparator(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((s) => [s, first.split(s).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** CSV: one table, its first row the column headers; `content` is the table written row by row. */
export function extractCsv(text: string): ExtractedLayout {
  const rows = parseCsv(text);
  const b = new LayoutBuilder();
  b.table(
    rows.map((r, i) =>
      r.map((cell) => ({ text: cell, kind: i === 0 && rows.length > 1 ? ('columnHeader' as const) : ('content' as const) })),
    ),
  );
  return b.build('local-csv');
}
