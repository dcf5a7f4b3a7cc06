import { generateOpenApiDocument } from 'trpc-to-openapi';
import { ERROR_CODES, type ErrorCode } from '@ap/core/shared/errors';
import { REST_ROUTES, type RestRoute } from './rest.ts';
import { appRouter } from './root.ts';
import { isAiProcedure } from './trpc.ts';

type Json = Record<string, unknown>;
type Operation = { responses?: Record<string, Json>; parameters?: ({ name: string } & Json)[]; requestBody?: Json; [k: string]: unknown };

const ERROR_DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'Invalid input: `data.fields` names each failing field (a body must be a JSON object)',
  UNAUTHORIZED: 'No valid session token',
  FORBIDDEN: 'You can see the resource but your level does not allow this',
  NOT_FOUND: 'A resource named by the input does not exist or is not visible to you',
  CONFLICT: 'A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry',
  PAYLOAD_TOO_LARGE: 'The body, or a stored file it names, exceeds the size limit',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not application/json, or a stored file it names is of a type the operation does not read',
  TOO_MANY_REQUESTS:
    'Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header',
  INTERNAL_SERVER_ERROR: 'Internal server error',
  SERVICE_UNAVAILABLE: 'The database or an AI service is unavailable: retry after the `Retry-After` header',
};

/** Every POST (a mutation) takes an Idempotency-Key: a repeat with the same key and body replays the first response. */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' } });
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': integerHeader('The limit: requests per minute (or tokens per day, when the budget refused the request)'),
  'RateLimit-Remaining': integerHeader('What is left of it'),
  'RateLimit-Reset': integerHeader('Seconds until it resets'),
};

function errorResponseHeaders(code: ErrorCode): Json | undefined {
  const retryAfter = { 'Retry-After': integerHeader('Seconds to wait before retrying') };
  if (code === 'SERVICE_UNAVAILABLE') return retryAfter;
  if (code === 'TOO_MANY_REQUESTS') return { ...retryAfter, ...RATE_LIMIT_HEADERS };
  return undefined;
}

const errorSchemaName = (code: ErrorCode) => `Error.${code}`;

/** The REST error body, one schema per code (the code and status are constants). */
function errorSchema(code: ErrorCode): Json {
  return {
    type: 'object',
    description: 'Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }`',
    properties: {
      message: { type: 'string' },
      code: { type: 'string', const: code },
      data: {
        type: 'object',
        properties: {
          code: { type: 'string', const: code },
          httpStatus: { type: 'integer', const: ERROR_CODES[code] },
          path: { type: 'string', description: 'The procedure, e.g. `boards.update`' },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              properties: { path: { type: 'string' }, message: { type: 'string' } },
              required: ['path', 'message'],
              additionalProperties: false,
            },
          },
          requestId: { type: 'string', description: 'Also in the `X-Request-Id` header' },
        },
        required: ['code', 'httpStatus'],
        additionalProperties: false,
      },
    },
    required: ['message', 'code', 'data'],
    additionalProperties: false,
  };
}

const PROCEDURES = (
  appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; inputs: unknown[]; middlewares: unknown[] } }> } }
)._def.procedures;

const takesIds = (op: Operation) => {
  const names = [
    ...(op.parameters ?? []).map((p) => p.name),
    ...Object.keys(
      ((op.requestBody?.content as Json | undefined)?.['application/json'] as { schema?: { properties?: Json } } | undefined)?.schema
        ?.properties ?? {},
    ),
  ];
  return names.some((n) => /(^id$|Id$|Ids$)/.test(n) && n !== 'lastEventId');
};

/** What an operation can answer besides success, from how the bridge and the procedure work. */
export function errorCodesOf(route: RestRoute, op: Operation): ErrorCode[] {
  const def = PROCEDURES[route.name]!._def;
  const codes: ErrorCode[] = [];
  if (def.inputs.length > 0 || route.from === 'body') codes.push('BAD_REQUEST');
  codes.push('UNAUTHORIZED'); // every procedure needs a session token
  if (takesIds(op)) codes.push('FORBIDDEN', 'NOT_FOUND');
  // Stale versions, duplicates, placement races and deadlocks of concurrent changes.
  if (def.type === 'mutation') codes.push('CONFLICT');
  if (route.from === 'body') codes.push('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  if (isAiProcedure(def)) codes.push('TOO_MANY_REQUESTS');
  codes.push('INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE');
  return codes;
}

export function openApiDocument(opts: { baseUrl: string; version: string }) {
  const doc = generateOpenApiDocument(appRouter, {
    title: 'Action Points API',
    description:
      'REST bridge of the tRPC procedures. Authenticate with `Authorization: Bearer <Clerk session JWT>`. ' +
      'Errors have one shape: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` ' +
      '(`fields` lists the failing input fields). Bodies are JSON objects; query-string booleans are `true`/`false` and ' +
      'integers are decimal, nothing else is converted. Creates answer 201. Lists are keyset-paginated: `cursor`, `limit` (default 50, max 200) → ' +
      '`{ items, nextCursor }`. Live events (`boards.onEvent`, `notifications.onNew`) are tRPC subscriptions over SSE at `/trpc`.',
    version: opts.version,
    baseUrl: opts.baseUrl,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  }) as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };

  // Error responses: generated per operation from what it can return, in the real body shape.
  const schemas = doc.components.schemas;
  for (const name of Object.keys(schemas)) if (name.startsWith('error.')) delete schemas[name];
  const used = new Set<ErrorCode>();
  for (const route of REST_ROUTES) {
    const op = doc.paths[route.path]?.[route.method.toLowerCase()];
    if (!op?.responses) continue;
    const success = op.responses['200'];
    const responses: Record<string, Json> = {};
    if (success) responses[route.creates ? '201' : '200'] = route.creates ? { ...success, description: 'Created' } : success;
    for (const code of errorCodesOf(route, op)) {
      used.add(code);
      const headers = errorResponseHeaders(code);
      responses[String(ERROR_CODES[code])] = {
        description: ERROR_DESCRIPTIONS[code] ?? code,
        ...(headers ? { headers } : {}),
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${errorSchemaName(code)}` } } },
      };
    }
    op.responses = responses;
    if (route.method === 'POST') op.parameters = [...(op.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
  }
  for (const code of used) schemas[errorSchemaName(code)] = errorSchema(code);
  return doc;
}
