import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import type { Context } from './context.ts';
import { appRouter } from './root.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request without a body (e.g. `PUT /api/action-points/{id}/tags/{tagId}`) is
 * treated as an empty JSON object, so such calls need no `Content-Type`.
 */
function withEmptyJsonBody(req: Request): Request {
  if (!BODY_METHODS.has(req.method) || req.headers.get('content-type')) return req;
  const length = req.headers.get('content-length');
  if (req.body !== null && length !== '0') return req;
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Request(req.url, { method: req.method, headers, body: '{}', signal: req.signal });
}

/** Serves the REST bridge (every procedure with `meta.openapi`) under `endpoint`. */
export function handleRest(req: Request, endpoint: `/${string}`, createContext: () => Context): Promise<Response> {
  return createOpenApiFetchHandler({
    endpoint,
    router: appRouter,
    req: withEmptyJsonBody(req),
    createContext,
  } as Parameters<typeof createOpenApiFetchHandler<typeof appRouter>>[0]);
}
