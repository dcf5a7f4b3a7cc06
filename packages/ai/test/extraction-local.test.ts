import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, pdfPagesFrom, type SampleBlock } from '@ap/testing/sample-documents';
import { ExtractionFailedError, UnsupportedFormatError } from '../src/extraction/errors.ts';
import { extractHtml } from '../src/extraction/html.ts';
import { LocalExtractor, localFormat } from '../src/extraction/local.ts';
import { extractMarkdown } from '../src/extraction/markdown.ts';
import { extractCsv, extractPlainText, parseCsv } from '../src/extraction/text.ts';
import { expectExactSpans, headingsOf } from './layout-assertions.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const BLOCKS: SampleBlock[] = [
  { heading: 'Travel Policy', level: 0 },
  { heading: 'Booking', level: 1 },
  { paragraph: 'Book trains at least two weeks ahead. Flights need approval.' },
  { bullets: ['Economy class', 'Receipts within 30 days'] },
  { heading: 'Limits', level: 2 },
  {
    table: [
      ['Item', 'Limit'],
      ['Hotel', '150 EUR'],
      ['Meals', '40 EUR'],
    ],
  },
  { heading: 'Claims', level: 1 },
  { paragraph: 'Claims go through the finance portal.' },
];

describe('Markdown', () => {
  it('keeps the source as content, with headings, list items and table cells at exact offsets', () => {
    const source = [
      '# Guide',
      '',
      'Intro with **bold** text.',
      '',
      '## Setup ##',
      '',
      '- first step',
      '- second step',
      '  continued',
      '',
      '1. numbered',
      '',
      '| Name | Value |',
      '|------|:-----:|',
      '| a \\| b | `x|y` |',
      '| c | 3 |',
      '',
      'Sub heading',
      '-----------',
      '',
      '```ts',
      'const x = 1;',
      '```',
      '',
      '> quoted',
    ].join('\n');
    const layout = extractMarkdown(source);
    expect(layout.content).toBe(source);
    expect(layout.model).toBe('local-markdown');
    expectExactSpans(layout);
    expect(headingsOf(layout)).toEqual([
      [1, 'Guide'],
      [2, 'Setup'],
      [2, 'Sub heading'],
    ]);
    expect(layout.paragraphs[0]!.role).toBe('title');
    expect(layout.paragraphs.filter((p) => p.role === 'listItem').map((p) => p.content)).toEqual([
      'first step',
      'second step\n  continued',
      'numbered',
    ]);
    const cells = layout.tables[0]!.cells.map((c) => [c.rowIndex, c.columnIndex, c.kind, c.content]);
    expect(cells).toEqual([
      [0, 0, 'columnHeader', 'Name'],
      [0, 1, 'columnHeader', 'Value'],
      [1, 0, 'content', 'a \\| b'],
      [1, 1, 'content', '`x|y`'],
      [2, 0, 'content', 'c'],
      [2, 1, 'content', '3'],
    ]);
    expect(layout.paragraphs.map((p) => p.content)).toContain('```ts\nconst x = 1;\n```');
    expect(layout.paragraphs.map((p) => p.content)).toContain('> quoted');
  });

  it('reads CRLF sources with LF line ends', () => {
    const layout = extractMarkdown('# A\r\n\r\nText\r\n');
    expect(layout.content).toBe('# A\n\nText\n');
    expectExactSpans(layout);
    expect(layout.paragraphs.map((p) => p.content)).toEqual(['A', 'Text']);
  });
});

describe('HTML', () => {
  it('turns headings, paragraphs, list items and tables into a layout, leaving out scripts and markup', () => {
    const html = `<html><head><title>T</title><style>p{}</style></head><body>
      <h1>Guide &amp; more</h1><p>First   paragraph<br>second line</p>
      <h3>Deep</h3><ul><li>one</li><li>two <b>bold</b></li></ul>
      <table><thead><tr><th>Name</th><th colspan="2">Value</th></tr></thead>
      <tbody><tr><td>a</td><td>1</td><td>2</td></tr></tbody></table>
      <script>alert(1)</script><div>tail</div></body></html>`;
    const layout = extractHtml(html);
    expectExactSpans(layout);
    expect(layout.model).toBe('local-html');
    expect(layout.content).toBe(
      'Guide & more\n\nFirst paragraph\nsecond line\n\nDeep\n\none\n\ntwo bold\n\nName | Value\na | 1 | 2\n\ntail',
    );
    expect(headingsOf(layout)).toEqual([
      [1, 'Guide & more'],
      [3, 'Deep'],
    ]);
    expect(layout.paragraphs.filter((p) => p.role === 'listItem').map((p) => p.content)).toEqual(['one', 'two bold']);
    const t = layout.tables[0]!;
    expect([t.rowCount, t.columnCount]).toEqual([2, 3]);
    expect(t.cells.map((c) => [c.rowIndex, c.columnIndex, c.columnSpan, c.kind, c.content])).toEqual([
      [0, 0, 1, 'columnHeader', 'Name'],
      [0, 1, 2, 'columnHeader', 'Value'],
      [1, 0, 1, 'content', 'a'],
      [1, 1, 1, 'content', '1'],
      [1, 2, 1, 'content', '2'],
    ]);
    expect(layout.content).not.toContain('alert');
  });
});

describe('plain text and CSV', () => {
  it('keeps plain text as it is, one paragraph per block of lines', () => {
    const text = '\uFEFFTitle line\n\n  First para\nstill first  \n\n\n\tSecond\n';
    const layout = extractPlainText(text.replace(/^\uFEFF/, ''));
    expectExactSpans(layout);
    expect(layout.paragraphs.map((p) => p.content)).toEqual(['Title line', 'First para\nstill first', 'Second']);
    expect(layout.pages).toEqual([]);
  });

  it('reads CSV as one table with a header row, quoted fields included', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,"line\nbreak",3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', 'line\nbreak', '3'],
    ]);
    expect(parseCsv('x;y\n1;2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
    const layout = extractCsv('Office,City\n"Warsaw, Eng",Warsaw\nBerlin,Berlin\n');
    expectExactSpans(layout);
    expect(layout.content).toBe('Office | City\nWarsaw, Eng | Warsaw\nBerlin | Berlin');
    expect(layout.tables[0]!.cells.filter((c) => c.kind === 'columnHeader').map((c) => c.content)).toEqual(['Office', 'City']);
    expect(layout.model).toBe('local-csv');
  });
});

describe('DOCX', () => {
  it('reads the Title and Heading styles, list items and tables with their header row', async () => {
    const layout = await new LocalExtractor().extract(await makeDocx(BLOCKS), DOCX, 'policy.docx');
    expect(layout.model).toBe('local-docx');
    expectExactSpans(layout);
    expect(headingsOf(layout)).toEqual([
      [1, 'Travel Policy'],
      [2, 'Booking'],
      [3, 'Limits'],
      [2, 'Claims'],
    ]);
    expect(layout.paragraphs.find((p) => p.content === 'Travel Policy')!.role).toBe('title');
    expect(layout.paragraphs.filter((p) => p.role === 'listItem').map((p) => p.content)).toEqual([
      'Economy class',
      'Receipts within 30 days',
    ]);
    const cells = layout.tables[0]!.cells;
    expect(cells.filter((c) => c.kind === 'columnHeader').map((c) => c.content)).toEqual(['Item', 'Limit']);
    expect(cells.filter((c) => c.kind === 'content').map((c) => c.content)).toEqual(['Hotel', '150 EUR', 'Meals', '40 EUR']);
  });

  it('fails with a reason on a damaged DOCX', async () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    await expect(new LocalExtractor().extract(zipHeader, DOCX, 'broken.docx')).rejects.toThrow(ExtractionFailedError);
  });
});

describe('PDF', () => {
  it('gives pages, lines with polygons in inches, paragraphs and headings guessed from font sizes', async () => {
    const pdf = await makePdf(pdfPagesFrom(BLOCKS, 6));
    const layout = await new LocalExtractor().extract(pdf, 'application/pdf', 'policy.pdf');
    expect(layout.model).toBe('local-pdf');
    expectExactSpans(layout);
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages.map((p) => p.pageNumber)).toEqual(layout.pages.map((_, i) => i + 1));
    for (const page of layout.pages) {
      expect([page.width, page.height, page.unit]).toEqual([8.5, 11, 'inch']);
      for (const line of page.lines) {
        expect(line.polygon).toHaveLength(4);
        for (const pt of line.polygon) {
          expect(pt.x).toBeGreaterThanOrEqual(0.9);
          expect(pt.x).toBeLessThanOrEqual(8.5);
          expect(pt.y).toBeGreaterThan(0.9);
          expect(pt.y).toBeLessThan(11);
        }
      }
      // Lines go down the page.
      const tops = page.lines.map((l) => l.polygon[0]!.y);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
    }
    expect(headingsOf(layout)).toEqual([
      [1, 'Travel Policy'],
      [2, 'Booking'],
      [3, 'Limits'],
      [2, 'Claims'],
    ]);
    expect(layout.paragraphs.filter((p) => p.role === 'listItem').map((p) => p.content)).toEqual([
      '- Economy class',
      '- Receipts within 30 days',
    ]);
    const first = layout.pages[0]!.lines[0]!;
    expect(first.content).toBe('Travel Policy');
    // 72 pt margin = 1 inch from the left; the 22 pt title sits about 1.3 in from the top.
    expect(first.polygon[0]!.x).toBeCloseTo(1, 2);
    expect(first.polygon[0]!.y).toBeGreaterThan(1);
    expect(first.polygon[2]!.y).toBeLessThan(1.6);
    const body = layout.paragraphs.find((p) => p.content.startsWith('Book trains'))!;
    expect(body.boundingRegions[0]!.pageNumber).toBe(1);
  });

  it('fails with a reason on a damaged PDF', async () => {
    await expect(new LocalExtractor().extract(enc('%PDF-1.7\nnot really'), 'application/pdf', 'x.pdf')).rejects.toThrow(
      /local-pdf: not a readable PDF/,
    );
  });
});

describe('format dispatch', () => {
  it('trusts the bytes first, then the content type, then the extension', () => {
    expect(localFormat(enc('%PDF-1.4'), 'application/octet-stream', 'a.bin')).toBe('pdf');
    expect(localFormat(enc('# Title'), 'text/plain', 'notes.md')).toBe('text');
    expect(localFormat(enc('# Title'), 'application/octet-stream', 'notes.md')).toBe('markdown');
    expect(localFormat(enc('a,b'), '', 'data.csv')).toBe('csv');
    expect(localFormat(enc('plain'), 'application/pdf', 'fake.pdf')).toBeNull();
    expect(
      localFormat(
        new Uint8Array([0x50, 0x4b, 3, 4]),
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'deck.pptx',
      ),
    ).toBeNull();
    expect(localFormat(enc('x'), 'text/x-log', 'server.log')).toBe('text');
  });

  it('refuses a format without an extractor with a typed error that names it', async () => {
    const ex = new LocalExtractor();
    const pptx = ex.extract(
      new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'deck.pptx',
    );
    await expect(pptx).rejects.toThrow(UnsupportedFormatError);
    await expect(pptx).rejects.toThrow(
      /No extractor for application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation \(\.pptx\): PowerPoint/,
    );
    await expect(ex.extract(new Uint8Array([0, 1, 2, 3]), 'application/octet-stream', 'blob.bin')).rejects.toThrow(
      /No extractor for application\/octet-stream \(\.bin\)/,
    );
    await ex.close();
  });

  it('dispatches Markdown, HTML, text and CSV by name', async () => {
    const ex = new LocalExtractor();
    expect((await ex.extract(enc('# T\n\nx'), 'text/markdown', 'a.md')).model).toBe('local-markdown');
    expect((await ex.extract(enc('<h1>T</h1>'), 'text/html; charset=utf-8', 'a.html')).model).toBe('local-html');
    expect((await ex.extract(enc('hello'), 'text/plain', 'a.txt')).model).toBe('local-text');
    expect((await ex.extract(enc('a,b\n1,2'), 'text/csv', 'a.csv')).model).toBe('local-csv');
  });
});

describe('prebuilt-read', () => {
  it('gives the same text, pages and lines, paragraphs without roles, and no tables (their rows become paragraphs)', async () => {
    const ex = new LocalExtractor();
    const docx = await makeDocx(BLOCKS);
    const layout = await ex.extract(docx, DOCX, 'policy.docx');
    const read = await ex.extract(docx, DOCX, 'policy.docx', { model: 'prebuilt-read' });
    expect(layout.tables).toHaveLength(1);
    expect(layout.paragraphs.some((p) => p.role === 'title')).toBe(true);
    expect(read.content).toBe(layout.content);
    expect(read.model).toBe(layout.model);
    expect(read.tables).toEqual([]);
    expect(read.paragraphs.every((p) => p.role === null && p.headingLevel === undefined)).toBe(true);
    expectExactSpans(read);
    const texts = read.paragraphs.map((p) => p.content);
    expect(texts).toEqual(expect.arrayContaining(['Travel Policy', 'Item | Limit', 'Hotel | 150 EUR', 'Meals | 40 EUR']));
    // In reading order: the table's rows sit between the heading before it and the one after.
    expect(texts.indexOf('Limits')).toBeLessThan(texts.indexOf('Item | Limit'));
    expect(texts.indexOf('Meals | 40 EUR')).toBeLessThan(texts.indexOf('Claims'));

    const pdf = await makePdf(pdfPagesFrom(BLOCKS));
    const pdfRead = await ex.extract(pdf, 'application/pdf', 'policy.pdf', { model: 'prebuilt-read' });
    const pdfLayout = await ex.extract(pdf, 'application/pdf', 'policy.pdf');
    expect(pdfRead.pages).toEqual(pdfLayout.pages);
    expect(pdfRead.paragraphs.every((p) => p.role === null)).toBe(true);
    expect(pdfLayout.paragraphs.some((p) => p.role !== null)).toBe(true);
    await ex.close();
  });
});
