import { z } from 'zod';
import { ZId, ZIsoDate, ZPaginationInput } from '../../schemas.ts';

export const ZLinkType = z.enum(['RELATES', 'BLOCKS', 'DUPLICATES']).meta({ id: 'LinkType' });

export const ZLink = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    targetId: z.string(),
    type: ZLinkType,
    direction: z.enum(['outgoing', 'incoming']),
    other: z.object({ id: z.string(), title: z.string() }),
    createdById: z.string(),
    createdAt: ZIsoDate,
  })
  .meta({ id: 'Link' });

export const ZListLinksInput = z.strictObject({ actionPointId: ZId, ...ZPaginationInput.shape });

export const ZCreateLinkInput = z.strictObject({ actionPointId: ZId, targetId: ZId, type: ZLinkType });

export const ZDeleteLinkInput = z.strictObject({ linkId: ZId });
