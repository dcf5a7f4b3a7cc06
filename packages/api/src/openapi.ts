import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from './root.ts';

export function openApiDocument(opts: { baseUrl: string; version: string }) {
  return generateOpenApiDocument(appRouter, {
    title: 'Action Points API',
    description:
      'REST bridge of the tRPC procedures. Authenticate with `Authorization: Bearer <Clerk session JWT>`. ' +
      'Errors have one shape: `{ message, code, issues? }`; lists are keyset-paginated (`cursor`, `limit`).',
    version: opts.version,
    baseUrl: opts.baseUrl,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  });
}
