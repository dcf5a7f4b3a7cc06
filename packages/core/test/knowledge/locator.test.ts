import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocator, locateRange } from '../../src/knowledge/locator.ts';
import type { ExtractedLayout, LayoutPage } from '../../src/ports/extractor.ts';

/** A layout of `pages` pages of `linesPerPage` lines each ("p<page> line <n>"), lines one per row. */
function pagedLayout(pages: number, linesPerPage: number): ExtractedLayout {
  let content = '';
  const out: LayoutPage[] = [];
  for (let p = 1; p <= pages; p++) {
    if (content) content += '\n';
    const pageStart = content.length;
    const lines: LayoutPage['lines'] = [];
    for (let l = 0; l < linesPerPage; l++) {
      if (l) content += '\n';
      const text = `p${p} line ${l}`;
      lines.push({
        content: text,
        polygon: [
          { x: 0, y: l },
          { x: 4, y: l },
          { x: 4, y: l + 0.5 },
          { x: 0, y: l + 0.5 },
        ],
        spans: [{ offset: content.length, length: text.length }],
      });
      content += text;
    }
    out.push({
      pageNumber: p,
      width: 8.5,
      height: 11,
      unit: 'inch',
      spans: [{ offset: pageStart, length: content.length - pageStart }],
      lines,
    });
  }
  return { content, pages: out, paragraphs: [], tables: [], model: 'test' };
}

describe('citation locator', () => {
  it('gives the pages and the line boxes a range touches, as a scan of every line would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.nat(), fc.nat(), (pages, lines, a, b) => {
        const layout = pagedLayout(pages, lines);
        const n = layout.content.length;
        const start = a % n;
        const end = start + 1 + (b % (n - start));
        const got = createLocator(layout).locate(start, end);
        const touchedLines = layout.pages
          .flatMap((p) => p.lines.map((line) => ({ p: p.pageNumber, line })))
          .filter(({ line }) => {
            const s = line.spans[0]!;
            return s.offset < end && s.offset + s.length > start;
          });
        expect(got.boxes).toEqual(touchedLines.map(({ p, line }) => ({ pageNumber: p, polygon: line.polygon })));
        const touchedPages = layout.pages
          .filter((p) => p.spans[0]!.offset < end && p.spans[0]!.offset + p.spans[0]!.length > start)
          .map((p) => p.pageNumber);
        expect(got.pageStart).toBe(touchedPages.length ? Math.min(...touchedPages) : null);
        expect(got.pageEnd).toBe(touchedPages.length ? Math.max(...touchedPages) : null);
      }),
    );
  });

  it('falls back to paragraph regions on pages without lines, and answers null without pages', () => {
    const content = 'Heading\n\nBody text';
    const layout: ExtractedLayout = {
      content,
      pages: [{ pageNumber: 3, width: null, height: null, unit: null, spans: [{ offset: 0, length: content.length }], lines: [] }],
      paragraphs: [
        {
          content: 'Heading',
          role: 'sectionHeading',
          spans: [{ offset: 0, length: 7 }],
          boundingRegions: [
            {
              pageNumber: 3,
              polygon: [
                { x: 1, y: 1 },
                { x: 2, y: 1 },
                { x: 2, y: 2 },
                { x: 1, y: 2 },
              ],
            },
          ],
        },
        {
          content: 'Body text',
          role: null,
          spans: [{ offset: 9, length: 9 }],
          boundingRegions: [
            {
              pageNumber: 3,
              polygon: [
                { x: 1, y: 3 },
                { x: 2, y: 3 },
                { x: 2, y: 4 },
                { x: 1, y: 4 },
              ],
            },
          ],
        },
      ],
      tables: [],
      model: 'test',
    };
    const got = locateRange(layout, 10, 14);
    expect(got).toEqual({
      pageStart: 3,
      pageEnd: 3,
      boxes: [{ pageNumber: 3, polygon: layout.paragraphs[1]!.boundingRegions[0]!.polygon }],
    });
    expect(locateRange({ pages: [], paragraphs: [] }, 0, 5)).toEqual({ pageStart: null, pageEnd: null, boxes: [] });
    expect(locateRange(layout, 5, 5)).toEqual({ pageStart: null, pageEnd: null, boxes: [] });
  });
});
