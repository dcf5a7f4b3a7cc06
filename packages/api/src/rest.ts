import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import type { Context } from './context.ts';
import { appRouter } from './root.ts';

/** Serves the REST bridge (every procedure with `meta.openapi`) under `endpoint`. */
export function handleRest(req: Request, endpoint: `/${string}`, createContext: () => Context): Promise<Response> {
  return createOpenApiFetchHandler({
    endpoint,
    router: appRouter,
    req,
    createContext,
  } as Parameters<typeof createOpenApiFetchHandler<typeof appRouter>>[0]);
}
