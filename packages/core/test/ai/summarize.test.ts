// The pure parts of ai.summarize and ai.chat: sentences ranked by centrality, the
// sections a long document is read in, section summaries merged with renumbered
// markers, the retrieval query of a conversation, and a plain reply made safe.
import { describe, expect, it } from 'vitest';
import { safePlainReply, retrievalQuery } from '../../src/ai/chat.ts';
import { centralSentences, pageRank } from '../../src/ai/centrality.ts';
import { chunksToRead, extractiveSummary, groupSections, mergeSummaries, textChunks } from '../../src/ai/summarize.ts';
import type { RetrievedChunk } from '../../src/knowledge/answer-types.ts';

const chunk = (id: string, text: string, headings: string[], start = 0): RetrievedChunk => ({
  chunkId: id,
  documentId: 'd1',
  documentTitle: 'Doc',
  text,
  start,
  end: start + text.length,
  pageStart: null,
  pageEnd: null,
  headings,
  score: 1,
});

describe('centrality', () => {
  it('ranks the sentences that share the most with the others first, and skips near-repeats', () => {
    const sentences = [
      'The launch of the product is planned for March.',
      'Marketing prepares the product launch in March.',
      'The cafeteria serves soup on Fridays.',
      'Sales expects the product launch to lift revenue.',
      'The product launch in March needs a press release.',
      'The product launch in March needs a press release!',
    ];
    const picked = centralSentences(sentences, (s) => s, { count: 2 }).map((r) => r.item);
    expect(picked).toHaveLength(2);
    expect(picked).not.toContain('The cafeteria serves soup on Fridays.');
    // Both copies of the press-release sentence are never kept together.
    expect(picked.filter((s) => s.includes('press release'))).toHaveLength(picked.some((s) => s.includes('press release')) ? 1 : 0);
    // Reading order.
    expect(picked).toEqual([...picked].sort((a, b) => sentences.indexOf(a) - sentences.indexOf(b)));
  });

  it('PageRank of a symmetric star puts the centre first and sums to one', () => {
    const w = [
      [0, 1, 1, 1],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
    ].map((r) => Float64Array.from(r));
    const rank = pageRank(w);
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(rank[0]).toBeGreaterThan(rank[1]!);
    expect(pageRank([])).toEqual([]);
  });

  it('an extractive summary cites each sentence it keeps, quoting it exactly', () => {
    const text = 'Budgets are set in May. The budget review follows in June. Budget owners report in July. Lunch is at noon.';
    const c = chunk('c1', text, ['Budget']);
    const s = extractiveSummary([c]);
    expect(s.model).toBe('extractive-centrality-v1');
    expect(s.citations.length).toBeGreaterThanOrEqual(3);
    for (const cit of s.citations) expect(text.slice(cit.start, cit.end)).toBe(cit.quote);
    expect(s.summary).toMatch(/\[1\].*\[2\].*\[3\]/);
  });
});

describe('sections of a long document', () => {
  it('groups consecutive chunks of one section, packing small neighbours up to the size of one call', () => {
    const chunks = [
      chunk('a1', 'x'.repeat(4_000), ['Plan', 'Budget']),
      chunk('a2', 'x'.repeat(4_000), ['Plan', 'Budget']),
      chunk('b1', 'x'.repeat(2_000), ['Plan', 'Hiring']),
      chunk('c1', 'x'.repeat(3_000), ['Plan', 'Office']),
      chunk('d1', 'x'.repeat(9_000), ['Plan', 'Travel']),
      chunk('e1', 'x'.repeat(8_000), ['Plan', 'Risks']),
      chunk('e2', 'x'.repeat(8_000), ['Plan', 'Risks']),
    ];
    expect(groupSections(chunks, 12_000).map((g) => g.map((c) => c.chunkId))).toEqual([['a1', 'a2', 'b1'], ['c1', 'd1'], ['e1'], ['e2']]);
  });

  it('reads each section’s first chunks in turn when a document is longer than a summary reads', () => {
    const chunks = [
      chunk('a1', 'x'.repeat(40), ['A']),
      chunk('a2', 'x'.repeat(40), ['A']),
      chunk('a3', 'x'.repeat(40), ['A']),
      chunk('b1', 'x'.repeat(40), ['B']),
      chunk('c1', 'x'.repeat(40), ['C']),
      chunk('c2', 'x'.repeat(40), ['C']),
    ];
    expect(chunksToRead(chunks, 1_000).map((c) => c.chunkId)).toHaveLength(6);
    expect(chunksToRead(chunks, 200).map((c) => c.chunkId)).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
    expect(chunksToRead(chunks, 120).map((c) => c.chunkId)).toEqual(['a1', 'b1', 'c1']);
  });

  it('merges section summaries into one, renumbering their markers', () => {
    const cite = (id: string) => ({ ...chunk(id, 'q', []), quote: 'q' });
    const merged = mergeSummaries([
      { answer: 'One [1]. Two [2].', citations: [cite('a'), cite('b')], mode: 'model', model: 'm' },
      { answer: 'Three [1]. Again two [2].', citations: [cite('c'), cite('b')], mode: 'model', model: 'm' },
    ]);
    expect(merged.summary).toBe('One [1]. Two [2]. Three [3]. Again two [2].');
    expect(merged.citations.map((c) => c.chunkId)).toEqual(['a', 'b', 'c']);
  });

  it('cuts a text into chunks at sentence ends, with exact offsets', () => {
    const text = Array.from({ length: 800 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const chunks = textChunks(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.text.length).toBeLessThanOrEqual(12_000);
    }
    expect(textChunks('   ')).toEqual([]);
  });
});

describe('chat helpers', () => {
  it('searches for the last user turn, with the one before it when the last says little', () => {
    const u = (content: string) => ({ role: 'user' as const, content });
    const a = (content: string) => ({ role: 'assistant' as const, content });
    expect(retrievalQuery([u('What is the budget of the northern region office?')])).toBe(
      'What is the budget of the northern region office?',
    );
    expect(retrievalQuery([u('Who runs the zephyr launch review?'), a('The finance team.'), u('And when?')])).toBe(
      'Who runs the zephyr launch review?\nAnd when?',
    );
  });

  it('keeps a plain reply’s Markdown, without images, links to other hosts, or marker-like brackets', () => {
    const out = safePlainReply(
      '# Hi\n\n![p](https://evil.example/p.gif) see [docs](https://evil.example/d) [1] and [2, 3]\n\n```\ncode\n```',
    );
    expect(out).not.toContain('evil.example');
    expect(out).toContain('# Hi');
    expect(out).toContain('see docs (1) and (2, 3)');
    expect(out).toContain('```\ncode\n```');
    expect(safePlainReply('[docs](https://docs.example/x)', { allowedHosts: ['docs.example'] })).toBe('[docs](https://docs.example/x)');
  });
});
