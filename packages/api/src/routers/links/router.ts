import type { z } from 'zod';
import { createLink, deleteLink, listLinks, type LinkRow } from '@ap/core/collaboration/links';
import { paginated, ZOk } from '../../schemas.ts';
import { authedProcedure, router, type AuthedArgs } from '../../trpc.ts';
import { ZCreateLinkInput, ZDeleteLinkInput, ZLink, ZListLinksInput } from './links.schema.ts';

const tags = ['links'];

const toOutput = (l: LinkRow): z.input<typeof ZLink> => ({ ...l, createdAt: l.createdAt.toISOString() });

async function listHandler({ ctx, input }: AuthedArgs<typeof ZListLinksInput>) {
  const page = await listLinks(ctx.svc, input);
  return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
}

async function createHandler({ ctx, input }: AuthedArgs<typeof ZCreateLinkInput>) {
  return toOutput(await createLink(ctx.svc, input));
}

async function deleteHandler({ ctx, input }: AuthedArgs<typeof ZDeleteLinkInput>) {
  await deleteLink(ctx.svc, input);
  return { ok: true as const };
}

export const linksRouter = router({
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/action-points/{actionPointId}/links',
        tags,
        summary: 'Links from and to an action point (only those whose other end you can see)',
      },
    })
    .input(ZListLinksInput)
    .output(paginated(ZLink))
    .query(listHandler),

  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/action-points/{actionPointId}/links',
        tags,
        summary: 'Link an action point (EDIT) to another one you can see',
      },
    })
    .input(ZCreateLinkInput)
    .output(ZLink)
    .mutation(createHandler),

  delete: authedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/links/{linkId}', tags, summary: 'Remove a link (EDIT on its source)' } })
    .input(ZDeleteLinkInput)
    .output(ZOk)
    .mutation(deleteHandler),
});
