// Uploads and registers small files one after another against a running server, the
// way a client does (ask for an upload, PUT the bytes to Blob Storage, create the
// document), and prints the total time and the time per file.
// Usage: API_URL=http://127.0.0.1:3000 TOKEN=… [COUNT=100] tsx bench/uploads.ts
const url = process.env.API_URL ?? 'http://127.0.0.1:3000';
const token = process.env.TOKEN;
const count = Number(process.env.COUNT ?? 100);
if (!token) throw new Error('TOKEN is required (npm run token -- --email you@example.com)');

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const durations: number[] = [];
const started = performance.now();
for (let i = 0; i < count; i++) {
  const t0 = performance.now();
  const bytes = new TextEncoder().encode(`# Note ${i}\n\nA small file, number ${i}, written at ${new Date().toISOString()}.\n`);
  const up = await call<{ uploadId: string; url: string; headers: Record<string, string> }>('POST', '/blob-storage/uploads', {
    fileName: `note-${i}.md`,
    contentType: 'text/markdown',
    sizeBytes: bytes.byteLength,
  });
  const put = await fetch(up.url, { method: 'PUT', headers: up.headers, body: bytes });
  if (put.status !== 201) throw new Error(`PUT: ${put.status}`);
  const doc = await call<{ id: string; status: string }>('POST', '/documents', { uploadId: up.uploadId });
  if (doc.status !== 'QUEUED') throw new Error(`document ${doc.id} is ${doc.status}`);
  durations.push(performance.now() - t0);
}
const total = performance.now() - started;
durations.sort((a, b) => a - b);
const q = (p: number) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))]!.toFixed(1);
console.log(
  `${count} files uploaded and registered in ${(total / 1000).toFixed(2)} s: ${(total / count).toFixed(1)} ms per file (p50 ${q(0.5)} ms, p95 ${q(0.95)} ms)`,
);
