// The API reference of this repository (docs/api.md), generated from the router:
// every procedure with its REST method and path, its input fields and what it can
// answer besides success. `npm run docs` writes it; a test keeps it current.
import { z } from 'zod';
import { ERROR_CODES } from '@ap/core/shared/errors';
import { openApiDocument } from './openapi.ts';
import { REST_ROUTES } from './rest.ts';
import { appRouter } from './root.ts';

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: z.ZodType[];
  meta?: { openapi?: { method: string; path: string; summary?: string } };
}

type JsonSchema = { properties?: Record<string, unknown>; required?: string[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

const SUBSCRIPTIONS: Record<string, string> = {
  'notifications.onNew': "the caller's new notifications",
  'boards.onEvent': 'changes on one board the caller can view',
  'documents.onStatus': 'status and progress of documents the caller can see',
  'vectorDocuments.onAnswer':
    'the answer of `vectorDocuments.ask` as it is written: `{ type: "delta", text }` events, then one `{ type: "done", answer, citations, mode, model }`',
};

/** Section titles, by the router a procedure belongs to. */
const SECTIONS: [string, string[]][] = [
  ['Users and organizations', ['users', 'organizations']],
  ['Boards and columns', ['boards', 'columns']],
  ['Action points', ['actionPoints']],
  ['Sharing and permissions', ['boardPermissions', 'actionPointShares']],
  ['Collaboration', ['comments', 'tags', 'links']],
  ['Notifications and live events', ['notifications']],
  ['Uploads (Blob Storage)', ['blobStorage']],
  ['Documents', ['documents', 'documentShares', 'audit']],
  ['Attachments', ['attachments']],
  ['Processing, embeddings and retrieval', ['embeddings', 'vectorDocuments']],
  ['AI services', ['ai', 'aiVision', 'documentIntelligence']],
  ['Bot (suggested action points, reviewed by a person before they exist)', ['bot']],
  ['Workflows', ['workflows']],
];

function fieldsOf(def: ProcedureDef): string[] {
  const out: string[] = [];
  for (const input of def.inputs) {
    const walk = (s: JsonSchema) => {
      const required = new Set(s.required ?? []);
      for (const name of Object.keys(s.properties ?? {}))
        if (!out.some((f) => f.replace(/\?$/, '') === name)) out.push(required.has(name) ? name : `${name}?`);
      for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(alt);
    };
    walk(z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  }
  return out;
}

export function renderApiReference(): string {
  const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def.procedures;
  const doc = openApiDocument({ baseUrl: '/api', version: 'reference' }) as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  const routes = new Map(REST_ROUTES.map((r) => [r.name, r]));
  const byStatus = new Map(Object.entries(ERROR_CODES).map(([code, status]) => [String(status), code]));
  const lines: string[] = [
    '# API reference',
    '',
    '<!-- Generated from the router by `npm run docs` (packages/api/src/api-reference.ts); do not edit by hand. -->',
    '',
    'Every procedure is served over tRPC at `/trpc/<name>` (queries GET, mutations POST, subscriptions GET as SSE)',
    'and, except subscriptions, over REST at the path shown (OpenAPI 3.1 at `/openapi.json`, reference at `/docs`).',
    'Authenticate with `Authorization: Bearer <Clerk session JWT>`.',
    '',
    '## Inputs',
    '',
    '- Inputs are strict: an unknown field is a 400 naming it. Text is well-formed (no NUL, no unpaired surrogate).',
    '- Ids are UUIDs, answered in lower case whatever case they were sent in.',
    '- Nothing is converted: a REST body is a JSON object; in a REST query string a boolean is `true` or `false`',
    '  and an integer is decimal (`10`), the only forms read as such.',
    '- `mentions` (comments) takes user ids; `@name` in a body is text and notifies nobody.',
    '',
    '## Errors',
    '',
    'REST: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }`; tRPC: the same `data` under `error`.',
    '',
    '| code | HTTP |',
    '|---|---|',
    ...Object.entries(ERROR_CODES).map(([code, status]) => `| \`${code}\` | ${status} |`),
    '',
    'An unknown REST path is a 404, a known path with another method a 405 (with `Allow`); a database outage is a',
    '503 with `Retry-After`. REST creates answer 201.',
    '',
    'AI procedures (those whose errors list `TOO_MANY_REQUESTS`) answer with `RateLimit-Limit`, `RateLimit-Remaining`',
    'and `RateLimit-Reset` while `AI_REQUESTS_PER_MINUTE` is not 0; over it, or with the daily token budget spent, a 429 with',
    '`Retry-After`. An AI service that is down, slow or refusing, or whose circuit is open, is a 503 with `Retry-After`.',
    '',
    '## Procedures (tRPC name → REST)',
  ];
  const placed = new Set<string>();
  for (const [title, routers] of SECTIONS) {
    lines.push('', title);
    for (const [name, p] of Object.entries(procedures)) {
      if (!routers.includes(name.split('.')[0]!)) continue;
      placed.add(name);
      const fields = fieldsOf(p._def);
      const input = fields.length ? `; input: ${fields.map((f) => `\`${f}\``).join(', ')}` : '';
      if (p._def.type === 'subscription') {
        lines.push(`- \`${name}\` — tRPC subscription (SSE), ${SUBSCRIPTIONS[name] ?? 'live events'}${input}`);
        continue;
      }
      const route = routes.get(name);
      if (!route) {
        lines.push(`- \`${name}\` — tRPC ${p._def.type} only${input}`);
        continue;
      }
      const responses = Object.keys(doc.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {});
      const errors = responses.filter((s) => Number(s) >= 400).map((s) => byStatus.get(s) ?? s);
      const summary = p._def.meta?.openapi?.summary;
      lines.push(
        `- \`${name}\` → \`${route.method} /api${route.path}\`${summary ? ` (${summary})` : ''}${input}; ` +
          `${route.creates ? '201' : '200'}, errors: ${errors.map((e) => `\`${e}\``).join(', ')}`,
      );
    }
  }
  const unplaced = Object.keys(procedures).filter((n) => !placed.has(n));
  if (unplaced.length) throw new Error(`api-reference: no section for ${unplaced.join(', ')}`);
  lines.push('');
  return lines.join('\n');
}
