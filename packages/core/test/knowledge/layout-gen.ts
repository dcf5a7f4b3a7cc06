// Generated documents for the chunking properties: a random tree of headings with
// paragraphs, lists and tables, laid out the way the local extractors lay text out
// (blocks separated by blank lines, list markers and cell separators outside the
// spans), with the heading path every block sits under.
import fc from 'fast-check';
import type { ExtractedLayout, LayoutParagraph, LayoutTable, ParagraphRole } from '../../src/ports/extractor.ts';

export type GenBlock =
  | { type: 'heading'; level: number }
  | { type: 'para'; sentences: string[] }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: boolean; rows: string[][] };

const word = fc.constantFrom(
  'alpha',
  'beta',
  'gamma',
  'delta',
  'budget',
  'review',
  'the',
  'of',
  'Q3',
  'déjà',
  '42',
  'naïve',
  'rocket',
  'x',
);
const longWord = fc.integer({ min: 80, max: 400 }).map((n) => 'z'.repeat(n));
const sentence = fc
  .tuple(
    fc.array(fc.oneof({ weight: 30, arbitrary: word }, { weight: 1, arbitrary: longWord }), { minLength: 1, maxLength: 60 }),
    fc.constantFrom('.', '!', '?'),
  )
  .map(([ws, end]) => {
    const s = ws.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + end;
  });
const block: fc.Arbitrary<GenBlock> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map((level) => ({ type: 'heading' as const, level })) },
  { weight: 4, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 12 }).map((sentences) => ({ type: 'para' as const, sentences })) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 8 }).map((items) => ({ type: 'list' as const, items })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 })).chain(([header, cols, rows]) =>
      fc
        .array(
          fc.array(
            fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
            { minLength: cols, maxLength: cols },
          ),
          { minLength: rows, maxLength: rows },
        )
        .map((cells) => ({ type: 'table' as const, header, rows: cells })),
    ),
  },
);

export const documentArb = fc.array(block, { minLength: 0, maxLength: 25 });

export interface BuiltBlock {
  start: number;
  end: number;
  path: string[];
  kind: GenBlock['type'];
}

export interface Built {
  layout: ExtractedLayout;
  blocks: BuiltBlock[];
}

/** Lays a generated document out; heading i is titled `Heading i …` so titles are unique. */
export function buildLayout(doc: GenBlock[], preamble = ''): Built {
  let content = preamble;
  const paragraphs: LayoutParagraph[] = [];
  const tables: LayoutTable[] = [];
  const blocks: BuiltBlock[] = [];
  const stack: { level: number; title: string }[] = [];
  let headingNo = 0;
  const sep = () => {
    if (content.length) content += '\n\n';
  };
  const para = (text: string, role: ParagraphRole | null, headingLevel?: number) => {
    const offset = content.length;
    content += text;
    paragraphs.push({
      content: text,
      role,
      ...(headingLevel ? { headingLevel } : {}),
      spans: [{ offset, length: text.length }],
      boundingRegions: [],
    });
    return offset;
  };
  for (const b of doc) {
    sep();
    if (b.type === 'heading') {
      const title = `Heading ${++headingNo} level ${b.level}`;
      content += `${'#'.repeat(b.level)} `;
      while (stack.length && stack[stack.length - 1]!.level >= b.level) stack.pop();
      stack.push({ level: b.level, title });
      const start = para(title, b.level === 1 ? 'title' : 'sectionHeading', b.level);
      blocks.push({ start, end: content.length, path: stack.map((h) => h.title), kind: 'heading' });
    } else if (b.type === 'para') {
      const start = para(b.sentences.join(' '), null);
      blocks.push({ start, end: content.length, path: stack.map((h) => h.title), kind: 'para' });
    } else if (b.type === 'list') {
      const start = content.length;
      b.items.forEach((item, i) => {
        if (i) content += '\n';
        content += '- ';
        para(item, 'listItem');
      });
      blocks.push({ start, end: content.length, path: stack.map((h) => h.title), kind: 'list' });
    } else {
      const start = content.length;
      const cells: LayoutTable['cells'] = [];
      b.rows.forEach((row, r) => {
        if (r) content += '\n';
        row.forEach((cell, c) => {
          if (c) content += ' | ';
          cells.push({
            rowIndex: r,
            columnIndex: c,
            rowSpan: 1,
            columnSpan: 1,
            kind: b.header && r === 0 ? 'columnHeader' : 'content',
            content: cell,
            spans: [{ offset: content.length, length: cell.length }],
            boundingRegions: [],
          });
          content += cell;
        });
      });
      tables.push({
        rowCount: b.rows.length,
        columnCount: b.rows[0]!.length,
        cells,
        spans: [{ offset: start, length: content.length - start }],
        boundingRegions: [],
      });
      blocks.push({ start, end: content.length, path: stack.map((h) => h.title), kind: 'table' });
    }
  }
  return { layout: { content, pages: [], paragraphs, tables, model: 'generated' }, blocks };
}
