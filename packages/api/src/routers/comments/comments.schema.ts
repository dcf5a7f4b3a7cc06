import { z } from 'zod';
import { MAX_COMMENT_LENGTH, MAX_MENTIONS } from '@ap/core/collaboration/comments';
import { ZId, ZIsoDate, ZPaginationInput, ZPublicUser, ZText } from '../../schemas.ts';

const ZBody = ZText.min(1)
  .max(MAX_COMMENT_LENGTH)
  .refine((s) => s.trim().length > 0, { message: 'must not be blank' });

/** User ids of the people mentioned; each must be able to see the action point. */
const ZMentions = z.array(ZId).max(MAX_MENTIONS);

export const ZComment = z
  .object({
    id: z.string(),
    actionPointId: z.string(),
    authorId: z.string(),
    author: ZPublicUser,
    body: z.string(),
    mentions: z.array(z.string()),
    version: z.number().int(),
    editedAt: ZIsoDate.nullable(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: 'Comment' });

export const ZListCommentsInput = z.strictObject({ actionPointId: ZId, ...ZPaginationInput.shape });

export const ZCreateCommentInput = z.strictObject({ actionPointId: ZId, body: ZBody, mentions: ZMentions.optional() });

export const ZUpdateCommentInput = z.strictObject({ commentId: ZId, body: ZBody.optional(), mentions: ZMentions.optional() });

export const ZDeleteCommentInput = z.strictObject({ commentId: ZId });
