// Where a character range of a layout's `content` sits on its pages: the pages it
// touches and the boxes (line polygons, else paragraph regions) it covers. Pure.
import type { ExtractedLayout, Point } from '../ports/extractor.ts';

export interface CitationBox {
  /** 1-based. */
  pageNumber: number;
  polygon: Point[];
}

export interface CitationLocation {
  /** 1-based; null when the layout has no pages or the range touches none. */
  pageStart: number | null;
  pageEnd: number | null;
  /** In reading order; empty where the extractor gave no positions. */
  boxes: CitationBox[];
}

interface Ranged {
  start: number;
  end: number;
}
interface RangedBox extends Ranged {
  box: CitationBox;
}

export interface Locator {
  locate(start: number, end: number): CitationLocation;
}

function spansRange(spans: { offset: number; length: number }[]): Ranged | null {
  if (spans.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.offset);
    end = Math.max(end, s.offset + s.length);
  }
  return { start, end };
}

/** First index whose `end` is greater than `offset` in a list sorted by start (and so by end, for disjoint ranges). */
function firstEndingAfter<T extends Ranged>(list: T[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapping<T extends Ranged>(list: T[], start: number, end: number): T[] {
  const out: T[] = [];
  // Ranges may nest or overlap a little; scan from a safe point and stop once past `end`.
  for (let i = Math.max(0, firstEndingAfter(list, start) - 1); i < list.length; i++) {
    const r = list[i]!;
    if (r.start >= end) break;
    if (r.end > start && r.start < end) out.push(r);
  }
  return out;
}

/**
 * Indexes a layout once; `locate(start, end)` then answers for any range of
 * `content` (end exclusive). Boxes come from the lines of each page; a page
 * without positioned lines contributes its paragraphs' bounding regions instead.
 */
export function createLocator(layout: Pick<ExtractedLayout, 'pages' | 'paragraphs'>): Locator {
  const pages: (Ranged & { pageNumber: number })[] = [];
  const lineBoxes: RangedBox[] = [];
  const pagesWithLines = new Set<number>();
  for (const page of layout.pages) {
    for (const s of page.spans) pages.push({ start: s.offset, end: s.offset + s.length, pageNumber: page.pageNumber });
    for (const line of page.lines) {
      const r = spansRange(line.spans);
      if (!r || line.polygon.length === 0) continue;
      pagesWithLines.add(page.pageNumber);
      lineBoxes.push({ ...r, box: { pageNumber: page.pageNumber, polygon: line.polygon } });
    }
  }
  const paragraphBoxes: RangedBox[] = [];
  for (const p of layout.paragraphs) {
    const r = spansRange(p.spans);
    if (!r) continue;
    for (const region of p.boundingRegions) {
      if (region.polygon.length === 0 || pagesWithLines.has(region.pageNumber)) continue;
      paragraphBoxes.push({ ...r, box: { pageNumber: region.pageNumber, polygon: region.polygon } });
    }
  }
  const byStart = (a: Ranged, b: Ranged) => a.start - b.start || a.end - b.end;
  pages.sort(byStart);
  lineBoxes.sort(byStart);
  paragraphBoxes.sort(byStart);

  return {
    locate(start, end) {
      if (end <= start) return { pageStart: null, pageEnd: null, boxes: [] };
      const touched = overlapping(pages, start, end).map((p) => p.pageNumber);
      const boxes = [...overlapping(lineBoxes, start, end), ...overlapping(paragraphBoxes, start, end)].sort(byStart).map((b) => b.box);
      return {
        pageStart: touched.length ? Math.min(...touched) : null,
        pageEnd: touched.length ? Math.max(...touched) : null,
        boxes,
      };
    },
  };
}

/** One-off form of `createLocator(layout).locate(start, end)`. */
export function locateRange(layout: Pick<ExtractedLayout, 'pages' | 'paragraphs'>, start: number, end: number): CitationLocation {
  return createLocator(layout).locate(start, end);
}
