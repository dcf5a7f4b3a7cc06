/**
 * Outgoing webhooks of WEBHOOK actions: the event as JSON, signed the Standard
 * Webhooks way with the rule's own secret (`webhook-id` the same on every attempt),
 * posted with a short timeout and no redirect followed. A failed attempt (an error,
 * a timeout, a status outside 2xx) is retried with exponential backoff; every
 * attempt is recorded. Targets that resolve to loopback, private or link-local
 * addresses are refused unless allowed (WEBHOOK_ALLOW_PRIVATE_TARGETS), checked on
 * the address actually connected to.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { DbTx } from '@ap/db/client';
import { requireRule } from './rules.ts';
import type { Deps } from '../ports/deps.ts';
import type { JsonObject } from '../ports/job-queue.ts';
import type { ServiceContext } from '../shared/context.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import type { RuleEvent } from './hook.ts';

export const WEBHOOK_JOB = 'workflow.webhook';

export interface WebhookSettings {
  allowPrivateTargets: boolean;
  /** Delay before each retry, in seconds: attempts = its length + 1. */
  retryDelaysSeconds: readonly number[];
  timeoutMs: number;
}

/** 8 attempts over a little more than two hours: 1, 2, 4, … 64 minutes apart. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowPrivateTargets: false,
  retryDelaysSeconds: [60, 120, 240, 480, 960, 1920, 3840],
  timeoutMs: 10_000,
};

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, private, link-local, carrier-grade NAT, multicast or unspecified (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
}

/** POSTs `body`; resolves to the response status (redirects are not followed). */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  o: { allowPrivateTargets: boolean; timeoutMs: number },
): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!o.allowPrivateTargets && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new WebhookTargetError(`target ${host} is a private address`));
  }
  const lookup = (
    hostname: string,
    options: object,
    cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return cb(err, '');
      const blocked = !o.allowPrivateTargets && addresses.some((a) => isPrivateAddress(a.address));
      if (blocked) return cb(new WebhookTargetError(`target ${hostname} resolves to a private address`), '');
      if ((options as { all?: boolean }).all) return cb(null, addresses);
      cb(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: lookup as never,
        timeout: o.timeoutMs,
        signal: AbortSignal.timeout(o.timeoutMs),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The body of a WEBHOOK action's message: the event, the rule, and the action point as its owner sees it. */
export async function webhookPayload(
  tx: DbTx,
  input: {
    rule: { id: string; name: string; boardId: string; ownerId: string };
    event: RuleEvent;
    actionPointId: string | null;
    now: Date;
  },
): Promise<JsonObject> {
  const ap = input.actionPointId
    ? await tx.actionPoint.findUnique({
        where: { id: input.actionPointId },
        select: {
          id: true,
          title: true,
          description: true,
          dueDate: true,
          assigneeId: true,
          completedAt: true,
          version: true,
          associations: { where: { boardId: input.rule.boardId }, select: { columnId: true } },
        },
      })
    : null;
  const { key: _key, ...event } = input.event;
  return {
    type: `workflow.${input.event.type.toLowerCase()}`,
    timestamp: input.now.toISOString(),
    data: {
      rule: { id: input.rule.id, name: input.rule.name },
      boardId: input.rule.boardId,
      event: JSON.parse(JSON.stringify(event)),
      actionPoint: ap
        ? {
            id: ap.id,
            title: ap.title,
            description: ap.description,
            dueDate: ap.dueDate?.toISOString() ?? null,
            assigneeId: ap.assigneeId,
            completedAt: ap.completedAt?.toISOString() ?? null,
            version: ap.version,
            columnId: ap.associations[0]?.columnId ?? null,
          }
        : null,
    },
  };
}

export interface WebhookJobData {
  ruleId: string;
  runId: string;
  url: string;
  messageId: string;
  attempt: number;
  payload: JsonObject;
  [key: string]: string | number | JsonObject;
}

export type WebhookDeps = Pick<Deps, 'db' | 'jobs' | 'log'> & { webhooks?: Partial<WebhookSettings> };

/** One attempt of `workflow.webhook`: post, record the attempt, and queue the next one after a failure. */
export async function deliverWebhook(deps: WebhookDeps, job: { data: WebhookJobData }): Promise<void> {
  const d = job.data;
  const settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...deps.webhooks };
  const done = await deps.db.workflowDelivery.findUnique({
    where: { messageId_attempt: { messageId: d.messageId, attempt: d.attempt } },
    select: { id: true },
  });
  if (done) return;
  const rule = await deps.db.workflowRule.findUnique({ where: { id: d.ruleId }, select: { secret: true } });
  if (!rule?.secret) return;
  const body = JSON.stringify(d.payload);
  const sentAt = new Date();
  const signature = new Webhook(rule.secret).sign(d.messageId, sentAt, body);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postJson(
      d.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'actionpoints-webhooks/1',
        'webhook-id': d.messageId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      settings,
    );
    if (statusCode < 200 || statusCode >= 300) {
      error = statusCode >= 300 && statusCode < 400 ? `redirect ${statusCode} not followed` : `status ${statusCode}`;
    }
  } catch (err) {
    error = (err as Error).message.split('\n')[0]!.slice(0, 300);
  }
  const durationMs = Math.round(performance.now() - started);
  const refused = error !== null && statusCode === null && /private address/.test(error);
  const delay = error === null || refused ? null : settings.retryDelaysSeconds[d.attempt - 1];
  const jitter = delay ? Math.round(delay * 1000 * (0.9 + Math.random() * 0.2)) : 0;
  const nextRetryAt = delay ? new Date(Date.now() + jitter) : null;
  await deps.db.$transaction(async (tx) => {
    const made = await tx.workflowDelivery.createMany({
      data: [
        {
          ruleId: d.ruleId,
          runId: d.runId,
          messageId: d.messageId,
          url: d.url,
          attempt: d.attempt,
          statusCode,
          error,
          durationMs,
          nextRetryAt,
        },
      ],
      skipDuplicates: true,
    });
    if (made.count === 1 && nextRetryAt) {
      await deps.jobs.enqueue(tx, {
        name: WEBHOOK_JOB,
        data: { ...d, attempt: d.attempt + 1 },
        key: `${d.messageId}:${d.attempt + 1}`,
        startAfter: nextRetryAt,
      });
    }
  });
  if (error) deps.log?.warn({ ruleId: d.ruleId, messageId: d.messageId, attempt: d.attempt, error, nextRetryAt }, 'webhook attempt failed');
}

export interface DeliveryRow {
  id: string;
  ruleId: string;
  runId: string;
  messageId: string;
  url: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  nextRetryAt: Date | null;
  createdAt: Date;
}

/** A rule's webhook attempts, newest first (VIEW on its board). */
export async function listDeliveries(
  svc: ServiceContext,
  input: { ruleId: string; cursor?: string; limit: number },
): Promise<Page<DeliveryRow>> {
  await requireRule(svc.db, svc.userId, input.ruleId, 'VIEW');
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.workflowDelivery.findMany({
    where: { ruleId: input.ruleId, ...afterCreatedAt(after, 'desc') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      ruleId: true,
      runId: true,
      messageId: true,
      url: true,
      attempt: true,
      statusCode: true,
      error: true,
      durationMs: true,
      nextRetryAt: true,
      createdAt: true,
    },
  });
  return toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
