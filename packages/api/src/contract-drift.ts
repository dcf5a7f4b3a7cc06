// The breaking changes between two OpenAPI documents: what a client written against
// `before` would trip over in `after`. Breaking: a removed operation; a removed or
// retyped response field (a type the client did not expect, null included); a new
// required input; an input field removed (inputs are strict, so sending it becomes
// a 400) or accepting less than it did. Everything else is additive and passes: new
// operations, new optional inputs, new response fields, inputs that accept more.
type Json = Record<string, unknown>;
type Schema = Json & {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
export interface OpenApiDoc {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const MAX_DEPTH = 12;

function resolver(doc: OpenApiDoc) {
  return (s: Schema | undefined): Schema | undefined => {
    for (let i = 0; s?.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')];
    return s;
  };
}

/** The alternatives of a union, flattened (allOf is taken as one schema: its parts' properties merged). */
function alternatives(s: Schema | undefined, resolve: ReturnType<typeof resolver>): Schema[] {
  const r = resolve(s);
  if (!r) return [];
  const alts = r.anyOf ?? r.oneOf;
  if (alts) return alts.flatMap((a) => alternatives(a, resolve));
  if (r.allOf) {
    const parts = r.allOf.map(resolve).filter((p): p is Schema => !!p);
    return [
      {
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      },
    ];
  }
  return [r];
}

/** The JSON types a schema allows (`any` when it says nothing); integer counts as number. */
function types(s: Schema | undefined, resolve: ReturnType<typeof resolver>): Set<string> {
  const out = new Set<string>();
  for (const alt of alternatives(s, resolve)) {
    const declared = alt.type === undefined ? [] : Array.isArray(alt.type) ? alt.type : [alt.type];
    const values = alt.const !== undefined ? [alt.const] : alt.enum;
    if (declared.length) for (const t of declared) out.add(t === 'integer' ? 'number' : t);
    else if (values) for (const v of values) out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    else if (alt.properties) out.add('object');
    else out.add('any');
    if (alt.nullable) out.add('null');
  }
  return out.size ? out : new Set(['any']);
}

function properties(s: Schema | undefined, resolve: ReturnType<typeof resolver>): { props: Map<string, Schema>; required: Set<string> } {
  const props = new Map<string, Schema>();
  const required = new Set<string>();
  const alts = alternatives(s, resolve).filter((a) => a.properties);
  for (const alt of alts) for (const [k, v] of Object.entries(alt.properties ?? {})) if (!props.has(k)) props.set(k, v);
  // A field is required when every alternative requires it.
  for (const k of props.keys()) if (alts.length && alts.every((a) => a.required?.includes(k))) required.add(k);
  return { props, required };
}

function itemsOf(s: Schema | undefined, resolve: ReturnType<typeof resolver>): Schema | undefined {
  return alternatives(s, resolve).find((a) => a.items)?.items;
}

const subset = (a: Set<string>, b: Set<string>) => b.has('any') || [...a].every((t) => b.has(t));
const show = (s: Set<string>) => [...s].sort().join(' | ');

interface Side {
  doc: OpenApiDoc;
  resolve: ReturnType<typeof resolver>;
}

/** A response schema: every field the client saw is still there, with no type it did not expect. */
function compareOutput(
  at: string,
  before: Schema | undefined,
  after: Schema | undefined,
  b: Side,
  a: Side,
  out: string[],
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  const tb = types(before, b.resolve);
  const ta = types(after, a.resolve);
  if (!tb.has('any') && !subset(ta, tb)) {
    out.push(`${at}: response field retyped from ${show(tb)} to ${show(ta)}`);
    return;
  }
  if (tb.has('object')) {
    const pb = properties(before, b.resolve);
    const pa = properties(after, a.resolve);
    for (const [name, schema] of pb.props) {
      if (!pa.props.has(name)) out.push(`${at}.${name}: response field removed`);
      else {
        if (pb.required.has(name) && !pa.required.has(name)) out.push(`${at}.${name}: response field may now be missing`);
        compareOutput(`${at}.${name}`, schema, pa.props.get(name), b, a, out, depth + 1);
      }
    }
  }
  if (tb.has('array')) compareOutput(`${at}[]`, itemsOf(before, b.resolve), itemsOf(after, a.resolve), b, a, out, depth + 1);
}

/** An input schema: what clients sent is still accepted, and nothing new is required. */
function compareInput(at: string, before: Schema | undefined, after: Schema | undefined, b: Side, a: Side, out: string[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  const tb = types(before, b.resolve);
  const ta = types(after, a.resolve);
  if (!ta.has('any') && !subset(tb, ta)) {
    out.push(`${at}: input accepts ${show(ta)} where it accepted ${show(tb)}`);
    return;
  }
  if (ta.has('object')) {
    const pb = properties(before, b.resolve);
    const pa = properties(after, a.resolve);
    for (const name of pa.required) if (!pb.required.has(name)) out.push(`${at}.${name}: new required input`);
    for (const [name, schema] of pb.props) {
      if (!pa.props.has(name)) out.push(`${at}.${name}: input field removed`);
      else compareInput(`${at}.${name}`, schema, pa.props.get(name), b, a, out, depth + 1);
    }
  }
  if (ta.has('array') && tb.has('array'))
    compareInput(`${at}[]`, itemsOf(before, b.resolve), itemsOf(after, a.resolve), b, a, out, depth + 1);
}

const jsonBody = (c: Record<string, { schema?: Schema }> | undefined) => c?.['application/json']?.schema;

function successResponse(op: Operation): Schema | undefined {
  const code = Object.keys(op.responses ?? {}).find((c) => /^2\d\d$/.test(c));
  return code ? jsonBody(op.responses?.[code]?.content) : undefined;
}

export function breakingChanges(beforeDoc: OpenApiDoc, afterDoc: OpenApiDoc): string[] {
  const b: Side = { doc: beforeDoc, resolve: resolver(beforeDoc) };
  const a: Side = { doc: afterDoc, resolve: resolver(afterDoc) };
  const out: string[] = [];
  for (const [path, item] of Object.entries(beforeDoc.paths ?? {})) {
    for (const method of METHODS) {
      const before = item[method];
      if (!before) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const after = afterDoc.paths?.[path]?.[method];
      if (!after) {
        out.push(`${name}: operation removed`);
        continue;
      }
      const paramsBefore = new Map((before.parameters ?? []).map((p) => [`${p.in}:${p.name}`, p]));
      for (const p of after.parameters ?? []) {
        const old = paramsBefore.get(`${p.in}:${p.name}`);
        if (p.required && !old?.required) out.push(`${name}: new required ${p.in} parameter ${p.name}`);
        if (old) compareInput(`${name} ${p.in} ${p.name}`, old.schema, p.schema, b, a, out);
      }
      const afterParams = new Set((after.parameters ?? []).map((p) => `${p.in}:${p.name}`));
      for (const key of paramsBefore.keys()) if (!afterParams.has(key)) out.push(`${name}: parameter ${key.replace(':', ' ')} removed`);
      const bodyBefore = jsonBody(before.requestBody?.content);
      const bodyAfter = jsonBody(after.requestBody?.content);
      if (bodyAfter && !bodyBefore && after.requestBody?.required) out.push(`${name}: new required body`);
      if (bodyBefore && bodyAfter) compareInput(`${name} body`, bodyBefore, bodyAfter, b, a, out);
      if (bodyBefore && !bodyAfter) out.push(`${name}: body no longer accepted`);
      compareOutput(`${name} response`, successResponse(before), successResponse(after), b, a, out);
    }
  }
  return out;
}
