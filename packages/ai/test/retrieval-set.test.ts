// The labelled retrieval set of packages/core/test/knowledge/fixtures: every
// question's answer is a real span of its extracted document, once, and the chunks
// that hold it carry the labelled heading path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkLayout, type Chunk } from '@ap/core/knowledge/chunking';
import type { ExtractedLayout } from '@ap/core/ports/extractor';
import { findAnswer, labelledDocuments, questions } from '../../core/test/knowledge/fixtures/labels.ts';
import { LocalExtractor } from '../src/extraction/local.ts';

const extractor = new LocalExtractor();
const layouts = new Map<string, ExtractedLayout>();
const chunks = new Map<string, Chunk[]>();

beforeAll(async () => {
  for (const { name, bytes, contentType } of await labelledDocuments()) {
    const layout = await extractor.extract(bytes, contentType, name);
    layouts.set(name, layout);
    chunks.set(name, chunkLayout(layout, { maxTokens: 120, overlapTokens: 16 }));
  }
});
afterAll(() => extractor.close());

describe('retrieval set', () => {
  it('has 30+ questions over documents in six formats, with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect([...layouts.values()].map((l) => l.model).sort()).toEqual([
      'local-csv',
      'local-docx',
      'local-html',
      'local-markdown',
      'local-pdf',
      'local-text',
    ]);
    expect(layouts.get('incident-runbook.pdf')!.pages.length).toBeGreaterThan(1);
  });

  it.each(questions.map((q) => [q.id, q] as const))(
    '%s: the answer is one span of its document, in a chunk with the labelled headings',
    (_id, q) => {
      const layout = layouts.get(q.document)!;
      const found = findAnswer(layout.content, q.answer);
      expect(found, `"${q.answer}" in ${q.document}`).toHaveLength(1);
      const { start, end } = found[0]!;
      const holding = chunks.get(q.document)!.filter((c) => c.start <= start && c.end >= end);
      expect(holding.length, `a chunk holding "${q.answer}"`).toBeGreaterThan(0);
      for (const c of holding) {
        expect(c.headings).toEqual(q.headings);
        expect(c.text).toBe(layout.content.slice(c.start, c.end));
      }
      // Heading paths name sections that exist in the document.
      if (q.headings.length) expect(chunks.get(q.document)!.some((c) => c.headings.join('/') === q.headings.join('/'))).toBe(true);
    },
  );
});
