import { z } from 'zod';
import { ZId, ZIsoDate, ZPaginationInput, ZPublicUser, ZQueryBool, ZText } from '../../schemas.ts';

export const ZNotificationType = z
  .enum(['BOARD_GRANTED', 'ACTION_POINT_SHARED', 'ASSIGNED', 'MENTIONED', 'COMMENTED', 'WORKFLOW'])
  .meta({ id: 'NotificationType' });

export const ZNotification = z
  .object({
    id: z.string(),
    /** Position in the caller's stream: the live event id. */
    seq: z.string(),
    type: ZNotificationType,
    readAt: ZIsoDate.nullable(),
    createdAt: ZIsoDate,
    actor: ZPublicUser.nullable(),
    boardId: z.string().nullable(),
    actionPointId: z.string().nullable(),
    commentId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Notification' });

export const ZListNotificationsInput = z.strictObject({
  unreadOnly: ZQueryBool.optional(),
  ...ZPaginationInput.shape,
});

export const ZUnreadCountOutput = z.object({ count: z.number().int() });

export const ZMarkReadInput = z.strictObject({ notificationId: ZId });

export const ZMarkAllReadOutput = z.object({ ok: z.literal(true), updated: z.number().int() });

export const ZOnNewInput = z.strictObject({ lastEventId: ZText.max(20).nullish() }).optional();
