// The procedures of one kind of grant (board permissions, action-point shares):
// list, grant and revoke, with the resource's id field and the grantor's field named
// as that kind's public schema names them.
import { z } from 'zod';
import { grant, listGrants, revoke, type GrantKind, type GrantRow } from '@ap/core/access/grants';
import type { Level } from '@ap/core/access/rules';
import { toPublicUser } from '@ap/core/identity/users';
import { paginated, ZId, ZIsoDate, ZLevel, ZOk, ZPaginationInput, ZPublicUser } from '../../schemas.ts';
import { authedProcedure, type AuthedContext } from '../../trpc.ts';

interface GrantProceduresOptions<R extends string, G extends string> {
  kind: GrantKind;
  /** The resource's id field, in inputs, outputs and the REST path ("boardId"). */
  resource: R;
  /** Who gave the grant, in outputs ("grantedById"). */
  grantor: G;
  /** OpenAPI schema name of a grant ("BoardPermission"). */
  schemaId: string;
  /** REST path of the grants of one resource ("/boards/{boardId}/permissions"). */
  path: `/${string}`;
  tags: string[];
  summaries: { list: string; grant: string; revoke: string };
}

export function grantProcedures<R extends string, G extends string>(o: GrantProceduresOptions<R, G>) {
  const resourceId = { [o.resource]: ZId } as Record<R, typeof ZId>;
  const ZGrant = z
    .object({
      id: z.string(),
      ...({ [o.resource]: z.string() } as Record<R, z.ZodString>),
      userId: z.string(),
      user: ZPublicUser,
      level: ZLevel,
      ...({ [o.grantor]: z.string().nullable() } as Record<G, z.ZodNullable<z.ZodString>>),
      createdAt: ZIsoDate,
      updatedAt: ZIsoDate,
    })
    .meta({ id: o.schemaId });
  const ZList = z.strictObject({ ...resourceId, ...ZPaginationInput.shape });
  const ZGrantInput = z.strictObject({ ...resourceId, userId: ZId, level: ZLevel });
  const ZRevokeInput = z.strictObject({ ...resourceId, userId: ZId });
  // The handlers see the inputs as plain types: zod cannot infer them inside a generic.
  type Resource = Record<R, string>;
  type Args<T> = { ctx: AuthedContext; input: Resource & T };
  const idOf = (input: Resource) => input[o.resource];

  function toOutput(g: GrantRow): z.input<typeof ZGrant> {
    return {
      id: g.id,
      [o.resource]: g.resourceId,
      userId: g.userId,
      user: toPublicUser(g.user),
      level: g.level,
      [o.grantor]: g.grantedById,
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
    } as z.input<typeof ZGrant>;
  }

  async function listHandler({ ctx, input }: Args<{ cursor?: string; limit: number }>) {
    const page = await listGrants(ctx.svc, o.kind, { resourceId: idOf(input), cursor: input.cursor, limit: input.limit });
    return { items: page.items.map(toOutput), nextCursor: page.nextCursor };
  }

  async function grantHandler({ ctx, input }: Args<{ userId: string; level: Level }>) {
    return toOutput(await grant(ctx.svc, o.kind, { resourceId: idOf(input), userId: input.userId, level: input.level }));
  }

  async function revokeHandler({ ctx, input }: Args<{ userId: string }>) {
    await revoke(ctx.svc, o.kind, { resourceId: idOf(input), userId: input.userId });
    return { ok: true as const };
  }

  const tags = o.tags;
  return {
    list: authedProcedure
      .meta({ openapi: { method: 'GET', path: o.path, tags, summary: o.summaries.list } })
      .input(ZList)
      .output(paginated(ZGrant))
      .query(listHandler as never),
    grant: authedProcedure
      .meta({ openapi: { method: 'PUT', path: `${o.path}/{userId}`, tags, summary: o.summaries.grant } })
      .input(ZGrantInput)
      .output(ZGrant)
      .mutation(grantHandler as never),
    revoke: authedProcedure
      .meta({ openapi: { method: 'DELETE', path: `${o.path}/{userId}`, tags, summary: o.summaries.revoke } })
      .input(ZRevokeInput)
      .output(ZOk)
      .mutation(revokeHandler as never),
  };
}
