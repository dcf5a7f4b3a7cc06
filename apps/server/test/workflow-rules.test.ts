// Workflow rules through the API: strict schemas and checked ids, ADMIN to change and
// VIEW to read, the webhook secret shown once, dry runs; and the engine on the real
// job queue: every event trigger and action type acting as the rule's owner (activity
// names the rule), the loop guard stopping an A↔B pair, a revoked owner's rule
// failing with nothing applied, and a run delivered twice acting once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_RUNS_PER_MINUTE, runRule } from '@ap/core/workflows/engine';
import { queueSuggestionAccepted } from '@ap/core/workflows/hook';
import { testDb } from '@ap/testing/db';
import { codeOf, startHarness, type Harness, type TestUser, until } from './harness.ts';

let h: Harness;
const db = testDb();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TERMINAL = ['SUCCEEDED', 'SKIPPED', 'FAILED', 'STOPPED'];

/** The rule's runs once `n` of them are finished. */
async function finishedRuns(ruleId: string, n = 1) {
  return until(`${n} finished run(s) of rule ${ruleId}`, async () => {
    const runs = await db.workflowRun.findMany({ where: { ruleId }, orderBy: { createdAt: 'asc' } });
    return runs.filter((r) => TERMINAL.includes(r.status)).length >= n ? runs : null;
  });
}

async function setup(owner: TestUser, columns = ['To do', 'Doing', 'Done']) {
  const c = h.caller(owner.token);
  const b = await c.boards.create({ name: `Rules ${randomUUID().slice(0, 6)}`, columns });
  const col = Object.fromEntries(b.columns.map((x) => [x.name, x.id])) as Record<string, string>;
  const tag = await c.tags.create({ boardId: b.id, name: 'done', color: '#00aa00' });
  return { c, boardId: b.id, col, tag };
}

describe('rule definitions', () => {
  it('are strict: unknown fields and types refused, naming the field', async () => {
    const u = await h.user();
    const { c, boardId } = await setup(u);
    const base = {
      boardId,
      name: 'R',
      trigger: { type: 'ACTION_POINT_CREATED' as const },
      actions: [{ type: 'COMMENT' as const, body: 'x' }],
    };
    const bad = [
      { ...base, trigger: { type: 'ACTION_POINT_CREATED', extra: 1 } },
      { ...base, trigger: { type: 'EXPLODED' } },
      { ...base, actions: [{ type: 'COMMENT', body: 'x', sneaky: true }] },
      { ...base, actions: [] },
      { ...base, conditions: [{ field: 'title', op: 'matches', value: 'x' }] },
      { ...base, trigger: { type: 'SCHEDULE', cron: 'every minute', timezone: 'UTC' } },
      { ...base, trigger: { type: 'SCHEDULE', cron: '* * * * *', timezone: 'Mars/Olympus' } },
      { ...base, actions: [{ type: 'WEBHOOK', url: 'ftp://example.test/x' }] },
    ];
    for (const input of bad) expect(await codeOf(c.workflows.createRule(input as never)), JSON.stringify(input)).toBe('BAD_REQUEST');
    const rest = await h.rest('POST', `/api/boards/${boardId}/workflow/rules`, {
      token: u.token,
      body: { name: 'R', trigger: { type: 'ACTION_POINT_CREATED', extra: 1 }, actions: [{ type: 'COMMENT', body: 'x' }] },
    });
    expect(rest.status).toBe(400);
    expect(JSON.stringify(rest.body)).toContain('trigger.extra');
    expect(await db.workflowRule.count({ where: { boardId } })).toBe(0);
  });

  it('check every id: on this board, or visible to the owner', async () => {
    const u = await h.user();
    const stranger = await h.user();
    const { c, boardId, col } = await setup(u);
    const other = await setup(u);
    const theirs = await setup(stranger);
    const cases: [unknown, string][] = [
      [{ trigger: { type: 'MOVED', toColumnId: other.col.Done }, actions: [{ type: 'COMMENT', body: 'x' }] }, 'trigger.toColumnId'],
      [{ trigger: { type: 'TAGGED', tagId: other.tag.id }, actions: [{ type: 'COMMENT', body: 'x' }] }, 'trigger.tagId'],
      [{ trigger: { type: 'ACTION_POINT_CREATED' }, actions: [{ type: 'TAG', tagId: other.tag.id }] }, 'actions.0.tagId'],
      [{ trigger: { type: 'ACTION_POINT_CREATED' }, actions: [{ type: 'MOVE', columnId: other.col.Done }] }, 'actions.0.columnId'],
      [{ trigger: { type: 'ACTION_POINT_CREATED' }, actions: [{ type: 'NOTIFY', userIds: [stranger.id] }] }, 'actions.0.userIds.0'],
      [{ trigger: { type: 'ACTION_POINT_CREATED' }, actions: [{ type: 'ASSIGN', assigneeId: stranger.id }] }, 'actions.0.assigneeId'],
      [
        {
          trigger: { type: 'ACTION_POINT_CREATED' },
          actions: [{ type: 'ADD_TO_BOARD', boardId: theirs.boardId, columnId: theirs.col.Done }],
        },
        'actions.0.boardId',
      ],
      [
        {
          trigger: { type: 'ACTION_POINT_CREATED' },
          conditions: [{ field: 'tagIds', op: 'includes', value: other.tag.id }],
          actions: [{ type: 'COMMENT', body: 'x' }],
        },
        'conditions.0.value',
      ],
      [{ trigger: { type: 'SCHEDULE', cron: '0 9 * * 1' }, actions: [{ type: 'COMMENT', body: 'x' }] }, 'actions.0.type'],
    ];
    for (const [parts, path] of cases) {
      try {
        await c.workflows.createRule({ boardId, name: 'R', ...(parts as object) } as never);
        expect.unreachable(path);
      } catch (err) {
        const e = err as { code: string; cause?: { details?: { fields?: { path: string }[] } } };
        expect(e.code, path).toBe('BAD_REQUEST');
        expect(
          e.cause?.details?.fields?.map((f) => f.path),
          path,
        ).toContain(path);
      }
    }
    // The same ids of this board are accepted.
    await c.workflows.createRule({
      boardId,
      name: 'OK',
      trigger: { type: 'MOVED', toColumnId: col.Done! },
      actions: [{ type: 'MOVE', columnId: col.Doing! }],
    });
  });

  it('are changed at ADMIN and read at VIEW; a WEBHOOK secret is shown once; enable and disable', async () => {
    const owner = await h.user();
    const viewer = await h.user();
    const editor = await h.user();
    const stranger = await h.user();
    const { c, boardId } = await setup(owner);
    await c.boardPermissions.grant({ boardId, userId: viewer.id, level: 'VIEW' });
    await c.boardPermissions.grant({ boardId, userId: editor.id, level: 'EDIT' });
    const input = {
      boardId,
      name: 'Hook',
      trigger: { type: 'ACTION_POINT_CREATED' as const },
      actions: [{ type: 'WEBHOOK' as const, url: 'https://example.test/hook' }],
    };
    expect(await codeOf(h.caller(editor.token).workflows.createRule(input))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(stranger.token).workflows.createRule(input))).toBe('NOT_FOUND');
    const overRest = await h.rest('POST', `/api/boards/${boardId}/workflow/rules`, {
      token: owner.token,
      body: { ...input, boardId: undefined },
    });
    expect(overRest.status).toBe(201);
    expect(overRest.body.secret).toMatch(/^whsec_/);
    const rule = await c.workflows.createRule(input);
    expect(rule.secret).not.toBe(overRest.body.secret);
    expect(rule.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(rule).toMatchObject({ enabled: true, hasSecret: true, ownerId: owner.id });
    const listed = await h.caller(viewer.token).workflows.listRules({ boardId });
    expect(listed.items.map((r) => r.id)).toEqual([overRest.body.id, rule.id]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    const rest = await h.rest('GET', `/api/boards/${boardId}/workflow/rules`, { token: viewer.token });
    expect(rest.status).toBe(200);
    expect(JSON.stringify(rest.body)).not.toContain('whsec_');
    expect(await codeOf(h.caller(viewer.token).workflows.updateRule({ ruleId: rule.id, enabled: false }))).toBe('FORBIDDEN');
    expect(await codeOf(h.caller(stranger.token).workflows.listRules({ boardId }))).toBe('NOT_FOUND');

    const off = await c.workflows.updateRule({ ruleId: rule.id, enabled: false });
    expect(off).toMatchObject({ enabled: false, secret: null, version: 2 });
    const on = await h.rest('PATCH', `/api/workflow-rules/${rule.id}`, { token: owner.token, body: { enabled: true } });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ enabled: true, secret: null });
    expect(await codeOf(h.caller(viewer.token).workflows.deleteRule({ ruleId: rule.id }))).toBe('FORBIDDEN');
    expect((await h.rest('DELETE', `/api/workflow-rules/${rule.id}`, { token: owner.token })).status).toBe(200);
    expect(await codeOf(c.workflows.dryRun({ ruleId: rule.id }))).toBe('NOT_FOUND');
  });

  it('dry-run: what the rule would do to one action point, doing nothing', async () => {
    const u = await h.user();
    const { c, boardId, col, tag } = await setup(u);
    const ap = await c.actionPoints.create({ title: 'Write the report', boardId, columnId: col['To do']! });
    const rule = await c.workflows.createRule({
      boardId,
      name: 'Reports',
      enabled: false,
      trigger: { type: 'MOVED', toColumnId: col.Done! },
      conditions: [
        { field: 'title', op: 'contains', value: 'report' },
        { field: 'assigneeId', op: 'isEmpty' },
      ],
      actions: [
        { type: 'TAG', tagId: tag.id },
        { type: 'COMMENT', body: 'Filed.' },
      ],
    });
    const res = await h.rest('POST', `/api/workflow-rules/${rule.id}/dry-run`, { token: u.token, body: { actionPointId: ap.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      conditionsMet: true,
      actions: [
        { type: 'TAG', allowed: true },
        { type: 'COMMENT', allowed: true },
      ],
    });
    const other = await c.actionPoints.create({ title: 'Something else', boardId, columnId: col['To do']! });
    expect((await c.workflows.dryRun({ ruleId: rule.id, actionPointId: other.id })).conditionsMet).toBe(false);
    expect(await db.actionPointTag.count({ where: { actionPointId: ap.id } })).toBe(0);
    expect(await db.comment.count({ where: { actionPointId: ap.id } })).toBe(0);
    expect(await db.workflowRun.count({ where: { ruleId: rule.id } })).toBe(0);
  });
});

describe('the rule engine', () => {
  it('auto-tags, comments and notifies when an action point reaches "Done", once, naming the rule', async () => {
    const owner = await h.user();
    const watcher = await h.user();
    const { c, boardId, col, tag } = await setup(owner);
    await c.boardPermissions.grant({ boardId, userId: watcher.id, level: 'VIEW' });
    const rule = await c.workflows.createRule({
      boardId,
      name: 'Done → tag and tell',
      trigger: { type: 'MOVED', toColumnId: col.Done! },
      actions: [
        { type: 'TAG', tagId: tag.id },
        { type: 'COMMENT', body: 'Closed by the rule.' },
        { type: 'NOTIFY', userIds: [watcher.id, owner.id] },
      ],
    });
    const ap = await c.actionPoints.create({ title: 'Ship it', boardId, columnId: col.Doing! });
    await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col['To do']! });
    await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.Done! });
    const [run] = await finishedRuns(rule.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', depth: 0 });
    expect(await db.workflowRun.count({ where: { ruleId: rule.id } })).toBe(1);

    expect(await db.actionPointTag.count({ where: { actionPointId: ap.id, tagId: tag.id } })).toBe(1);
    const comments = await c.comments.list({ actionPointId: ap.id });
    expect(comments.items.map((x) => x.body)).toEqual(['Closed by the rule.']);
    const tagged = await db.activity.findFirstOrThrow({ where: { actionPointId: ap.id, action: 'tag.attached' } });
    expect(tagged).toMatchObject({ actorId: owner.id, actorType: 'RULE', actorRef: rule.id });
    for (const u of [watcher, owner]) {
      const n = await h.caller(u.token).notifications.list({});
      expect(n.items.filter((x) => x.type === 'WORKFLOW')).toHaveLength(1);
      expect(n.items.find((x) => x.type === 'WORKFLOW')!.data).toMatchObject({ ruleId: rule.id, ruleName: 'Done → tag and tell' });
    }
    const runs = await h.rest('GET', `/api/boards/${boardId}/workflow/runs`, { token: owner.token });
    expect(runs.status).toBe(200);
    expect(runs.body.items[0]).toMatchObject({
      ruleId: rule.id,
      ruleName: 'Done → tag and tell',
      status: 'SUCCEEDED',
      event: { type: 'MOVED', toColumnId: col.Done, actionPointId: ap.id },
      actions: [
        { type: 'TAG', status: 'done' },
        { type: 'COMMENT', status: 'done' },
        { type: 'NOTIFY', status: 'done' },
      ],
    });
    expect(runs.body.items[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('runs every event trigger with its action: created, updated (fields), commented, tagged, suggestion accepted, document ready', async () => {
    const owner = await h.user();
    const helper = await h.user();
    const { c, boardId, col, tag } = await setup(owner);
    const second = await setup(owner);
    await c.boardPermissions.grant({ boardId, userId: helper.id, level: 'EDIT' });
    const create = (name: string, parts: object) => c.workflows.createRule({ boardId, name, ...parts } as never);
    const created = await create('due in 3 days', {
      trigger: { type: 'ACTION_POINT_CREATED' },
      conditions: [{ field: 'title', op: 'contains', value: 'triage' }],
      actions: [{ type: 'SET_DUE', inDays: 3 }],
    });
    const updated = await create('assign on rename', {
      trigger: { type: 'UPDATED', fields: ['title'] },
      actions: [{ type: 'ASSIGN', assigneeId: helper.id }],
    });
    const commented = await create('untag on comment', { trigger: { type: 'COMMENTED' }, actions: [{ type: 'UNTAG', tagId: tag.id }] });
    const tagged = await create('tagged → doing', {
      trigger: { type: 'TAGGED', tagId: tag.id },
      actions: [{ type: 'MOVE', columnId: col.Doing }],
    });
    const accepted = await create('accepted → second board', {
      trigger: { type: 'SUGGESTION_ACCEPTED' },
      actions: [{ type: 'ADD_TO_BOARD', boardId: second.boardId, columnId: second.col['To do'] }],
    });
    const ready = await create('document ready → review', {
      trigger: { type: 'DOCUMENT_READY' },
      actions: [
        { type: 'CREATE_ACTION_POINT', title: 'Review the new document', columnId: col['To do'] },
        { type: 'COMMENT', body: 'A document is ready.' },
      ],
    });

    // Created (condition met) → due date.
    const ap = await c.actionPoints.create({ title: 'triage the inbox', boardId, columnId: col['To do']! });
    await finishedRuns(created.id);
    const due = (await c.actionPoints.get({ actionPointId: ap.id })).dueDate;
    expect(due).not.toBeNull();
    expect(new Date(due!).getTime() - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    // Created without the condition: a run, skipped.
    const plain = await c.actionPoints.create({ title: 'plain', boardId, columnId: col['To do']! });
    const runs = await finishedRuns(created.id, 2);
    expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'SKIPPED']);
    expect((await c.actionPoints.get({ actionPointId: plain.id })).dueDate).toBeNull();

    // Updated: a description change is not a title change; a rename assigns.
    await c.actionPoints.update({ actionPointId: ap.id, description: 'more' });
    await c.actionPoints.update({ actionPointId: ap.id, title: 'triage the inbox today' });
    await finishedRuns(updated.id);
    expect(await db.workflowRun.count({ where: { ruleId: updated.id } })).toBe(1);
    expect((await c.actionPoints.get({ actionPointId: ap.id })).assigneeId).toBe(helper.id);

    // Tagged → moved to Doing; commented → untagged.
    await c.tags.attach({ actionPointId: ap.id, tagId: tag.id });
    await finishedRuns(tagged.id);
    expect((await db.actionPointBoardAssociation.findFirstOrThrow({ where: { actionPointId: ap.id, boardId } })).columnId).toBe(col.Doing);
    await h.caller(helper.token).comments.create({ actionPointId: ap.id, body: 'on it' });
    await finishedRuns(commented.id);
    expect(await db.actionPointTag.count({ where: { actionPointId: ap.id } })).toBe(0);

    // A suggestion accepted (the bot's accept calls this hook in its transaction).
    await db.$transaction((tx) =>
      queueSuggestionAccepted(
        tx,
        { userId: owner.id, actor: { type: 'bot', interactionId: randomUUID() }, jobs: h.server.deps.jobs },
        {
          suggestionId: randomUUID(),
          boardId,
          actionPointId: plain.id,
        },
      ),
    );
    await finishedRuns(accepted.id);
    expect(await db.actionPointBoardAssociation.count({ where: { actionPointId: plain.id, boardId: second.boardId } })).toBe(1);

    // A document of the owner's becomes READY (processed by the job queue).
    await c.documents.create({ title: 'Minutes', text: `# Minutes ${randomUUID()}\n\nWe decided things.` });
    const [run] = await finishedRuns(ready.id, 1);
    expect(run!.status).toBe('SUCCEEDED');
    const made = await db.actionPoint.findFirstOrThrow({ where: { title: 'Review the new document', ownerId: owner.id } });
    expect((await c.comments.list({ actionPointId: made.id })).items.map((x) => x.body)).toEqual(['A document is ready.']);
    expect(await db.activity.findFirstOrThrow({ where: { actionPointId: made.id, action: 'actionPoint.created' } })).toMatchObject({
      actorType: 'RULE',
      actorRef: ready.id,
    });
  });

  it('stops an A↔B pair of rules with the loop guard, and the run log says why', async () => {
    const owner = await h.user();
    const { c, boardId, col } = await setup(owner, ['A', 'B']);
    const a = await c.workflows.createRule({
      boardId,
      name: 'A: back to A',
      trigger: { type: 'MOVED', toColumnId: col.B! },
      actions: [{ type: 'MOVE', columnId: col.A! }],
    });
    const b = await c.workflows.createRule({
      boardId,
      name: 'B: back to B',
      trigger: { type: 'MOVED', toColumnId: col.A! },
      actions: [{ type: 'MOVE', columnId: col.B! }],
    });
    const ap = await c.actionPoints.create({ title: 'Ping-pong', boardId, columnId: col.A! });
    await c.actionPoints.move({ boardId, actionPointId: ap.id, columnId: col.B! });
    const stopped = await until('a stopped run', async () => db.workflowRun.findFirst({ where: { boardId, status: 'STOPPED' } }));
    expect(stopped.reason).toMatch(/loop guard: chain depth 6 is past the limit of 5/);
    await new Promise((r) => setTimeout(r, 1500));
    const all = await db.workflowRun.findMany({ where: { boardId }, orderBy: { depth: 'asc' } });
    expect(all.map((r) => [r.depth, r.status])).toEqual([
      [0, 'SUCCEEDED'],
      [1, 'SUCCEEDED'],
      [2, 'SUCCEEDED'],
      [3, 'SUCCEEDED'],
      [4, 'SUCCEEDED'],
      [5, 'SUCCEEDED'],
      [6, 'STOPPED'],
    ]);
    expect(new Set(all.map((r) => r.ruleId))).toEqual(new Set([a.id, b.id]));
    const listed = await c.workflows.runs({ boardId });
    expect(listed.items.find((r) => r.status === 'STOPPED')!.reason).toContain('loop guard');
  });

  it("fails a revoked owner's rule safely: a logged reason, nothing of the run applied", async () => {
    const boardOwner = await h.user();
    const author = await h.user();
    const { c, boardId, col, tag } = await setup(boardOwner);
    await c.boardPermissions.grant({ boardId, userId: author.id, level: 'ADMIN' });
    const a = h.caller(author.token);
    const rule = await a.workflows.createRule({
      boardId,
      name: 'comment then tag',
      trigger: { type: 'ACTION_POINT_CREATED' },
      actions: [
        { type: 'COMMENT', body: 'Seen.' },
        { type: 'TAG', tagId: tag.id },
      ],
    });
    // Downgraded to COMMENT: the comment is allowed, the tag is not, so neither stays.
    await c.boardPermissions.grant({ boardId, userId: author.id, level: 'COMMENT' });
    const first = await c.actionPoints.create({ title: 'one', boardId, columnId: col['To do']! });
    const [run] = await finishedRuns(rule.id);
    expect(run).toMatchObject({ status: 'FAILED' });
    expect(run!.reason).toMatch(/^TAG failed: .*EDIT.*no action of this run was applied/);
    expect(run!.actions).toEqual([
      expect.objectContaining({ type: 'COMMENT', status: 'done' }),
      expect.objectContaining({ type: 'TAG', status: 'failed' }),
    ]);
    expect(await db.comment.count({ where: { actionPointId: first.id } })).toBe(0);
    // Revoked: the owner no longer sees the board.
    await c.boardPermissions.revoke({ boardId, userId: author.id });
    const second = await c.actionPoints.create({ title: 'two', boardId, columnId: col['To do']! });
    const runs = await finishedRuns(rule.id, 2);
    expect(runs[1]).toMatchObject({ status: 'FAILED', reason: "the rule's owner no longer has access to its board" });
    expect(await db.comment.count({ where: { actionPointId: second.id } })).toBe(0);
  });

  it('acts once per (rule, event): a run delivered again, or twice at once, does nothing more; past its rate a rule stops', async () => {
    const owner = await h.user();
    const { c, boardId, col } = await setup(owner);
    const rule = await c.workflows.createRule({
      boardId,
      name: 'comment',
      enabled: false,
      trigger: { type: 'ACTION_POINT_CREATED' },
      actions: [{ type: 'COMMENT', body: 'Once.' }],
    });
    const ap = await c.actionPoints.create({ title: 'once', boardId, columnId: col['To do']! });
    await db.workflowRule.update({ where: { id: rule.id }, data: { enabled: true } });
    // A run as the hook writes it, its job not enqueued: this test is the only worker.
    const run = await db.workflowRun.create({
      data: {
        ruleId: rule.id,
        boardId,
        eventKey: `test:${randomUUID()}`,
        event: { type: 'ACTION_POINT_CREATED', boardId, actionPointId: ap.id, depth: 0, at: new Date().toISOString() },
      },
    });
    const deps = h.server.deps;
    const job = (attempt: number) => ({ data: { runId: run.id }, attempt, maxAttempts: 4 });
    await Promise.all([runRule(deps, job(1)), runRule(deps, job(1))]);
    await runRule(deps, job(2));
    expect(await db.comment.count({ where: { actionPointId: ap.id } })).toBe(1);
    expect(await db.workflowRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'SUCCEEDED' });
    // Past the rule's rate (runs in the last minute), a run is stopped, not run.
    await db.workflowRun.createMany({
      data: Array.from({ length: RULE_RUNS_PER_MINUTE }, (_, i) => ({
        ruleId: rule.id,
        boardId,
        eventKey: `rate:${i}`,
        event: {},
        status: 'SUCCEEDED',
        startedAt: new Date(),
      })),
    });
    const busy = await db.workflowRun.create({
      data: {
        ruleId: rule.id,
        boardId,
        eventKey: `test:${randomUUID()}`,
        event: { type: 'ACTION_POINT_CREATED', boardId, actionPointId: ap.id, depth: 0 },
      },
    });
    await runRule(deps, { data: { runId: busy.id }, attempt: 1, maxAttempts: 4 });
    expect(await db.workflowRun.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({
      status: 'STOPPED',
      reason: expect.stringMatching(/^loop guard: the rule ran \d+ times in the last minute \(limit 60\)/),
    });
    expect(await db.comment.count({ where: { actionPointId: ap.id } })).toBe(1);
    // The same event queued again is not a second run.
    const again = await db.workflowRun.createMany({
      data: [{ ruleId: rule.id, boardId, eventKey: run.eventKey, event: {} }],
      skipDuplicates: true,
    });
    expect(again.count).toBe(0);
  });
});
