import { describe, expect, it } from 'vitest';
import { testDb } from '@ap/testing/db';
import { EMBEDDING_DIMENSIONS, nearestEmbeddings, readEmbedding, toVectorLiteral, upsertEmbedding } from '../src/vectors.ts';

/** A unit vector pointing mostly along axis `i`, with a little of axis `j`. */
function vec(i: number, j = (i + 1) % EMBEDDING_DIMENSIONS, mix = 0): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  v[i] = 1;
  v[j] = mix;
  return v;
}

async function owner() {
  return testDb().user.create({ data: { clerkId: `user_vec_${crypto.randomUUID()}` }, select: { id: true } });
}

describe('pgvector round trip', () => {
  it('writes a vector and reads the same values back', async () => {
    const { id: ownerId } = await owner();
    const v = vec(3, 7, 0.25);
    const id = await upsertEmbedding(testDb(), { ownerId, sourceType: 'probe', sourceId: crypto.randomUUID(), content: 'x', embedding: v });
    expect(await readEmbedding(testDb(), id)).toEqual(v);
  });

  it('returns nearest neighbours by cosine distance, only the owner’s', async () => {
    const { id: ownerId } = await owner();
    const { id: otherId } = await owner();
    const put = (o: string, content: string, e: number[]) =>
      upsertEmbedding(testDb(), { ownerId: o, sourceType: 'probe', sourceId: crypto.randomUUID(), content, embedding: e });
    await put(ownerId, 'far', vec(100));
    await put(ownerId, 'near', vec(10, 11, 0.1));
    await put(ownerId, 'nearest', vec(10, 11, 0.01));
    await put(otherId, 'someone else', vec(10));
    const matches = await nearestEmbeddings(testDb(), ownerId, vec(10), 2);
    expect(matches.map((m) => m.content)).toEqual(['nearest', 'near']);
    expect(matches[0]!.distance).toBeLessThan(matches[1]!.distance);
    expect(matches[0]!.distance).toBeGreaterThanOrEqual(0);
  });

  it('replaces the embedding of the same source', async () => {
    const { id: ownerId } = await owner();
    const sourceId = crypto.randomUUID();
    const a = await upsertEmbedding(testDb(), { ownerId, sourceType: 'probe', sourceId, content: 'v1', embedding: vec(1) });
    const b = await upsertEmbedding(testDb(), { ownerId, sourceType: 'probe', sourceId, content: 'v2', embedding: vec(2) });
    expect(b).toBe(a);
    expect(await readEmbedding(testDb(), a)).toEqual(vec(2));
  });

  it('rejects vectors of the wrong size or with non-finite values before any query', () => {
    expect(() => toVectorLiteral([1, 2, 3])).toThrow(/1536 dimensions/);
    expect(() => toVectorLiteral(vec(0).map((x, i) => (i === 5 ? Number.NaN : x)))).toThrow(/finite/);
  });
});
