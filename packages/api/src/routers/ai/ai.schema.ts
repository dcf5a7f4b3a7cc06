import { z } from 'zod';
import {
  MAX_CHAT_DOCUMENTS,
  MAX_CHAT_MESSAGE_CHARS,
  MAX_CHAT_MESSAGES,
  MAX_CHAT_TOTAL_CHARS,
  MAX_SUMMARIZE_TEXT_CHARS,
} from '@ap/core/ai/limits';
import { ZId, ZText } from '../../schemas.ts';
import { ZCitation } from '../vector-documents/vector-documents.schema.ts';

export const ZChatMessage = z
  .strictObject({
    /** Who wrote it: the user, or the assistant in an earlier reply. */
    role: z.enum(['user', 'assistant']),
    content: ZText.trim().min(1, { message: 'must not be empty' }).max(MAX_CHAT_MESSAGE_CHARS),
  })
  .meta({ id: 'ChatMessage' });

export const ZChatInput = z.strictObject({
  /** The conversation so far, oldest first, ending with the user's new message. */
  messages: z
    .array(ZChatMessage)
    .min(1, { message: 'must hold at least one message' })
    .max(MAX_CHAT_MESSAGES, { message: `must hold at most ${MAX_CHAT_MESSAGES} messages` })
    .refine((messages) => messages.reduce((n, m) => n + m.content.length, 0) <= MAX_CHAT_TOTAL_CHARS, {
      message: `must hold at most ${MAX_CHAT_TOTAL_CHARS} characters in all`,
    })
    .refine((messages) => messages.at(-1)?.role === 'user', { message: 'must end with a user message' }),
  /** Ground the reply in these documents (each must be one you can see); without them, plain chat. */
  documentIds: z
    .array(ZId)
    .min(1, { message: 'must hold at least one id (leave it out for plain chat)' })
    .max(MAX_CHAT_DOCUMENTS, { message: `must hold at most ${MAX_CHAT_DOCUMENTS} ids` })
    .optional(),
});

export const ZChatReply = z
  .object({
    /** The reply; when grounded, every claim carries a marker `[n]` that indexes `citations`. */
    message: z.object({ role: z.literal('assistant'), content: z.string() }),
    citations: z.array(ZCitation),
    /** The chat model that replied, or `extractive-v1` (no chat model configured). */
    model: z.string(),
  })
  .meta({ id: 'ChatReply' });

export const ZSummarizeInput = z
  .strictObject({
    /** A document you can see, summarized from its stored chunks. */
    documentId: ZId.optional(),
    /** Or a text of your own. */
    text: ZText.trim().min(1, { message: 'must not be empty' }).max(MAX_SUMMARIZE_TEXT_CHARS).optional(),
  })
  .superRefine((input, ctx) => {
    const given = Number(input.documentId !== undefined) + Number(input.text !== undefined);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: input.text === undefined ? ['documentId'] : ['text'],
        message: 'give either documentId or text',
      });
    }
  });

export const ZSummary = z
  .object({
    /** Every marker `[n]` indexes `citations` (a text's summary has none). */
    summary: z.string(),
    citations: z.array(ZCitation),
    /** The chat model that wrote it, or `extractive-centrality-v1` (no chat model configured). */
    model: z.string(),
  })
  .meta({ id: 'Summary' });
