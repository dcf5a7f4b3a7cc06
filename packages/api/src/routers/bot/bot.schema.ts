import { z } from 'zod';
import { MAX_TEXT_CHARS, type InteractionRow, type SuggestionRow } from '@ap/core/suggestions/bot';
import { MAX_REASON_CHARS } from '@ap/core/suggestions/decisions';
import { ZId, ZIsoDate, ZPaginationInput, ZText } from '../../schemas.ts';
import { MAX_DESCRIPTION, MAX_TITLE } from '../action-points/action-points.schema.ts';

export const ZSuggestInput = z
  .strictObject({
    /** Notes to read (exactly one of text and documentId). Offsets in the answer point into it as sent. */
    text: ZText.max(MAX_TEXT_CHARS).optional(),
    /** A document you can view, read from its extracted text once it is READY. */
    documentId: ZId.optional(),
    /** The board the suggestions are for (VIEW): assignees are matched among its people, duplicates among its action points. */
    boardId: ZId.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.text === undefined && v.documentId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give text or documentId' });
    } else if (v.text !== undefined && v.documentId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['documentId'], message: 'give either text or documentId, not both' });
    } else if (v.text !== undefined && !/\S/.test(v.text)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'must not be empty' });
    }
  });

export const ZInteractionsInput = z.strictObject({ ...ZPaginationInput.shape }).prefault({});
export const ZGetInteractionInput = z.strictObject({ interactionId: ZId });

export const ZAcceptInput = z.strictObject({
  suggestionId: ZId,
  boardId: ZId,
  columnId: ZId,
  /** Edits: each left out takes the suggestion's value; null clears it. */
  title: ZText.trim().min(1).max(MAX_TITLE).optional(),
  description: ZText.max(MAX_DESCRIPTION).nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
  /** Someone who can see the board; left out: the suggestion's assignee, if they can see it. */
  assigneeId: ZId.nullable().optional(),
});

export const ZRejectInput = z.strictObject({
  suggestionId: ZId,
  reason: ZText.trim().max(MAX_REASON_CHARS).optional(),
});

export const ZProvenance = z
  .object({
    /** The document read; null for a text. */
    documentId: z.string().nullable(),
    /** The chunk the words are in (a document). */
    chunkId: z.string().nullable(),
    /** Character offsets into the text sent, or into the document's extracted text. */
    start: z.number().int(),
    end: z.number().int(),
    /** Exactly the source's text from `start` to `end`. */
    quote: z.string(),
    /** 1-based; null for a text or a format without pages. */
    pageStart: z.number().int().nullable(),
  })
  .meta({ id: 'BotProvenance' });

export const ZSuggestion = z
  .object({
    id: z.string(),
    interactionId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    dueDate: ZIsoDate.nullable(),
    /** A user who could see the context board when the suggestion was made. */
    assigneeId: z.string().nullable(),
    status: z.enum(['PENDING', 'ACCEPTED', 'REJECTED']),
    /** The action point made when it was accepted. */
    actionPointId: z.string().nullable(),
    rejectReason: z.string().nullable(),
    decidedAt: ZIsoDate.nullable(),
    provenance: ZProvenance,
    /** An action point already on the context board that this one closely resembles. */
    possibleDuplicateOf: z.string().nullable(),
    /** Cosine similarity to it (1 for the same title). */
    duplicateScore: z.number().nullable(),
  })
  .meta({ id: 'BotSuggestion' });

export const ZBotInteraction = z
  .object({
    id: z.string(),
    /** OPEN while a suggestion waits for review; REVIEWED once every one is accepted or rejected (or none was found). */
    status: z.enum(['OPEN', 'REVIEWED']),
    source: z.object({
      type: z.enum(['text', 'document']),
      documentId: z.string().nullable(),
      documentVersion: z.number().int().nullable(),
      boardId: z.string().nullable(),
      /** The text read (a text source; in bot.suggest and bot.getInteraction, not in lists). */
      text: z.string().nullable().optional(),
      /** True when only the first part of a long document was read. */
      truncated: z.boolean(),
    }),
    suggestions: z.array(ZSuggestion),
    /** `rule-based-v1` without a chat model, else the chat model's name. */
    model: z.string(),
    /** The embedder that compared suggestions with the board's action points (null when none were compared). */
    embeddingModel: z.string().nullable(),
    usage: z.object({
      promptTokens: z.number().int(),
      completionTokens: z.number().int(),
      totalTokens: z.number().int(),
      embeddingTokens: z.number().int(),
    }),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'BotInteraction' });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSuggestionOutput(s: SuggestionRow): z.input<typeof ZSuggestion> {
  return {
    id: s.id,
    interactionId: s.interactionId,
    title: s.title,
    description: s.description,
    dueDate: iso(s.dueDate),
    assigneeId: s.assigneeId,
    status: s.status,
    actionPointId: s.actionPointId,
    rejectReason: s.rejectReason,
    decidedAt: iso(s.decidedAt),
    provenance: {
      documentId: s.documentId,
      chunkId: s.chunkId,
      start: s.provenanceStart,
      end: s.provenanceEnd,
      quote: s.quote,
      pageStart: s.pageStart,
    },
    possibleDuplicateOf: s.possibleDuplicateOf,
    duplicateScore: s.duplicateScore,
  };
}

export function toInteractionOutput(i: InteractionRow): z.input<typeof ZBotInteraction> {
  return {
    id: i.id,
    status: i.status,
    source: {
      type: i.sourceType === 'DOCUMENT' ? 'document' : 'text',
      documentId: i.documentId,
      documentVersion: i.documentVersion,
      boardId: i.boardId,
      ...(i.sourceText !== undefined ? { text: i.sourceText } : {}),
      truncated: i.truncated,
    },
    suggestions: i.suggestions.map(toSuggestionOutput),
    model: i.model,
    embeddingModel: i.embeddingModel,
    usage: {
      promptTokens: i.promptTokens,
      completionTokens: i.completionTokens,
      totalTokens: i.totalTokens,
      embeddingTokens: i.embeddingTokens,
    },
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
