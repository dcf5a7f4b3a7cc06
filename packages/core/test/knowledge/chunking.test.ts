import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkLayout, embeddingText, type Chunk } from '../../src/knowledge/chunking.ts';
import { countTokens } from '../../src/knowledge/tokens.ts';
import type { ExtractedLayout } from '../../src/ports/extractor.ts';
import { buildLayout, documentArb, type Built } from './layout-gen.ts';

const options = fc.record({
  maxTokens: fc.integer({ min: 24, max: 300 }),
  overlapTokens: fc.integer({ min: 0, max: 40 }),
});

function checkOverlap(built: Built, chunks: Chunk[], overlapTokens: number) {
  const { content } = built.layout;
  for (let i = 1; i < chunks.length; i++) {
    const [prev, c] = [chunks[i - 1]!, chunks[i]!];
    if (c.start >= prev.end) continue;
    // Overlap only within a section, never on a table piece, at most overlapTokens, starting at a word.
    expect(c.headings.slice(0, prev.headings.length)).toEqual(prev.headings);
    expect(c.tableHeader).toBeNull();
    expect(countTokens(content.slice(c.start, prev.end).trim())).toBeLessThanOrEqual(overlapTokens);
    expect(/\s/.test(content[c.start - 1]!)).toBe(true);
  }
}

function checkInvariants(built: Built, chunks: Chunk[], maxTokens: number) {
  const { content } = built.layout;
  const covered = new Uint8Array(content.length);
  chunks.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(c.text).toBe(content.slice(c.start, c.end));
    expect(c.end).toBeGreaterThan(c.start);
    expect(/^\s|\s$/.test(c.text)).toBe(false);
    if (i > 0) {
      expect(c.start).toBeGreaterThan(chunks[i - 1]!.start);
      expect(c.end).toBeGreaterThan(chunks[i - 1]!.end);
    }
    expect(c.tokens).toBe(countTokens(embeddingText(c)));
    expect(c.tokens).toBeLessThanOrEqual(maxTokens);
    covered.fill(1, c.start, c.end);
  });
  for (let i = 0; i < content.length; i++) {
    if (!covered[i] && /\S/.test(content[i]!)) throw new Error(`character ${i} (${JSON.stringify(content[i])}) is in no chunk`);
  }
}

function checkHeadings(built: Built, chunks: Chunk[]) {
  for (const c of chunks) {
    const touching = built.blocks.filter((b) => b.start < c.end && b.end > c.start);
    for (const b of touching) expect(c.headings.slice(0, b.path.length)).toEqual(b.path);
    const last = built.blocks.filter((b) => b.start < c.end).pop();
    expect(c.headings).toEqual(last ? last.path : []);
  }
}

describe('chunkLayout properties', () => {
  it('chunks are in order, exact slices, cover every non-whitespace character, stay under the cap and overlap only within a section', () => {
    fc.assert(
      fc.property(documentArb, options, fc.constantFrom('', 'preamble text\n\n', '   '), (doc, opts, preamble) => {
        const built = buildLayout(doc, preamble);
        const chunks = chunkLayout(built.layout, opts);
        checkInvariants(built, chunks, opts.maxTokens);
        checkOverlap(built, chunks, Math.min(opts.overlapTokens, Math.floor(opts.maxTokens / 2)));
      }),
      { numRuns: 120 },
    );
  });

  it('every chunk carries the heading path of the section it lies in', () => {
    fc.assert(
      fc.property(documentArb, options, (doc, opts) => {
        const built = buildLayout(doc);
        checkHeadings(built, chunkLayout(built.layout, opts));
      }),
      { numRuns: 120 },
    );
  });

  it('keeps a list or a table whole when it fits, and repeats the header rows on the pieces of a split table', () => {
    fc.assert(
      fc.property(documentArb, options, (doc, opts) => {
        const built = buildLayout(doc);
        const { content } = built.layout;
        const chunks = chunkLayout(built.layout, opts);
        const budget = opts.maxTokens - Math.min(opts.overlapTokens, Math.floor(opts.maxTokens / 2));
        // Adjacent lists are one list to the chunker (list items carry no list identity).
        const blocks: { kind: string; start: number; end: number }[] = [];
        for (const b of built.blocks) {
          const last = blocks.at(-1);
          if (b.kind === 'list' && last?.kind === 'list') last.end = b.end;
          else blocks.push({ kind: b.kind, start: b.start, end: b.end });
        }
        for (const b of blocks) {
          if (b.kind !== 'list' && b.kind !== 'table') continue;
          // The block with the markers before it, as the chunker measures it.
          let s = b.start;
          while (s > 0 && content[s - 1] !== '\n') s--;
          if (countTokens(content.slice(s, b.end)) <= budget) {
            expect(chunks.some((c) => c.start <= s && c.end >= b.end)).toBe(true);
          }
        }
        for (const table of built.layout.tables) {
          const start = table.spans[0]!.offset;
          const end = start + table.spans[0]!.length;
          const header = table.cells.some((c) => c.kind === 'columnHeader');
          const headerEnd = Math.max(...table.cells.filter((c) => c.rowIndex === 0).map((c) => c.spans[0]!.offset + c.spans[0]!.length));
          for (const c of chunks.filter((c) => c.tableHeader !== null)) {
            if (c.start < start || c.start >= end) continue;
            expect(header).toBe(true);
            expect(c.tableHeader).toBe(content.slice(start, headerEnd));
            expect(c.start).toBeGreaterThan(headerEnd);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

const md = (parts: string[]) => {
  // Builds a layout by hand: `# ` lines are headings, `- ` lines list items, others paragraphs.
  let content = '';
  const paragraphs: ExtractedLayout['paragraphs'] = [];
  for (const part of parts) {
    if (content) content += '\n\n';
    const m = /^(#+) (.*)$/.exec(part);
    const li = /^- (.*)$/.exec(part);
    const text = m ? m[2]! : li ? li[1]! : part;
    content += part.slice(0, part.length - text.length);
    paragraphs.push({
      content: text,
      role: m ? (m[1]!.length === 1 ? 'title' : 'sectionHeading') : li ? 'listItem' : null,
      ...(m ? { headingLevel: m[1]!.length } : {}),
      spans: [{ offset: content.length, length: text.length }],
      boundingRegions: [],
    });
    content += text;
  }
  return { content, pages: [], paragraphs, tables: [], model: 'test' } satisfies ExtractedLayout;
};

describe('chunkLayout examples', () => {
  it('gives one chunk per section with its heading path, and joins a bare heading to its first subsection', () => {
    const layout = md([
      '# Handbook',
      '## Leave',
      'Staff get 25 days of leave.',
      '## Expenses',
      '### Travel',
      'Book trains in advance.',
      '- Receipts within 30 days',
      '- Approval by the lead',
    ]);
    const chunks = chunkLayout(layout, { maxTokens: 200, overlapTokens: 0 });
    expect(chunks.map((c) => [c.headings, c.text])).toEqual([
      [['Handbook', 'Leave'], '# Handbook\n\n## Leave\n\nStaff get 25 days of leave.'],
      [
        ['Handbook', 'Expenses', 'Travel'],
        '## Expenses\n\n### Travel\n\nBook trains in advance.\n\n- Receipts within 30 days\n\n- Approval by the lead',
      ],
    ]);
    expect(chunks.every((c) => c.pageStart === null && c.pageEnd === null && c.boxes.length === 0)).toBe(true);
    expect(chunks[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chunks[0]!.hash).not.toBe(chunks[1]!.hash);
  });

  it('splits a long paragraph at sentence ends, and overlaps the pieces', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about the quarterly budget review.`);
    const layout = md(['# Report', sentences.join(' ')]);
    const chunks = chunkLayout(layout, { maxTokens: 60, overlapTokens: 12 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const [i, c] of chunks.entries()) {
      expect(c.text.endsWith('.')).toBe(true);
      expect(c.tokens).toBeLessThanOrEqual(60);
      if (i > 0) {
        const prev = chunks[i - 1]!;
        expect(c.start).toBeLessThan(prev.end);
        expect(countTokens(layout.content.slice(c.start, prev.end))).toBeLessThanOrEqual(12);
      }
    }
  });

  it('splits a sentence without ends between words, and a word without spaces between characters', () => {
    const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const word = 'x'.repeat(3000);
    const layout = md([long, word]);
    const chunks = chunkLayout(layout, { maxTokens: 40, overlapTokens: 0 });
    expect(chunks.every((c) => c.tokens <= 40)).toBe(true);
    const words = chunks.filter((c) => c.end <= long.length);
    for (const c of words) {
      expect(layout.content[c.end] === undefined || /\s/.test(layout.content[c.end]!)).toBe(true);
    }
    expect(
      chunks
        .filter((c) => c.start >= long.length)
        .map((c) => c.text)
        .join(''),
    ).toBe(word);
  });

  it('splits a large table between rows and gives each later piece the header row', () => {
    const header = 'Region | Owner | Budget';
    const rows = Array.from({ length: 60 }, (_, i) => `Region ${i} | Person ${i} | ${1000 + i}`);
    let content = 'Budgets\n\n';
    const cells: ExtractedLayout['tables'][number]['cells'] = [];
    const start = content.length;
    [header, ...rows].forEach((line, r) => {
      if (r) content += '\n';
      for (const [c, cell] of line.split(' | ').entries()) {
        if (c) content += ' | ';
        cells.push({
          rowIndex: r,
          columnIndex: c,
          rowSpan: 1,
          columnSpan: 1,
          kind: r === 0 ? 'columnHeader' : 'content',
          content: cell,
          spans: [{ offset: content.length, length: cell.length }],
          boundingRegions: [],
        });
        content += cell;
      }
    });
    const layout: ExtractedLayout = {
      content,
      pages: [],
      paragraphs: [{ content: 'Budgets', role: 'sectionHeading', spans: [{ offset: 0, length: 7 }], boundingRegions: [] }],
      tables: [{ rowCount: 61, columnCount: 3, cells, spans: [{ offset: start, length: content.length - start }], boundingRegions: [] }],
      model: 'test',
    };
    const chunks = chunkLayout(layout, { maxTokens: 80, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[0]!.text.startsWith('Budgets\n\nRegion | Owner | Budget\nRegion 0 |')).toBe(true);
    expect(chunks[0]!.tableHeader).toBeNull();
    for (const c of chunks.slice(1)) {
      expect(c.tableHeader).toBe(header);
      expect(c.text).toMatch(/^Region \d+ \| Person \d+ \| \d+$/m);
      expect(c.text.split('\n').every((line) => /^Region \d+ \| Person \d+ \| \d+$/.test(line))).toBe(true);
      expect(embeddingText(c).startsWith(`${header}\nRegion`)).toBe(true);
      expect(c.headings).toEqual(['Budgets']);
    }
    // The same table under a cap it fits in stays one chunk.
    expect(chunkLayout(layout, { maxTokens: 4000, overlapTokens: 0 })).toHaveLength(1);
  });

  it('maps chunks onto pages and line boxes', () => {
    const page1 = 'Alpha line one\nAlpha line two';
    const page2 = 'Beta line one';
    const content = `${page1}\n\n${page2}`;
    const box = (y: number) => [
      { x: 1, y },
      { x: 5, y },
      { x: 5, y: y + 0.2 },
      { x: 1, y: y + 0.2 },
    ];
    const layout: ExtractedLayout = {
      content,
      pages: [
        {
          pageNumber: 1,
          width: 8.5,
          height: 11,
          unit: 'inch',
          spans: [{ offset: 0, length: page1.length }],
          lines: [
            { content: 'Alpha line one', polygon: box(1), spans: [{ offset: 0, length: 14 }] },
            { content: 'Alpha line two', polygon: box(2), spans: [{ offset: 15, length: 14 }] },
          ],
        },
        {
          pageNumber: 2,
          width: 8.5,
          height: 11,
          unit: 'inch',
          spans: [{ offset: page1.length + 2, length: page2.length }],
          lines: [{ content: 'Beta line one', polygon: box(1), spans: [{ offset: page1.length + 2, length: 13 }] }],
        },
      ],
      paragraphs: [
        { content: page1, role: null, spans: [{ offset: 0, length: page1.length }], boundingRegions: [] },
        { content: page2, role: null, spans: [{ offset: page1.length + 2, length: page2.length }], boundingRegions: [] },
      ],
      tables: [],
      model: 'test',
    };
    const [one] = chunkLayout(layout, { maxTokens: 100, overlapTokens: 0 });
    expect(one!.pageStart).toBe(1);
    expect(one!.pageEnd).toBe(2);
    expect(one!.boxes.map((b) => [b.pageNumber, b.polygon[0]!.y])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
  });

  it('counts with o200k when asked, and refuses a cap too small to hold anything', () => {
    const layout = md(['Some text to count in another encoding.']);
    const [c] = chunkLayout(layout, { encoding: 'o200k_base' });
    expect(c!.tokens).toBe(countTokens(c!.text, 'o200k_base'));
    expect(() => chunkLayout(layout, { maxTokens: 2 })).toThrow(RangeError);
    expect(chunkLayout({ content: '', pages: [], paragraphs: [], tables: [], model: 'x' })).toEqual([]);
    expect(chunkLayout({ content: '  \n ', pages: [], paragraphs: [], tables: [], model: 'x' })).toEqual([]);
  });
});
