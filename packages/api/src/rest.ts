// The REST bridge: trpc-to-openapi's handler, built once (its fetch adapter builds
// it, and re-validates the whole router, on every request) and fed a Request.
import { TRPCError } from '@trpc/server';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import type { Context } from './context.ts';
import { appRouter } from './root.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CONTEXT = Symbol('context');

type BridgeRequest = Request & { [CONTEXT]: () => Context };

const handler = createOpenApiNodeHttpHandler({
  router: appRouter,
  createContext: ({ req }: { req: unknown }) => (req as BridgeRequest)[CONTEXT](),
} as never) as unknown as (req: BridgeRequest, res: unknown) => Promise<void>;

/**
 * The parsed body. A request without one (e.g. `PUT /api/action-points/{id}/tags/{tagId}`)
 * counts as `{}`, so such calls need no Content-Type; another media type is a 415.
 */
async function readBody(req: Request): Promise<unknown> {
  if (!BODY_METHODS.has(req.method)) return undefined;
  const text = await req.text();
  const type = req.headers.get('content-type');
  if (!text && !type) return {};
  if (!type?.toLowerCase().startsWith('application/json')) {
    throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: `Unsupported content-type "${type ?? ''}": send application/json` });
  }
  try {
    return text ? JSON.parse(text) : {};
  } catch (cause) {
    throw new TRPCError({ code: 'PARSE_ERROR', message: 'The request body is not valid JSON', cause });
  }
}

/** Serves the REST bridge (every procedure with `meta.openapi`) under `endpoint`. */
export async function handleRest(req: Request, endpoint: `/${string}`, createContext: () => Context): Promise<Response> {
  const url = new URL(req.url);
  url.pathname = url.pathname.slice(endpoint.length) || '/';
  let body: unknown;
  try {
    body = await readBody(req);
  } catch (err) {
    const e = err as TRPCError;
    const status = e.code === 'UNSUPPORTED_MEDIA_TYPE' ? 415 : 400;
    const code = e.code === 'UNSUPPORTED_MEDIA_TYPE' ? e.code : 'BAD_REQUEST';
    const requestId = createContext().requestId;
    return Response.json(
      { message: e.message, code, data: { code, httpStatus: status, ...(requestId ? { requestId } : {}) } },
      { status },
    );
  }
  const headers = new Headers(req.headers);
  if (body !== undefined) headers.set('content-type', 'application/json');
  // The handler reads `url`, `body` and `headers` of what it is given; the rest is the Request.
  const bridgeReq = new Proxy(req, {
    get(target, prop) {
      if (prop === 'url') return url.toString();
      if (prop === 'body') return body;
      if (prop === 'headers') return headers;
      if (prop === CONTEXT) return createContext;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as BridgeRequest;

  return new Promise<Response>((resolve, reject) => {
    const resHeaders = new Headers();
    let statusCode = 200;
    const res = {
      setHeader(key: string, value: string | string[]) {
        if (typeof value === 'string') resHeaders.set(key, value);
        else for (const v of value) resHeaders.append(key, v);
      },
      get statusCode() {
        return statusCode;
      },
      set statusCode(code: number) {
        statusCode = code;
      },
      end(payload?: string) {
        resolve(new Response(statusCode === 204 ? null : payload, { headers: resHeaders, status: statusCode }));
      },
    };
    handler(bridgeReq, res).catch(reject);
  });
}
