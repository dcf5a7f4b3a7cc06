import { expect } from 'vitest';
import type { ExtractedLayout, TextSpan } from '@ap/core/ports/extractor';

const slice = (content: string, spans: TextSpan[]) => spans.map((s) => content.slice(s.offset, s.offset + s.length)).join('');

/** Every paragraph, cell and line is exactly the slice of `content` its spans name; pages hold their lines. */
export function expectExactSpans(layout: ExtractedLayout): void {
  const { content } = layout;
  for (const p of layout.paragraphs) {
    expect(p.spans.length).toBeGreaterThan(0);
    expect(slice(content, p.spans)).toBe(p.content);
  }
  for (const t of layout.tables) {
    for (const c of t.cells) if (c.spans.length) expect(slice(content, c.spans)).toBe(c.content);
    const [start, end] = [t.spans[0]!.offset, t.spans[0]!.offset + t.spans[0]!.length];
    for (const c of t.cells) for (const s of c.spans) expect(s.offset >= start && s.offset + s.length <= end).toBe(true);
  }
  for (const page of layout.pages) {
    for (const line of page.lines) {
      expect(slice(content, line.spans)).toBe(line.content);
      const inPage = line.spans.every((s) =>
        page.spans.some((ps) => s.offset >= ps.offset && s.offset + s.length <= ps.offset + ps.length),
      );
      expect(inPage).toBe(true);
    }
  }
}

export const headingsOf = (layout: ExtractedLayout) =>
  layout.paragraphs
    .filter((p) => p.role === 'title' || p.role === 'sectionHeading')
    .map((p) => [p.headingLevel ?? null, p.content] as const);
