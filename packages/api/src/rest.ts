// The REST bridge: every procedure with `meta.openapi` served at its method and path.
// Routing, input assembly and error bodies are done here, over a tRPC caller, so that:
// - inputs are never coerced, except REST query-string values of boolean and integer
//   fields written exactly (`true`/`false`, decimal integers); schemas are never changed;
// - a body is a JSON object (anything else is a 400 saying so);
// - an unknown path is a JSON 404, a known path with another method a JSON 405,
//   both with the request id;
// - creates answer 201.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { AppError, type FieldIssue } from '@ap/core/shared/errors';
import type { Context } from './context.ts';
import { appRouter } from './root.ts';
import { createCallerFactory, errorHeaders, toAppError } from './trpc.ts';

type FieldKind = 'boolean' | 'integer' | 'number' | 'array';

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: z.ZodType[];
  meta?: { openapi?: { method: string; path: string } };
}

export interface RestRoute {
  /** Procedure name, e.g. `boards.create`. */
  name: string;
  method: string;
  /** The path template below the REST base, e.g. `/boards/{boardId}`. */
  path: string;
  /** Fields taken from the query string (GET, DELETE) or the JSON body (the others). */
  from: 'query' | 'body';
  /** Answers 201 on success. */
  creates: boolean;
  /** How query-string values of non-text fields are read. */
  kinds: Record<string, FieldKind>;
  segments: string[];
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/**
 * Procedures that make a new resource (REST answers 201 Created): `bot.suggest` stores a
 * new interaction; `embeddings.create` computes vectors and stores nothing.
 */
export const isCreate = (name: string) =>
  (/\.(create|createUpload|createRule|addToBoard)$/.test(name) && name !== 'embeddings.create') || name === 'bot.suggest';

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; properties?: Record<string, JsonSchema> };

function kindOf(s: JsonSchema): FieldKind | null {
  const types = new Set<string>();
  const walk = (x: JsonSchema) => {
    for (const t of Array.isArray(x.type) ? x.type : x.type ? [x.type] : []) types.add(t);
    for (const alt of [...(x.anyOf ?? []), ...(x.oneOf ?? [])]) walk(alt);
  };
  walk(s);
  if (types.has('string')) return null;
  if (types.has('array')) return 'array';
  if (types.has('boolean')) return 'boolean';
  if (types.has('integer')) return 'integer';
  if (types.has('number')) return 'number';
  return null;
}

function inputKinds(def: ProcedureDef): Record<string, FieldKind> {
  const kinds: Record<string, FieldKind> = {};
  for (const input of def.inputs) {
    const collect = (s: JsonSchema) => {
      for (const [field, fs] of Object.entries(s.properties ?? {})) {
        const k = kindOf(fs);
        if (k) kinds[field] = k;
      }
      for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) collect(alt);
    };
    collect(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  }
  return kinds;
}

const PROCEDURES = (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures;

/** Every REST operation, static segments before parameters (so `/notifications/read-all` wins). */
export const REST_ROUTES: RestRoute[] = Object.entries(PROCEDURES)
  .filter(([, p]) => p._def.meta?.openapi && p._def.type !== 'subscription')
  .map(([name, p]) => {
    const { method, path } = p._def.meta!.openapi!;
    return {
      name,
      method,
      path,
      from: BODY_METHODS.has(method) ? ('body' as const) : ('query' as const),
      creates: method === 'POST' && isCreate(name),
      kinds: inputKinds(p._def),
      segments: path.split('/').filter(Boolean),
    };
  })
  .sort((a, b) => a.segments.filter((s) => s.startsWith('{')).length - b.segments.filter((s) => s.startsWith('{')).length);

function matchPath(route: RestRoute, parts: string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i]!;
    if (seg.startsWith('{')) params[seg.slice(1, -1)] = parts[i]!;
    else if (seg !== parts[i]) return null;
  }
  return params;
}

function splitPath(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** The route a request reaches: the route, or the methods its path allows (empty: no such path). */
export function findRoute(method: string, pathname: string): { route: RestRoute; params: Record<string, string> } | { allowed: string[] } {
  const parts = splitPath(pathname);
  if (!parts) return { allowed: [] };
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const route of REST_ROUTES) {
    const params = matchPath(route, parts);
    if (!params) continue;
    if (route.method === wanted) return { route, params };
    allowed.push(route.method);
  }
  return { allowed };
}

/** The metrics label of a REST path: its template, or one label for anything unmatched. */
export function restRouteLabel(method: string, pathname: string): string {
  const found = findRoute(method, pathname);
  return 'route' in found ? found.route.path : ':unmatched';
}

const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;
const DECIMAL_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A query-string value read for its field: exact forms only, anything else left as text (and refused by the schema). */
function fromQuery(kind: FieldKind | undefined, values: string[]): unknown {
  if (kind === 'array') return values;
  const v = values.length === 1 ? values[0]! : values;
  if (typeof v !== 'string') return v;
  if (kind === 'boolean') return v === 'true' ? true : v === 'false' ? false : v;
  if (kind === 'integer') return DECIMAL_INTEGER.test(v) ? Number(v) : v;
  if (kind === 'number') return DECIMAL_NUMBER.test(v) ? Number(v) : v;
  return v;
}

function queryInput(route: RestRoute, url: URL): Record<string, unknown> {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) {
    const list = grouped.get(k);
    if (list) list.push(v);
    else grouped.set(k, [v]);
  }
  const input: Record<string, unknown> = {};
  for (const [k, values] of grouped) input[k] = fromQuery(route.kinds[k], values);
  return input;
}

const bodyError = (message: string, fieldMessage: string) =>
  new AppError('BAD_REQUEST', message, { fields: [{ path: '(body)', message: fieldMessage } satisfies FieldIssue] });

/**
 * The parsed body, which must be a JSON object. A request without one (e.g.
 * `PUT /api/action-points/{id}/tags/{tagId}`) counts as `{}`, so such calls need no
 * Content-Type; another media type is a 415.
 */
async function readBody(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  const type = req.headers.get('content-type');
  if (!text && !type) return {};
  if (!type?.toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Unsupported content-type "${type ?? ''}": send application/json`);
  }
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw bodyError('The request body is not valid JSON', 'not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    const got = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body;
    throw bodyError(`The request body must be a JSON object, got ${got}`, `expected an object, got ${got}`);
  }
  return body as Record<string, unknown>;
}

/** The REST error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }`. */
export function restErrorBody(app: AppError, o: { path?: string; requestId?: string; production: boolean }) {
  return {
    message: app.code === 'INTERNAL_SERVER_ERROR' && o.production ? 'Internal server error' : app.message,
    code: app.code,
    data: {
      code: app.code,
      httpStatus: app.status,
      ...(o.path ? { path: o.path } : {}),
      ...(app.details?.fields ? { fields: app.details.fields } : {}),
      ...(o.requestId ? { requestId: o.requestId } : {}),
    },
  };
}

function errorResponse(app: AppError, o: { path?: string; requestId?: string; production: boolean; headers?: Record<string, string> }) {
  const headers = new Headers(o.headers);
  for (const [name, value] of Object.entries(errorHeaders(app))) headers.set(name, value);
  return Response.json(restErrorBody(app, o), { status: app.status, headers });
}

const createCaller = createCallerFactory(appRouter);

/** Serves the REST bridge (every procedure with `meta.openapi`) under `endpoint`. */
export async function handleRest(req: Request, endpoint: `/${string}`, createContext: () => Context): Promise<Response> {
  const url = new URL(req.url);
  const pathname = url.pathname.slice(endpoint.length) || '/';
  const found = findRoute(req.method, pathname);
  const ctx = createContext();
  const production = ctx.deps.env.NODE_ENV === 'production';
  const requestId = ctx.requestId;
  if (!('route' in found)) {
    if (found.allowed.length) {
      return errorResponse(
        new AppError('METHOD_NOT_SUPPORTED', `${req.method} is not supported on ${endpoint}${pathname}: use ${found.allowed.join(', ')}`),
        { requestId, production, headers: { Allow: found.allowed.join(', ') } },
      );
    }
    return errorResponse(new AppError('NOT_FOUND', `No route for ${req.method} ${endpoint}${pathname}`), { requestId, production });
  }
  const { route, params } = found;
  try {
    const input = route.from === 'body' ? { ...(await readBody(req)), ...params } : { ...queryInput(route, url), ...params };
    let fn: unknown = createCaller(ctx);
    for (const part of route.name.split('.')) fn = (fn as Record<string, unknown>)[part];
    const data = await (fn as (i: unknown) => Promise<unknown>)(input);
    const headers = ctx.responseHeaders ?? {};
    if (data === undefined) return new Response(null, { status: 204, headers });
    return Response.json(data, { status: route.creates ? 201 : 200, headers });
  } catch (err) {
    const app = err instanceof TRPCError || !(err instanceof AppError) ? toAppError(err) : err;
    if (app.status >= 500 && !(err instanceof TRPCError)) ctx.log?.error({ err, path: route.name }, 'REST request failed');
    return errorResponse(app, {
      path: route.name,
      requestId,
      production,
      ...(ctx.responseHeaders ? { headers: ctx.responseHeaders } : {}),
    });
  }
}
