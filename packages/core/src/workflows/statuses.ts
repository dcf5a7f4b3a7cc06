/**
 * A board's workflow: statuses (each with a category, mapped to at most one column)
 * and the transitions allowed between them. A board gets a default set matching its
 * columns when first asked; an update replaces the whole set in one transaction.
 * With transitions defined, a move between two columns needs a transition from the
 * first column's status to the second's at the mover's level (both move paths: the
 * one statement checks it in its SQL, the locked path by assertMoveAllowed).
 */
import type { DbTx, StatusCategory } from '@ap/db/client';
import { recordActivity } from '../boards/activity.ts';
import { atLeast, requireBoard, type Level } from '../access/rules.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, badRequest, type FieldIssue } from '../shared/errors.ts';
import { mutate } from '../shared/tx.ts';

export const CATEGORIES = ['TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const satisfies readonly StatusCategory[];
export const MAX_STATUSES = 50;
export const MAX_TRANSITIONS = 500;

export interface WorkflowStatusView {
  id: string;
  name: string;
  category: StatusCategory;
  columnId: string | null;
}

export interface WorkflowTransitionView {
  fromStatusId: string;
  toStatusId: string;
  minLevel: Level;
}

export interface WorkflowView {
  boardId: string;
  version: number;
  statuses: WorkflowStatusView[];
  transitions: WorkflowTransitionView[];
}

/** The category a column's name suggests, else by its place (first: to do, last: done). */
export function defaultCategory(name: string, index: number, count: number): StatusCategory {
  if (/cancel|won'?t|abandon|reject/i.test(name)) return 'CANCELLED';
  if (/done|complete|closed|finished|shipped|released/i.test(name)) return 'DONE';
  if (/to ?do|backlog|open|new|inbox|todo/i.test(name)) return 'TODO';
  if (index === 0) return 'TODO';
  if (index === count - 1 && count > 1) return 'DONE';
  return 'IN_PROGRESS';
}

async function readWorkflow(db: DbTx, boardId: string): Promise<WorkflowView | null> {
  const wf = await db.boardWorkflow.findUnique({ where: { boardId }, select: { version: true } });
  if (!wf) return null;
  const [statuses, transitions] = await Promise.all([
    db.workflowStatus.findMany({
      where: { boardId },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, category: true, columnId: true },
    }),
    db.workflowTransition.findMany({
      where: { boardId },
      orderBy: [{ from: { position: 'asc' } }, { to: { position: 'asc' } }],
      select: { fromStatusId: true, toStatusId: true, minLevel: true },
    }),
  ]);
  return { boardId, version: wf.version, statuses, transitions: transitions.map((t) => ({ ...t, minLevel: t.minLevel as Level })) };
}

/** Creates the default workflow (one status per column, no transitions) unless one exists; safe under concurrency. */
async function ensureWorkflow(tx: DbTx, boardId: string): Promise<void> {
  const made = await tx.$queryRaw<{ boardId: string }[]>`
    INSERT INTO "BoardWorkflow" ("boardId", "updatedAt") VALUES (${boardId}::uuid, now())
    ON CONFLICT ("boardId") DO NOTHING RETURNING "boardId"::text AS "boardId"`;
  if (made.length === 0) return;
  const columns = await tx.column.findMany({ where: { boardId }, orderBy: { rank: 'asc' }, select: { id: true, name: true } });
  const taken = new Set<string>();
  await tx.workflowStatus.createMany({
    data: columns.map((c, i) => {
      let name = c.name;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${c.name} ${n}`;
      taken.add(name.toLowerCase());
      return { boardId, name, category: defaultCategory(c.name, i, columns.length), columnId: c.id, position: i };
    }),
  });
}

/** The board's workflow (VIEW); made from its columns when first asked. */
export async function getWorkflow(svc: ServiceContext, input: { boardId: string }): Promise<WorkflowView> {
  await requireBoard(svc.db, svc.userId, input.boardId, 'VIEW');
  const existing = await readWorkflow(svc.db, input.boardId);
  if (existing) return existing;
  return mutate(svc, async (tx) => {
    await ensureWorkflow(tx, input.boardId);
    return (await readWorkflow(tx, input.boardId))!;
  });
}

export interface UpdateWorkflowInput {
  boardId: string;
  /** The whole set. `id`: an existing status of this board, kept under that id; none: a new status. */
  statuses: { id?: string; name: string; category: StatusCategory; columnId?: string | null }[];
  /** Each end names a status of `statuses` by its id or by its name. */
  transitions: { fromStatusId: string; toStatusId: string; minLevel?: Level }[];
}

/** Replaces the board's statuses and transitions (ADMIN), validated as a whole. */
export async function updateWorkflow(svc: ServiceContext, input: UpdateWorkflowInput): Promise<WorkflowView> {
  const issues: FieldIssue[] = [];
  if (input.statuses.length > MAX_STATUSES) issues.push({ path: 'statuses', message: `at most ${MAX_STATUSES}` });
  if (input.transitions.length > MAX_TRANSITIONS) issues.push({ path: 'transitions', message: `at most ${MAX_TRANSITIONS}` });
  const names = new Map<string, number>();
  const ids = new Map<string, number>();
  const columns = new Map<string, number>();
  input.statuses.forEach((s, i) => {
    const key = s.name.trim().toLowerCase();
    if (names.has(key)) issues.push({ path: `statuses.${i}.name`, message: `duplicates statuses.${names.get(key)}.name` });
    else names.set(key, i);
    if (s.id) {
      if (ids.has(s.id)) issues.push({ path: `statuses.${i}.id`, message: `duplicates statuses.${ids.get(s.id)}.id` });
      else ids.set(s.id, i);
    }
    if (s.columnId) {
      if (columns.has(s.columnId)) {
        issues.push({ path: `statuses.${i}.columnId`, message: `column already mapped by statuses.${columns.get(s.columnId)}` });
      } else columns.set(s.columnId, i);
    }
  });
  const statusIndex = (ref: string): number | undefined => ids.get(ref.toLowerCase()) ?? names.get(ref.trim().toLowerCase());
  const pairs = new Set<string>();
  const resolved = input.transitions.map((t, i) => {
    const from = statusIndex(t.fromStatusId);
    const to = statusIndex(t.toStatusId);
    if (from === undefined) issues.push({ path: `transitions.${i}.fromStatusId`, message: 'is not a status of this workflow' });
    if (to === undefined) issues.push({ path: `transitions.${i}.toStatusId`, message: 'is not a status of this workflow' });
    if (from !== undefined && from === to)
      issues.push({ path: `transitions.${i}.toStatusId`, message: 'is the same status as fromStatusId' });
    const pair = `${from}>${to}`;
    if (from !== undefined && to !== undefined && pairs.has(pair)) issues.push({ path: `transitions.${i}`, message: 'is listed twice' });
    pairs.add(pair);
    return { from: from!, to: to!, minLevel: t.minLevel ?? 'EDIT' };
  });
  if (issues.length) throw badRequest(`Invalid workflow: ${issues.map((f) => `${f.path}: ${f.message}`).join('; ')}`, issues);

  return mutate(svc, async (tx, events) => {
    await requireBoard(tx, svc.userId, input.boardId, 'ADMIN');
    await ensureWorkflow(tx, input.boardId);
    const wf = await tx.boardWorkflow.update({
      where: { boardId: input.boardId },
      data: { version: { increment: 1 } },
      select: { version: true },
    });
    const current = new Set(
      (await tx.workflowStatus.findMany({ where: { boardId: input.boardId }, select: { id: true } })).map((s) => s.id),
    );
    const later: FieldIssue[] = [];
    input.statuses.forEach((s, i) => {
      if (s.id && !current.has(s.id)) later.push({ path: `statuses.${i}.id`, message: 'is not a status of this board' });
    });
    if (columns.size > 0) {
      const onBoard = new Set(
        (await tx.column.findMany({ where: { boardId: input.boardId, id: { in: [...columns.keys()] } }, select: { id: true } })).map(
          (c) => c.id,
        ),
      );
      for (const [columnId, i] of columns) {
        if (!onBoard.has(columnId)) later.push({ path: `statuses.${i}.columnId`, message: 'is not a column of this board' });
      }
    }
    if (later.length) throw badRequest(`Invalid workflow: ${later.map((f) => `${f.path}: ${f.message}`).join('; ')}`, later);

    // Replaced as a whole: kept statuses keep their ids (rules may name them).
    await tx.workflowStatus.deleteMany({ where: { boardId: input.boardId } });
    const made = await tx.workflowStatus.createManyAndReturn({
      data: input.statuses.map((s, i) => ({
        ...(s.id ? { id: s.id } : {}),
        boardId: input.boardId,
        name: s.name.trim(),
        category: s.category,
        columnId: s.columnId ?? null,
        position: i,
      })),
      select: { id: true, position: true },
    });
    const idAt = new Map(made.map((m) => [m.position, m.id]));
    await tx.workflowTransition.createMany({
      data: resolved.map((t) => ({
        boardId: input.boardId,
        fromStatusId: idAt.get(t.from)!,
        toStatusId: idAt.get(t.to)!,
        minLevel: t.minLevel,
      })),
    });
    events.push(
      await recordActivity(tx, {
        boardId: input.boardId,
        by: svc,
        action: 'workflow.updated',
        entityType: 'workflow',
        entityId: input.boardId,
        changes: { version: wf.version, statuses: input.statuses.length, transitions: input.transitions.length },
      }),
    );
    return (await readWorkflow(tx, input.boardId))!;
  });
}

/**
 * The locked move path's workflow check: with transitions on the board, a move
 * between two columns needs a transition from the status of `fromColumnId` to that
 * of `toColumnId` at the mover's level; else FORBIDDEN naming the columns allowed.
 */
export async function assertMoveAllowed(
  tx: DbTx,
  m: { boardId: string; fromColumnId: string; toColumnId: string; level: Level },
): Promise<void> {
  if (m.fromColumnId === m.toColumnId) return;
  const transitions = await tx.workflowTransition.findMany({
    where: { boardId: m.boardId },
    select: { minLevel: true, from: { select: { columnId: true, name: true } }, to: { select: { columnId: true, name: true } } },
  });
  if (transitions.length === 0) return;
  const outgoing = transitions.filter((t) => t.from.columnId === m.fromColumnId && atLeast(m.level, t.minLevel as Level));
  if (outgoing.some((t) => t.to.columnId === m.toColumnId)) return;
  const targets = outgoing.filter((t) => t.to.columnId).map((t) => t.to.columnId!);
  const named = await tx.column.findMany({
    where: { id: { in: [m.fromColumnId, m.toColumnId, ...targets] } },
    select: { id: true, name: true },
  });
  const name = (id: string) => `"${named.find((c) => c.id === id)?.name ?? id}"`;
  const allowed = targets.length ? `allowed targets: ${targets.map(name).join(', ')}` : 'no move out of this column is allowed to you';
  throw new AppError(
    'FORBIDDEN',
    `The board's workflow does not allow moving from ${name(m.fromColumnId)} to ${name(m.toColumnId)}; ${allowed}`,
    {
      allowedColumnIds: targets,
    },
  );
}
