import { z } from 'zod';
import { ZId, ZIsoDate, ZText } from '../../schemas.ts';

/** Texts per call: one request of the embedding adapter. */
export const MAX_EMBEDDING_INPUTS = 64;
/** Characters per text (about 2,000 tokens of English, well inside hosted models' 8,191). */
export const MAX_EMBEDDING_TEXT_CHARS = 8_000;
/** Characters over all texts of one call (keeps the JSON body under the server's 1 MiB limit). */
export const MAX_EMBEDDING_TOTAL_CHARS = 200_000;

export const ZCreateEmbeddingsInput = z.strictObject({
  input: z
    .array(ZText.min(1, { message: 'must not be empty' }).max(MAX_EMBEDDING_TEXT_CHARS))
    .min(1, { message: 'must hold at least one text' })
    .max(MAX_EMBEDDING_INPUTS, { message: `must hold at most ${MAX_EMBEDDING_INPUTS} texts` })
    .refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= MAX_EMBEDDING_TOTAL_CHARS, {
      message: `must hold at most ${MAX_EMBEDDING_TOTAL_CHARS} characters in all`,
    }),
});

export const ZEmbeddings = z
  .object({
    model: z.string(),
    dimensions: z.number().int(),
    data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
  })
  .meta({ id: 'Embeddings' });

export const ZEmbeddingStatusInput = z.strictObject({}).optional();

export const ZEmbeddingStatus = z
  .object({
    /** The model and vector size chunks and queries are embedded with now. */
    model: z.string(),
    dimensions: z.number().int(),
    /** Chunks of the documents you can see, by embedding state. */
    chunks: z.object({
      /** Embedded by the active model at the active size: searched semantically. */
      active: z.number().int(),
      /** Embedded by another model or size: reprocess the document to embed them again. */
      otherModel: z.number().int(),
      /** Without a vector. */
      notEmbedded: z.number().int(),
    }),
    /** Documents you can see. */
    documents: z.number().int(),
  })
  .meta({ id: 'EmbeddingStatus' });

export const MAX_SIMILAR_LIMIT = 50;

export const ZSimilarActionPointsInput = z.strictObject({
  actionPointId: ZId,
  /** Default 10, at most 50: the nearest first. */
  limit: z.number({ error: 'must be an integer' }).int().min(1).max(MAX_SIMILAR_LIMIT).optional(),
});

export const ZSimilarActionPoints = z
  .object({
    /** Action points you can see, nearest first (the action point itself is left out). */
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        completedAt: ZIsoDate.nullable(),
        /** Cosine similarity of the embedded title and description (1: the same direction). */
        score: z.number(),
        /** The boards you can see it on, with its column there. */
        boards: z.array(z.object({ boardId: z.string(), boardName: z.string(), columnId: z.string(), columnName: z.string() })),
      }),
    ),
  })
  .meta({ id: 'SimilarActionPoints' });
