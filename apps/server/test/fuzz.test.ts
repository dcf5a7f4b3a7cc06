// Schema fuzzing over the whole router, generated from each procedure's input
// schema (router-walk.ts): inputs that start from a valid one and replace, drop or
// add fields with hostile values — boundary numbers, huge strings, NUL bytes,
// Unicode edge cases, `__proto__` keys, wrong types, random and other users' ids —
// sent over tRPC and REST, by the owner of the fixture's resources and by a
// stranger. Nothing answers 5xx or shows internals (the server runs as in
// production). A new procedure is fuzzed without this file being edited.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { callCode, createFixture, inputFor, inputSchema, procedures, type Fixture, type ProcedureDef } from './router-walk.ts';

/** Inputs per procedure and transport. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const INTERNALS =
  /Invalid `prisma|PrismaClient|node_modules|\n\s+at |"stack"|\bP20\d\d\b|syntax error at|violates .* constraint|TypeError|ReferenceError/;

let h: Harness;
let fx: Fixture;
const counts = new Map<string, { trpc: number; rest: number; statuses: Record<string, number> }>();

beforeAll(async () => {
  h = await startHarness({ NODE_ENV: 'production', RUN_WORKER: 'false' });
  fx = await createFixture(h);
}, 60_000);
afterAll(async () => {
  const rows = [...counts].map(([name, c]) => ({ procedure: name, ...c }));
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/fuzz.json', `${JSON.stringify(rows, null, 2)}\n`);
  await h?.close();
});

/** An object with `__proto__` as an own key, as JSON.parse makes it (an object literal would set the prototype). */
const protoKeyed = (value: unknown) =>
  JSON.parse(`{"__proto__": ${JSON.stringify(value)}, "constructor": {"prototype": {"polluted": true}}}`);

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFF',
    '\uFEFFbom',
    '\u202Eevil',
    'e\u0301'.repeat(400),
    '👩🏽‍🚀'.repeat(300),
    'x'.repeat(100_000),
    `'; DROP TABLE "User"; --`,
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '%00%2e%2e',
    '{"$gt": ""}',
    'NaN',
    '-1',
    '2026-13-45T99:99:99Z',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue = (ids: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.array(hostileString, { maxLength: 3 }),
    fc.array(fc.constantFrom(...ids), { maxLength: 70 }),
    hostileString.map(protoKeyed),
    fc.constant(JSON.parse('['.repeat(200) + ']'.repeat(200))),
  );

/** Inputs for one procedure: its valid input with fields kept, replaced, dropped or added, or something else entirely. */
function inputs(def: ProcedureDef, valid: Record<string, unknown>, ids: string[]): fc.Arbitrary<unknown> {
  const fields = [...new Set([...Object.keys(inputSchema(def).properties ?? {}), ...Object.keys(valid)])];
  const field = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(valid[name]) },
      { weight: 3, arbitrary: hostileValue(ids) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  const edited = fc
    .tuple(
      fc.tuple(...fields.map(field)),
      fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField'), hostileValue(ids))),
    )
    .map(([values, extra]) => {
      const out: Record<string, unknown> = {};
      fields.forEach((name, i) => {
        if (values[i] !== undefined) out[name] = values[i];
      });
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return out;
    });
  if (!fields.length) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileValue(ids) });
  // One field changed: the rest valid, so the input gets past validation of the others, into the handler.
  const oneChanged = fc.tuple(fc.constantFrom(...fields), hostileValue(ids)).map(([name, value]) => {
    const out: Record<string, unknown> = { ...valid };
    Object.defineProperty(out, name, { value, enumerable: true, configurable: true, writable: true });
    return out;
  });
  return fc.oneof(
    { weight: 4, arbitrary: oneChanged },
    { weight: 4, arbitrary: edited },
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: hostileValue(ids) },
  );
}

/** Percent-encodes a path segment; an ill-formed string's lone surrogates become the bytes of one (invalid UTF-8), as a hostile client may send. */
const segment = (v: string) =>
  encodeURIComponent(v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')).replace(
    /%EF%BF%BD/g,
    '%ED%A0%80',
  );

function restCall(def: ProcedureDef, input: unknown): { method: string; path: string; body?: string } {
  const { method, path } = def.meta!.openapi!;
  const rest: Record<string, unknown> = input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as object) } : {};
  const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = rest[key];
    delete rest[key];
    return segment(typeof v === 'string' ? v : JSON.stringify(v ?? ''));
  });
  const url = `/api${filled}`;
  if (method === 'GET' || method === 'DELETE') {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(rest)) {
      if (Array.isArray(v)) for (const x of v) qs.append(k, typeof x === 'string' ? x : JSON.stringify(x));
      else if (v !== undefined) qs.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
    const q = qs.toString();
    return { method, path: q ? `${url}?${q}` : url };
  }
  return {
    method,
    path: url,
    body: input && typeof input === 'object' && !Array.isArray(input) ? JSON.stringify(rest) : JSON.stringify(input),
  };
}

async function send(method: string, path: string, token: string, body?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, text: await res.text() };
}

function count(name: string, transport: 'trpc' | 'rest', status: number | string) {
  const c = counts.get(name) ?? { trpc: 0, rest: 0, statuses: {} };
  c[transport]++;
  c.statuses[String(status)] = (c.statuses[String(status)] ?? 0) + 1;
  counts.set(name, c);
}

describe('schema fuzzing: no 5xx and no internals on any procedure', () => {
  it('covers every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThan(50);
  });

  describe.each(procedures)('$name', ({ name, def }) => {
    it('tRPC and REST, as the owner and as a stranger', async () => {
      const valid = inputFor(name, def, fx);
      const ids = Object.values(fx.ids);
      await fc.assert(
        fc.asyncProperty(inputs(def, valid, ids), fc.boolean(), async (input, asStranger) => {
          const token = asStranger ? fx.stranger.token : fx.owner.token;
          if (def.type === 'subscription') {
            const code = await callCode(h, token, name, def, input);
            count(name, 'trpc', code);
            expect(code, `${name} ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe('INTERNAL_SERVER_ERROR');
            return;
          }
          const json = JSON.stringify(input ?? null);
          const trpc =
            def.type === 'query'
              ? await send('GET', `/trpc/${name}?input=${encodeURIComponent(json)}`, token)
              : await send('POST', `/trpc/${name}`, token, json);
          count(name, 'trpc', trpc.status);
          expect(trpc.status, `tRPC ${name} ${json.slice(0, 300)} → ${trpc.text.slice(0, 300)}`).toBeLessThan(500);
          expect(trpc.text).not.toMatch(INTERNALS);
          if (!def.meta?.openapi) return;
          const call = restCall(def, input);
          const rest = await send(call.method, call.path, token, call.body);
          count(name, 'rest', rest.status);
          expect(
            rest.status,
            `REST ${call.method} ${call.path.slice(0, 200)} ${call.body?.slice(0, 300)} → ${rest.text.slice(0, 300)}`,
          ).toBeLessThan(500);
          expect(rest.text).not.toMatch(INTERNALS);
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  });
});
