// A stand-in for OpenAI and Azure OpenAI over real HTTP on loopback, speaking
// their wire format so the real `openai` SDK can be pointed at it:
// - OpenAI: `POST /v1/embeddings`, `POST /v1/chat/completions` with
//   `Authorization: Bearer <apiKey>`;
// - Azure OpenAI: `POST /openai/deployments/{deployment}/embeddings|chat/completions?api-version=…`
//   with an `api-key` header.
// Embeddings are deterministic per text (float or base64 float32); chat answers
// come from a script (non-streaming, SSE streaming with a usage chunk, json_schema
// output). Scripted faults: N× 429 with Retry-After, 5xx, or never answering.
// Every request is recorded, and the most requests in flight at once is kept.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeOpenAiEndpoint = 'embeddings' | 'chat';

export interface FakeOpenAiRequest {
  endpoint: FakeOpenAiEndpoint;
  /** `openai` for /v1/…, `azure` for /openai/deployments/…. */
  flavor: 'openai' | 'azure';
  path: string;
  /** Query string parameters (Azure's `api-version`). */
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  /** Azure deployment from the path. */
  deployment?: string;
  body: Record<string, any>;
  /** Number of inputs of an embeddings request. */
  inputCount?: number;
  /** What the fake did: the HTTP status sent, or `hang`. */
  outcome?: number | 'hang';
}

export type FakeOpenAiFault =
  /** Answer with this status and an OpenAI error body; 429s carry Retry-After when given. */
  | { status: number; retryAfterSeconds?: number; retryAfterMs?: number; code?: string; message?: string }
  /** Read the request and never answer. */
  | { hang: true }
  /** Chat streams only: answer 200, send this many content chunks, then go silent. */
  | { stallAfterChunks: number };

export interface FakeChatReply {
  content?: string;
  refusal?: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** For streaming: the deltas, in order (default: `content` split after spaces). */
  chunks?: string[];
}

export interface FakeOpenAi {
  /** Origin, e.g. http://127.0.0.1:43210: Azure's `endpoint`. */
  url: string;
  /** `${url}/v1`: OpenAI's `baseURL`. */
  baseURL: string;
  apiKey: string;
  requests: FakeOpenAiRequest[];
  /** Most requests being answered at the same moment. */
  maxInFlight: number;
  /** Delay before answering each request (ms). */
  delayMs: number;
  /** Azure deployments that exist; empty: any name. */
  deployments: Set<string>;
  /** The next `times` requests to `endpoint` (or any) get `fault`. */
  failNext(times: number, fault: FakeOpenAiFault, endpoint?: FakeOpenAiEndpoint): void;
  /** Drops every scripted fault not used yet. */
  clearFaults(): void;
  /** Replies for the next chat completions, in order; after them the fake echoes the last user message. */
  replies: FakeChatReply[];
  requestsTo(endpoint: FakeOpenAiEndpoint): FakeOpenAiRequest[];
  close(): Promise<void>;
}

/** The fake's vector for a text: deterministic, unit length, seeded by the text's SHA-256. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const seed = createHash('sha256').update(text).digest();
  let state = seed.readUInt32LE(0) || 1;
  const out = new Array<number>(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const v = state / 0xffffffff - 0.5;
    out[i] = v;
    norm += v * v;
  }
  const scale = 1 / Math.sqrt(norm);
  // Rounded to float32, as the wire carries it.
  return out.map((v) => Math.fround(v * scale));
}

function toBase64Float32(vector: number[]): string {
  const buf = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return buf.toString('base64');
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export async function startFakeOpenAi(opts: { apiKey?: string; deployments?: string[] } = {}): Promise<FakeOpenAi> {
  const apiKey = opts.apiKey ?? `sk-test-${randomUUID()}`;
  const faults: { endpoint: FakeOpenAiEndpoint | undefined; fault: FakeOpenAiFault; left: number }[] = [];
  let server: Server;
  let inFlight = 0;
  const state: FakeOpenAi = {
    url: '',
    baseURL: '',
    apiKey,
    requests: [],
    maxInFlight: 0,
    delayMs: 0,
    deployments: new Set(opts.deployments ?? []),
    replies: [],
    failNext(times, fault, endpoint) {
      faults.push({ endpoint, fault, left: times });
    },
    clearFaults() {
      faults.length = 0;
    },
    requestsTo: (endpoint) => state.requests.filter((r) => r.endpoint === endpoint),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const takeFault = (endpoint: FakeOpenAiEndpoint): FakeOpenAiFault | undefined => {
    const i = faults.findIndex((f) => f.left > 0 && (f.endpoint === undefined || f.endpoint === endpoint));
    if (i < 0) return undefined;
    const f = faults[i]!;
    if (--f.left === 0) faults.splice(i, 1);
    return f.fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://fake-openai');
    const openai = /^\/v1\/(embeddings|chat\/completions)$/.exec(url.pathname);
    const azure = /^\/openai\/deployments\/([^/]+)\/(embeddings|chat\/completions)$/.exec(url.pathname);
    if (req.method !== 'POST' || (!openai && !azure)) {
      return sendError(res, 404, 'not_found', `No route for ${req.method} ${url.pathname}`);
    }
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return sendError(res, 400, 'invalid_json', 'We could not parse the JSON body of your request.');
    }
    const endpoint: FakeOpenAiEndpoint = (openai?.[1] ?? azure![2]) === 'embeddings' ? 'embeddings' : 'chat';
    const record: FakeOpenAiRequest = {
      endpoint,
      flavor: azure ? 'azure' : 'openai',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
      body,
      ...(azure ? { deployment: decodeURIComponent(azure[1]!) } : {}),
      ...(endpoint === 'embeddings' ? { inputCount: Array.isArray(body.input) ? body.input.length : 1 } : {}),
    };
    state.requests.push(record);
    const done = (status: number) => (record.outcome = status);

    if (azure) {
      if (req.headers['api-key'] !== apiKey) {
        done(401);
        return sendError(res, 401, '401', 'Access denied due to invalid subscription key or wrong API endpoint.');
      }
      if (!url.searchParams.get('api-version')) {
        done(404);
        return sendError(res, 404, '404', 'Resource not found');
      }
      if (state.deployments.size && !state.deployments.has(record.deployment!)) {
        done(404);
        return sendError(res, 404, 'DeploymentNotFound', 'The API deployment for this resource does not exist.');
      }
    } else if (req.headers.authorization !== `Bearer ${apiKey}`) {
      done(401);
      return sendError(res, 401, 'invalid_api_key', 'Incorrect API key provided.');
    }

    const fault = takeFault(endpoint);
    if (fault && 'hang' in fault) {
      record.outcome = 'hang';
      return; // never answers; the connection is dropped by close()
    }
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    if (fault && 'stallAfterChunks' in fault) {
      done(200);
      return answerChat(res, body, state.replies.shift(), fault.stallAfterChunks);
    }
    if (fault) {
      done(fault.status);
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      const code = fault.code ?? (fault.status === 429 ? 'rate_limit_exceeded' : 'server_error');
      return sendError(res, fault.status, code, fault.message ?? `Scripted ${fault.status}`, headers);
    }
    done(200);
    if (endpoint === 'embeddings') return answerEmbeddings(res, body);
    return answerChat(res, body, state.replies.shift());
  };

  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      let settled = false;
      const leave = () => {
        if (!settled) {
          settled = true;
          inFlight--;
        }
      };
      res.on('close', leave);
      handle(req, res, Buffer.concat(parts).toString('utf8')).catch((err) => {
        if (!res.headersSent) sendError(res, 500, 'server_error', String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.baseURL = `${state.url}/v1`;
  return state;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID()}`, ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  sendJson(res, status, { error: { message, type: status === 429 ? 'requests' : 'invalid_request_error', param: null, code } }, headers);
}

function answerEmbeddings(res: ServerResponse, body: Record<string, any>) {
  const inputs: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
  if (inputs.some((i) => typeof i !== 'string' || i === '')) {
    return sendError(res, 400, 'invalid_value', "'$.input' is invalid: every input must be a non-empty string.");
  }
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : 1536;
  const base64 = body.encoding_format === 'base64';
  let tokens = 0;
  const data = (inputs as string[]).map((text, index) => {
    tokens += words(text);
    const vector = fakeEmbedding(text, dimensions);
    return { object: 'embedding', index, embedding: base64 ? toBase64Float32(vector) : vector };
  });
  sendJson(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

function lastUserMessage(body: Record<string, any>): string {
  const messages: { role: string; content: unknown }[] = Array.isArray(body.messages) ? body.messages : [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}

function answerChat(res: ServerResponse, body: Record<string, any>, scripted: FakeChatReply | undefined, stallAfterChunks?: number) {
  const format = body.response_format;
  if (format?.type === 'json_schema') {
    const spec = format.json_schema;
    if (!spec || typeof spec.name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(spec.name)) {
      return sendError(res, 400, 'invalid_value', "Invalid 'response_format.json_schema.name'.");
    }
    if (spec.schema !== undefined && (typeof spec.schema !== 'object' || spec.schema === null)) {
      return sendError(res, 400, 'invalid_value', "Invalid 'response_format.json_schema.schema': expected an object.");
    }
  }
  // Unscripted: echo the last user message (as JSON when a JSON format was asked for).
  const echo = `Echo: ${lastUserMessage(body)}`;
  const reply: FakeChatReply = scripted ?? { content: format?.type?.startsWith('json') ? JSON.stringify({ echo }) : echo };
  const content = reply.refusal !== undefined ? null : (reply.content ?? '');
  const finish = reply.finishReason ?? 'stop';
  const promptTokens = (Array.isArray(body.messages) ? body.messages : []).reduce(
    (n: number, m: { content?: unknown }) => n + (typeof m.content === 'string' ? words(m.content) : 0),
    0,
  );
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model;

  if (!body.stream) {
    const completionTokens = words(content ?? reply.refusal ?? '');
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: reply.refusal ?? null },
          logprobs: null,
          finish_reason: finish,
        },
      ],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }

  const pieces = reply.chunks ?? (content ?? '').match(/\S+\s*|\s+/g) ?? [];
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  const includeUsage = body.stream_options?.include_usage === true;
  const base = { id, object: 'chat.completion.chunk', created, model, ...(includeUsage ? { usage: null } : {}) };
  send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] });
  for (const [i, piece] of pieces.entries()) {
    if (stallAfterChunks !== undefined && i >= stallAfterChunks) return; // silent from here on
    send({ ...base, choices: [{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }] });
  }
  send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finish }] });
  if (includeUsage) {
    send({
      ...base,
      choices: [],
      usage: { prompt_tokens: promptTokens, completion_tokens: pieces.length, total_tokens: promptTokens + pieces.length },
    });
  }
  res.write('data: [DONE]\n\n');
  res.end();
}
