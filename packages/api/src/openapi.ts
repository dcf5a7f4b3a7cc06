import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from './root.ts';

export function openApiDocument(opts: { baseUrl: string; version: string }) {
  return generateOpenApiDocument(appRouter, {
    title: 'Action Points API',
    description:
      'REST bridge of the tRPC procedures. Authenticate with `Authorization: Bearer <Clerk session JWT>`. ' +
      'Errors have one shape: `{ message, code, data: { code, httpStatus, fields?, requestId } }` ' +
      '(`fields` lists the failing input fields). Lists are keyset-paginated: `cursor`, `limit` (default 50, max 200) → ' +
      '`{ items, nextCursor }`. Live events (`boards.onEvent`, `notifications.onNew`) are tRPC subscriptions over SSE at `/trpc`.',
    version: opts.version,
    baseUrl: opts.baseUrl,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  });
}
