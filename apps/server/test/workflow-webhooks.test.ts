// Outgoing webhooks of WEBHOOK actions: signed the Standard Webhooks way with the
// rule's own secret (verified here with the standardwebhooks library), retried with
// backoff after failures with every attempt recorded, redirects not followed, and
// private targets refused unless allowed.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_SETTINGS, isPrivateAddress } from '@ap/core/workflows/webhooks';
import { testDb } from '@ap/testing/db';
import { startHarness, type Harness, until } from './harness.ts';

let h: Harness;
const db = testDb();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each request with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.writeHead(status, status >= 300 && status < 400 ? { location: 'http://169.254.169.254/' } : {});
      res.end(status >= 400 ? 'try again' : 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((r) => server.close(() => r())) };
}

beforeAll(async () => {
  h = await startHarness();
  // Retries a second apart here (the product's: 1, 2, 4 … 64 minutes).
  h.server.deps.webhooks!.retryDelaysSeconds = [1, 1, 1, 1, 1, 1, 1];
});
afterAll(async () => {
  await h?.close();
});

async function hookedBoard(url: string) {
  const owner = await h.user();
  const c = h.caller(owner.token);
  const b = await c.boards.create({ name: `Hooks ${randomUUID().slice(0, 6)}`, columns: ['Review', 'Done'] });
  const [review, done] = b.columns.map((x) => x.id) as [string, string];
  const rule = await c.workflows.createRule({
    boardId: b.id,
    name: 'Tell the receiver',
    trigger: { type: 'MOVED', toColumnId: done },
    actions: [{ type: 'WEBHOOK', url }],
  });
  const ap = await c.actionPoints.create({ title: 'Reviewed', boardId: b.id, columnId: review });
  return { owner, c, boardId: b.id, done, rule, ap };
}

describe('outgoing webhooks', () => {
  it('the product retries at least 5 times over at least an hour', () => {
    const delays = DEFAULT_WEBHOOK_SETTINGS.retryDelaysSeconds;
    expect(delays.length + 1).toBeGreaterThanOrEqual(5);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3600);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBe(delays[i - 1]! * 2);
  });

  it('signs the event, retries a receiver that fails twice, and shows the three attempts', async () => {
    const r = await receiver([500, 500, 200]);
    try {
      const { owner, c, boardId, done, rule, ap } = await hookedBoard(r.url);
      await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: done });
      await until('three attempts', async () => (await db.workflowDelivery.count({ where: { ruleId: rule.id } })) === 3, 30_000);
      await new Promise((res) => setTimeout(res, 1500));
      expect(r.received).toHaveLength(3);

      // Every attempt is the same message, verified with the standard library and the rule's secret.
      const wh = new Webhook(rule.secret!);
      const ids = new Set(r.received.map((x) => x.headers['webhook-id']));
      expect(ids.size).toBe(1);
      for (const x of r.received) {
        const payload = wh.verify(x.body, x.headers as Record<string, string>) as { type: string; data: Record<string, any> };
        expect(payload).toMatchObject({
          type: 'workflow.moved',
          data: {
            rule: { id: rule.id, name: 'Tell the receiver' },
            boardId,
            actionPoint: { id: ap.id, title: 'Reviewed', columnId: done },
          },
        });
      }
      expect(() =>
        new Webhook(`whsec_${Buffer.from('another secret of 32 bytes length!').toString('base64')}`).verify(
          r.received[0]!.body,
          r.received[0]!.headers as Record<string, string>,
        ),
      ).toThrow();

      const res = await h.rest('GET', `/api/workflow-rules/${rule.id}/deliveries`, { token: owner.token });
      expect(res.status).toBe(200);
      const attempts = [...res.body.items].reverse();
      expect(attempts.map((d: { attempt: number; statusCode: number }) => [d.attempt, d.statusCode])).toEqual([
        [1, 500],
        [2, 500],
        [3, 200],
      ]);
      expect(attempts[0].nextRetryAt).not.toBeNull();
      expect(attempts[1].nextRetryAt).not.toBeNull();
      expect(attempts[2]).toMatchObject({ nextRetryAt: null, error: null, url: r.url });
      const runs = await c.workflows.runs({ boardId });
      expect(runs.items).toHaveLength(1);
      expect(runs.items[0]).toMatchObject({ status: 'SUCCEEDED', actions: [{ type: 'WEBHOOK', status: 'done' }] });
    } finally {
      await r.close();
    }
  });

  it('does not follow a redirect: it is a failed attempt', async () => {
    const r = await receiver([302, 200]);
    try {
      const { c, boardId, done, rule, ap } = await hookedBoard(r.url);
      await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: done });
      await until('two attempts', async () => (await db.workflowDelivery.count({ where: { ruleId: rule.id } })) === 2, 30_000);
      const rows = await db.workflowDelivery.findMany({ where: { ruleId: rule.id }, orderBy: { attempt: 'asc' } });
      expect(rows.map((d) => [d.statusCode, d.error])).toEqual([
        [302, 'redirect 302 not followed'],
        [200, null],
      ]);
      expect(r.received).toHaveLength(2);
    } finally {
      await r.close();
    }
  });

  it('refuses loopback, private and link-local targets unless allowed, without retrying', async () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);

    const r = await receiver([200]);
    const settings = h.server.deps.webhooks!;
    settings.allowPrivateTargets = false;
    try {
      const { c, boardId, done, rule, ap } = await hookedBoard(r.url.replace('127.0.0.1', 'localhost'));
      await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: done });
      const [row] = await until(
        'the refused attempt',
        async () => {
          const rows = await db.workflowDelivery.findMany({ where: { ruleId: rule.id } });
          return rows.length ? rows : null;
        },
        30_000,
      );
      expect(row!.error).toMatch(/resolves to a private address/);
      expect(row!.nextRetryAt).toBeNull();
      await new Promise((res) => setTimeout(res, 2500));
      expect(await db.workflowDelivery.count({ where: { ruleId: rule.id } })).toBe(1);
      expect(r.received).toHaveLength(0);
    } finally {
      settings.allowPrivateTargets = true;
      await r.close();
    }
  });
});
