// Generated security cases: every procedure of the router is walked and classified.
// - Every procedure whose input has an id field: a stranger (signed in, no rights)
//   gets NOT_FOUND over tRPC and 404 over REST.
// - Every mutation among them: a user with VIEW on the board gets FORBIDDEN / 403,
//   except the few listed in VIEWER_MAY_ACT with the code they get instead.
// - Every procedure without an id field must be listed in NO_RESOURCE_ID.
// A procedure that takes exactly one of several ids (router-walk's ONE_OF_IDS) is
// probed with each of them.
// A procedure with an id field that has no fixture value, a query or mutation
// without a REST path, or a procedure in none of the classes fails its test, so a
// new procedure cannot go uncovered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST_ROUTES } from '@ap/api/rest';
import { startHarness, type Harness } from './harness.ts';
import {
  callCode,
  createFixture,
  idFields,
  inputFor,
  inputSchema,
  inputVariants,
  procedures,
  restRequest,
  type Fixture,
  type ProcedureDef,
} from './router-walk.ts';

/**
 * Procedures that take no id: they act on the caller only (their profile, their
 * lists, new resources they will own), so there is nothing of someone else's to
 * reach. Keep this list in sync with the router; anything not here must take an id.
 */
const NO_RESOURCE_ID = new Set([
  'users.me',
  'users.updateMe',
  'users.search', // results limited to people who share an organization or a board with the caller
  'organizations.list',
  'boards.list',
  'actionPoints.list',
  'notifications.list',
  'notifications.unreadCount',
  'notifications.markAllRead',
  'notifications.onNew',
  'embeddings.create', // computes vectors of the caller's own texts; reads and stores nothing
  'embeddings.status', // counts only chunks of documents the caller can see
  'blobStorage.createUpload', // an upload of the caller's own, gated by size and type
  'documents.list', // only documents the caller can see
  'bot.interactions', // only the caller's own interactions
]);

/**
 * Mutations taking an id that a board viewer may call, and what the viewer gets
 * when the id is the fixture's (someone else's) resource.
 */
const VIEWER_MAY_ACT: Record<string, { code: 'NOT_FOUND' | 'CONFLICT' | 'OK'; why: string }> = {
  'ai.chat': {
    code: 'OK',
    why: 'VIEW grounds a chat: the viewer holds VIEW on the fixture document (a POST that reads, it changes nothing but the audit log)',
  },
  'ai.summarize': {
    code: 'CONFLICT',
    why: 'VIEW summarizes: the viewer holds VIEW on the fixture document, which has no chunks yet (QUEUED), so there is nothing to summarize',
  },
  'bot.suggest': {
    code: 'CONFLICT',
    why: 'VIEW on the document and the board is enough to ask the bot; the fixture document was never processed (QUEUED), so it has no text to read yet',
  },
  'bot.accept': {
    code: 'NOT_FOUND',
    why: "anyone accepts their own suggestions; the fixture suggestion is the owner's, and another user's interactions are invisible",
  },
  'bot.reject': {
    code: 'NOT_FOUND',
    why: "anyone rejects their own suggestions; the fixture suggestion is the owner's, and another user's interactions are invisible",
  },
  'vectorDocuments.search': {
    code: 'OK',
    why: 'VIEW searches: the viewer holds VIEW on the fixture document (a POST that reads, it changes nothing but the audit log)',
  },
  'vectorDocuments.ask': {
    code: 'OK',
    why: 'VIEW asks: the viewer holds VIEW on the fixture document (a POST that reads, it changes nothing but the audit log)',
  },
  'aiVision.analyze': {
    code: 'OK',
    why: 'VIEW reads: the viewer holds VIEW on the fixture image document and sees the action point the fixture image is attached to (a POST that reads, it changes nothing but the audit log)',
  },
  'documentIntelligence.analyze': {
    code: 'OK',
    why: 'VIEW reads: the viewer holds VIEW on the fixture document (a POST that reads, it changes nothing but the audit log)',
  },
  'boards.create': {
    code: 'NOT_FOUND',
    why: 'anyone creates boards; placing one in an organization needs membership, and the viewer is not a member of the fixture organization',
  },
  'documents.create': {
    code: 'NOT_FOUND',
    why: "anyone creates documents from their own uploads; the fixture upload is another user's and the fixture organization is one the viewer is not a member of, so both are invisible",
  },
  'workflows.dryRun': {
    code: 'OK',
    why: 'VIEW reads a rule and what it would do (a POST that takes no action); the viewer sees the fixture board and action point',
  },
  'notifications.markRead': {
    code: 'NOT_FOUND',
    why: "anyone marks their own notifications; the fixture notification is another user's, so it is invisible",
  },
};

let h: Harness;
let fx: Fixture;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the router walk', () => {
  it('sees the whole router, including every sharing and collaboration procedure', () => {
    const names = procedures.map((p) => p.name);
    for (const expected of [
      'boardPermissions.list',
      'boardPermissions.grant',
      'boardPermissions.revoke',
      'actionPointShares.list',
      'actionPointShares.share',
      'actionPointShares.unshare',
      'comments.list',
      'comments.create',
      'comments.update',
      'comments.delete',
      'tags.list',
      'tags.create',
      'tags.update',
      'tags.delete',
      'tags.attach',
      'tags.detach',
      'links.list',
      'links.create',
      'links.delete',
      'boards.activity',
      'embeddings.similarActionPoints',
      'vectorDocuments.onAnswer',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('fails on an id field without a fixture value', () => {
    const def = {
      type: 'mutation',
      inputs: [
        { toJSONSchema: () => ({ type: 'object', properties: { widgetId: { type: 'string', format: 'uuid' } }, required: ['widgetId'] }) },
      ],
    } as ProcedureDef;
    expect(() => inputFor('widgets.delete', def, { idsFor: () => ({}) } as unknown as Fixture)).toThrow(/widgetId/);
    expect(idFields(def)).toEqual(['widgetId']);
  });
});

describe.each(procedures)('$name', ({ name, def }) => {
  const ids = idFields(def);

  if (ids.length === 0) {
    it('takes no id and is listed as acting on the caller only', () => {
      expect(NO_RESOURCE_ID.has(name), `${name} takes no id: add it to NO_RESOURCE_ID (or give it an id)`).toBe(true);
    });
    return;
  }

  it('has a REST path unless it is a subscription', () => {
    if (def.type !== 'subscription') expect(def.meta?.openapi?.path, `${name} has no meta.openapi`).toBeTruthy();
    expect(NO_RESOURCE_ID.has(name), `${name} takes ids (${ids.join(', ')}) but is listed in NO_RESOURCE_ID`).toBe(false);
  });

  it(`a stranger gets NOT_FOUND (${ids.join(', ')})`, async () => {
    for (const { label, input } of inputVariants(name, def, fx)) {
      expect(await callCode(h, fx.stranger.token, name, def, input), `tRPC (${label})`).toBe('NOT_FOUND');
      if (def.type !== 'subscription' && def.meta?.openapi) {
        const req = restRequest(def, input);
        const res = await h.rest(req.method, req.path, { token: fx.stranger.token, body: req.body });
        expect(res.status, `REST ${req.method} ${req.path} (${label}) → ${JSON.stringify(res.body).slice(0, 200)}`).toBe(404);
      }
    }
  });

  if (def.type === 'mutation') {
    const allowed = VIEWER_MAY_ACT[name];
    const expected = allowed?.code ?? 'FORBIDDEN';
    it(`a board viewer gets ${expected}`, async () => {
      for (const { label, input } of inputVariants(name, def, fx)) {
        expect(await callCode(h, fx.viewer.token, name, def, input), `tRPC (${label})`).toBe(expected);
        const req = restRequest(def, input);
        const res = await h.rest(req.method, req.path, { token: fx.viewer.token, body: req.body });
        const ok = REST_ROUTES.find((r) => r.name === name)?.creates ? 201 : 200;
        expect(res.status, `REST ${req.method} ${req.path} (${label}) → ${JSON.stringify(res.body).slice(0, 200)}`).toBe(
          { FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, OK: ok }[expected],
        );
      }
    });
  }
});

/** Cursors a client could craft: wrong arity, wrong types, values that are not dates or ids. */
const JUNK_CURSORS = [
  'not base64 json',
  [null],
  [{ a: 1 }],
  ['not-a-date', 'not-a-uuid'],
  ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
  ['x', 'y', 'z'],
  [123],
  // biome-ignore lint/correctness/noPrecisionLoss: a number too large to be exact, on purpose
  [99999999999999999999999],
].map((v) => (typeof v === 'string' ? v : Buffer.from(JSON.stringify(v)).toString('base64url')));

const listProcedures = procedures.filter(({ def }) => def.type === 'query' && 'cursor' in (inputSchema(def).properties ?? {}));

describe('every list refuses a crafted cursor with BAD_REQUEST (never a 500)', () => {
  it('covers the lists of the router', () => {
    expect(listProcedures.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(listProcedures)('$name', ({ name, def }) => {
    it('tRPC and REST', async () => {
      const base = inputFor(name, def, fx);
      const token = fx.owner.token;
      for (const cursor of JUNK_CURSORS) {
        const input = { ...base, cursor };
        expect(await callCode(h, token, name, def, input), `${name} cursor ${cursor}`).toBe('BAD_REQUEST');
        const req = restRequest(def, input);
        const res = await h.rest(req.method, req.path, { token });
        expect(res.status, `REST ${req.path}`).toBe(400);
      }
    });
  });
});
