import { describe, expect, it } from 'vitest';
import { LOCAL_EMBEDDING_MODEL, LocalHashingEmbedder, hashingEmbedding, localTokens } from '../src/local-embedder.ts';

const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

describe('local hashing embedder', () => {
  const embedder = new LocalHashingEmbedder({ dimensions: 384 });

  it('names itself and gives vectors of the configured size, unit length', async () => {
    expect(embedder.model).toBe(LOCAL_EMBEDDING_MODEL);
    expect(embedder.model).toBe('local-hashing-v1');
    const { vectors, usage } = await embedder.embed(['Quarterly revenue grew by 12%', 'x', '']);
    expect(usage).toBeUndefined();
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 10);
      expect(v.every(Number.isFinite)).toBe(true);
    }
    expect((await new LocalHashingEmbedder({ dimensions: 1536 }).embed(['hello'])).vectors[0]).toHaveLength(1536);
  });

  it('is deterministic: same text, same vector, across instances and batch positions', async () => {
    const text = 'Ship the onboarding checklist before Friday';
    const a = (await embedder.embed([text, 'other'])).vectors[0]!;
    const b = (await new LocalHashingEmbedder({ dimensions: 384 }).embed(['first', 'second', text])).vectors[2]!;
    expect(b).toEqual(a);
    expect(hashingEmbedding(text, 384)).toEqual(a);
  });

  it('ranks similar texts above unrelated ones', async () => {
    const query = 'How do I reset my account password?';
    const [q, close, paraphrase, unrelated, other] = (
      await embedder.embed([
        query,
        'To reset your account password, open settings and choose reset password.',
        'Resetting passwords for accounts',
        'The quarterly budget review is scheduled for Thursday afternoon.',
        'Bake the bread at 220 degrees for forty minutes.',
      ])
    ).vectors as [number[], number[], number[], number[], number[]];
    expect(cosine(q, close)).toBeGreaterThan(cosine(q, unrelated));
    expect(cosine(q, close)).toBeGreaterThan(cosine(q, other));
    // Shares no exact words with the query but word pieces (reset/resetting, password/passwords).
    expect(cosine(q, paraphrase)).toBeGreaterThan(cosine(q, unrelated));
    expect(cosine(q, paraphrase)).toBeGreaterThan(cosine(q, other));
    expect(cosine(q, close)).toBeGreaterThan(0.3);
    expect(Math.abs(cosine(q, other))).toBeLessThan(0.2);
  });

  it('folds case and accents; word order matters through bigrams', () => {
    expect(localTokens('Café RÉSUMÉ, naïve!')).toEqual(['cafe', 'resume', 'naive']);
    expect(hashingEmbedding('CAFÉ résumé', 256)).toEqual(hashingEmbedding('cafe resume', 256));
    const ab = hashingEmbedding('dog bites man', 256);
    const ba = hashingEmbedding('man bites dog', 256);
    expect(cosine(ab, ba)).toBeLessThan(0.999);
    expect(cosine(ab, ba)).toBeGreaterThan(0.5);
  });

  it('gives texts without words one fixed unit vector', async () => {
    const { vectors } = await embedder.embed(['', '  ...  ']);
    expect(vectors[0]).toEqual(vectors[1]);
    expect(vectors[0]![0]).toBe(1);
    expect(norm(vectors[0]!)).toBe(1);
  });

  it('refuses a nonsensical size and honours an aborted signal', async () => {
    expect(() => new LocalHashingEmbedder({ dimensions: 0 })).toThrow(RangeError);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(embedder.embed(['a'], { signal: controller.signal })).rejects.toThrow('stop');
  });
});
