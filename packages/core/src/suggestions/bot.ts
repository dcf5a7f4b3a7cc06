/**
 * The bot: notes or a document in, suggested action points out, each pointing at
 * the words it came from; a person accepts or rejects each.
 *
 * `suggest` reads the source (a text, or a document the caller can VIEW: its stored
 * chunks), finds suggestions with the chat model when one is configured (each must
 * quote the source, see candidates.ts) or with the rule-based extractor otherwise,
 * matches the names it finds to users who can see the context board, flags the ones
 * that resemble an action point already on that board, and stores the interaction
 * with its suggestions in one transaction after every slow call succeeded (a failing
 * model leaves nothing behind). Reading a document writes its `document.retrieved`
 * audit row in that transaction.
 *
 * Accepting and rejecting suggestions is in decisions.ts.
 *
 * Interactions are private: only their user lists, reads, accepts or rejects them;
 * anyone else gets NOT_FOUND.
 */
import type { DbTx, Prisma } from '@ap/db/client';
import { actionPointVisibleTo, requireBoard, requireDocument } from '../access/rules.ts';
import { recordAudit } from '../documents/audit.ts';
import type { LinkPolicy } from '../knowledge/markdown-safety.ts';
import type { Deps } from '../ports/deps.ts';
import type { ServiceContext } from '../shared/context.ts';
import { badRequest, conflict, notFound } from '../shared/errors.ts';
import { afterCreatedAt, decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import { mutate } from '../shared/tx.ts';
import { matchPerson, peopleWhoSeeBoard } from './assignees.ts';
import { modelCandidates, ruleBasedCandidates, type Candidate, type SourceSegment } from './candidates.ts';
import { findPossibleDuplicates, MAX_DUPLICATE_CANDIDATES, type DuplicateMatch } from './duplicates.ts';
import { buildSuggestionsPrompt, SUGGESTIONS_FORMAT } from './prompt.ts';
import { RULE_BASED_MODEL } from './rule-based.ts';

export { RULE_BASED_MODEL } from './rule-based.ts';

/** The longest text `suggest` takes. */
export const MAX_TEXT_CHARS = 50_000;
/** The most of a document's extracted text that is read (its first chunks, in order). */
export const MAX_DOCUMENT_CHARS = 60_000;
const MAX_DOCUMENT_CHUNKS = 400;
/** Upper bound on the model's reply. */
const MAX_REPLY_TOKENS = 4_000;

export type BotServices = ServiceContext & Pick<Deps, 'chat' | 'embedder' | 'clock'>;

// ---------------------------------------------------------------- reading

export const suggestionSelect = {
  id: true,
  interactionId: true,
  ordinal: true,
  title: true,
  description: true,
  dueDate: true,
  assigneeId: true,
  status: true,
  actionPointId: true,
  rejectReason: true,
  decidedAt: true,
  provenanceStart: true,
  provenanceEnd: true,
  quote: true,
  documentId: true,
  chunkId: true,
  pageStart: true,
  possibleDuplicateOf: true,
  duplicateScore: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.BotGeneratedActionPointSelect;

const interactionFields = {
  id: true,
  userId: true,
  status: true,
  sourceType: true,
  documentId: true,
  documentVersion: true,
  truncated: true,
  boardId: true,
  model: true,
  embeddingModel: true,
  promptTokens: true,
  completionTokens: true,
  totalTokens: true,
  embeddingTokens: true,
  createdAt: true,
  updatedAt: true,
  suggestions: { select: suggestionSelect, orderBy: { ordinal: 'asc' } },
} satisfies Prisma.BotInteractionSelect;

const interactionSelect = { ...interactionFields, sourceText: true } satisfies Prisma.BotInteractionSelect;

export type SuggestionRow = Prisma.BotGeneratedActionPointGetPayload<{ select: typeof suggestionSelect }>;
/** An interaction with its suggestions; `sourceText` is left out of lists. */
export type InteractionRow = Prisma.BotInteractionGetPayload<{ select: typeof interactionFields }> & { sourceText?: string | null };

async function loadInteraction(db: DbTx, userId: string, interactionId: string): Promise<InteractionRow | null> {
  return db.botInteraction.findFirst({ where: { id: interactionId, userId }, select: interactionSelect });
}

/** One of the caller's interactions; anyone else's is NOT_FOUND. */
export async function getInteraction(svc: ServiceContext, input: { interactionId: string }): Promise<InteractionRow> {
  const row = await loadInteraction(svc.db, svc.userId, input.interactionId);
  if (!row) throw notFound('Bot interaction');
  return row;
}

/** The caller's interactions, newest first (without their source text: read one to get it). */
export async function listInteractions(svc: ServiceContext, input: { cursor?: string; limit: number }): Promise<Page<InteractionRow>> {
  const after = decodeCursor(input.cursor, ['date', 'uuid']);
  const rows = await svc.db.botInteraction.findMany({
    where: { AND: [{ userId: svc.userId }, afterCreatedAt(after, 'desc')] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: interactionFields,
  });
  return toPage(rows, input.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

// ---------------------------------------------------------------- suggesting

export interface SuggestInput {
  /** Notes to read (exactly one of text and documentId). */
  text?: string;
  /** A document the caller can VIEW, read from its extracted text. */
  documentId?: string;
  /** The board the suggestions are meant for (VIEW): assignees and duplicates are looked for there. */
  boardId?: string;
}

interface Source {
  type: 'TEXT' | 'DOCUMENT';
  text: string | null;
  documentId: string | null;
  documentTitle: string | null;
  documentVersion: number | null;
  segments: SourceSegment[];
  truncated: boolean;
}

function textSource(text: string): Source {
  if (text.length > MAX_TEXT_CHARS) {
    throw badRequest(`The text is ${text.length} characters; the most is ${MAX_TEXT_CHARS}`, [
      { path: 'text', message: `is longer than ${MAX_TEXT_CHARS} characters` },
    ]);
  }
  if (!/\S/.test(text)) throw badRequest('The text is empty', [{ path: 'text', message: 'is empty' }]);
  return {
    type: 'TEXT',
    text,
    documentId: null,
    documentTitle: null,
    documentVersion: null,
    segments: [{ text, start: 0, chunkId: null, pageStart: null, pageEnd: null, headings: [] }],
    truncated: false,
  };
}

/** The document's extracted text as its stored chunks, in order, up to MAX_DOCUMENT_CHARS. */
async function documentSource(svc: ServiceContext, documentId: string): Promise<Source> {
  await requireDocument(svc.db, svc.userId, documentId, 'VIEW');
  const doc = await svc.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { title: true, status: true, version: true } });
  if (doc.status !== 'READY') {
    throw conflict(`The document is not processed yet (status ${doc.status}): the bot reads its extracted text once it is READY`, {
      status: doc.status,
    });
  }
  const chunks = await svc.db.documentChunk.findMany({
    where: { documentId },
    orderBy: { ordinal: 'asc' },
    take: MAX_DOCUMENT_CHUNKS + 1,
    select: { id: true, text: true, start: true, pageStart: true, pageEnd: true, headings: true },
  });
  const segments: SourceSegment[] = [];
  let chars = 0;
  let truncated = chunks.length > MAX_DOCUMENT_CHUNKS;
  for (const c of chunks.slice(0, MAX_DOCUMENT_CHUNKS)) {
    if (segments.length > 0 && chars + c.text.length > MAX_DOCUMENT_CHARS) {
      truncated = true;
      break;
    }
    chars += c.text.length;
    segments.push({ text: c.text, start: c.start, chunkId: c.id, pageStart: c.pageStart, pageEnd: c.pageEnd, headings: c.headings });
  }
  return {
    type: 'DOCUMENT',
    text: null,
    documentId,
    documentTitle: doc.title,
    documentVersion: doc.version,
    segments,
    truncated,
  };
}

/** The board's most recent action points the caller can see: what suggestions are compared with. */
async function boardActionPoints(svc: ServiceContext, boardId: string) {
  return svc.db.actionPoint.findMany({
    where: { AND: [{ associations: { some: { boardId } } }, actionPointVisibleTo(svc.userId)] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_DUPLICATE_CANDIDATES,
    select: { id: true, title: true },
  });
}

export interface SuggestOptions {
  signal?: AbortSignal;
  /** Hosts whose links and images may stay in titles and descriptions (none by default). */
  linkPolicy?: LinkPolicy;
}

/** `bot.suggest`: reads the source, finds suggestions, stores and returns the interaction. */
export async function suggest(svc: BotServices, input: SuggestInput, opts: SuggestOptions = {}): Promise<InteractionRow> {
  if ((input.text === undefined) === (input.documentId === undefined)) {
    throw badRequest('Give either text or documentId', [
      { path: input.text === undefined ? 'text' : 'documentId', message: 'exactly one of text and documentId is required' },
    ]);
  }
  const { signal } = opts;
  const policy = opts.linkPolicy ?? {};
  if (input.boardId) await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const source = input.documentId ? await documentSource(svc, input.documentId) : textSource(input.text!);
  const now = svc.clock.now();

  let candidates: Candidate[] = [];
  let model = svc.chat ? svc.chat.model : RULE_BASED_MODEL;
  const usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, embeddingTokens: 0 };
  if (svc.chat && source.segments.length) {
    const messages = buildSuggestionsPrompt(
      source.segments.map((s) => ({
        text: s.text,
        title: source.documentTitle,
        pageStart: s.pageStart,
        pageEnd: s.pageEnd,
        headings: s.headings,
      })),
      now.toISOString().slice(0, 10),
    );
    // No tools: the model reads and answers in the schema, nothing else.
    const reply = await svc.chat.completeJson(messages, SUGGESTIONS_FORMAT, {
      temperature: 0,
      maxTokens: MAX_REPLY_TOKENS,
      ...(signal ? { signal } : {}),
    });
    candidates = modelCandidates(reply.value, source.segments, policy);
    model = reply.model;
    if (reply.usage) Object.assign(usage, { ...reply.usage, embeddingTokens: 0 });
  } else if (!svc.chat) {
    candidates = ruleBasedCandidates(source.segments, now, policy);
  }

  let assignees: (string | null)[] = candidates.map(() => null);
  let duplicates: (DuplicateMatch | null)[] = candidates.map(() => null);
  let embeddingModel: string | null = null;
  if (input.boardId && candidates.length) {
    if (candidates.some((c) => c.assigneeName)) {
      const people = await peopleWhoSeeBoard(svc.db, input.boardId);
      assignees = candidates.map((c) => (c.assigneeName ? matchPerson(c.assigneeName, people) : null));
    }
    const existing = await boardActionPoints(svc, input.boardId);
    if (existing.length) {
      const found = await findPossibleDuplicates(
        svc.embedder,
        candidates.map((c) => c.title),
        existing,
        signal ? { signal } : {},
      );
      duplicates = found.matches;
      usage.embeddingTokens = found.promptTokens;
      embeddingModel = svc.embedder.model;
    }
  }

  return mutate(svc, async (tx) => {
    const interaction = await tx.botInteraction.create({
      data: {
        userId: svc.userId,
        status: candidates.length ? 'OPEN' : 'REVIEWED',
        sourceType: source.type,
        sourceText: source.text,
        documentId: source.documentId,
        documentVersion: source.documentVersion,
        truncated: source.truncated,
        boardId: input.boardId ?? null,
        model,
        embeddingModel,
        ...usage,
      },
      select: { id: true },
    });
    if (candidates.length) {
      await tx.botGeneratedActionPoint.createMany({
        data: candidates.map((c, i) => ({
          interactionId: interaction.id,
          ordinal: i,
          title: c.title,
          description: c.description,
          dueDate: c.dueDate,
          assigneeId: assignees[i] ?? null,
          provenanceStart: c.start,
          provenanceEnd: c.end,
          quote: c.quote,
          documentId: source.documentId,
          chunkId: c.chunkId,
          pageStart: c.pageStart,
          possibleDuplicateOf: duplicates[i]?.id ?? null,
          duplicateScore: duplicates[i]?.score ?? null,
        })),
      });
    }
    if (source.documentId) {
      await recordAudit(tx, {
        by: {
          userId: svc.userId,
          actor: { type: 'bot', interactionId: interaction.id },
          ...(svc.requestId ? { requestId: svc.requestId } : {}),
        },
        action: 'document.retrieved',
        documentIds: source.documentId,
        details: {
          via: 'bot',
          interactionId: interaction.id,
          chunkIds: source.segments.map((s) => s.chunkId),
          truncated: source.truncated,
        },
      });
    }
    return (await loadInteraction(tx, svc.userId, interaction.id))!;
  });
}
