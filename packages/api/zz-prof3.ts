import { createDb } from '@ap/db/client';
import { viewBoard } from '@ap/core/boards';
import { LocalEventBus } from '@ap/core/events';
import { toBoardViewOutput, ZBoardView } from './src/routers/boards/boards.schema.ts';
import { toActionPointOutput, toBoardItemOutput } from './src/routers/action-points/action-points.schema.ts';
import { toPublicUser } from '@ap/core/users';
const db = createDb('postgresql://postgres@127.0.0.1:5432/ap_prof');
const B = '39c7f426-1d8d-4636-bfeb-44d2b22507af';
const u = await db.user.findFirstOrThrow({ where: { clerkId: 'user_prof' } });
const v = await viewBoard({ db, events: new LocalEventBus(), userId: u.id }, { boardId: B });
function time(name: string, n: number, fn: () => unknown) {
  for (let i = 0; i < 50; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(name.padEnd(20), ((performance.now() - t0) / n).toFixed(3), 'ms');
}
const out = toBoardViewOutput(v);
time('map', 500, () => toBoardViewOutput(v));
time('zod parse', 500, () => ZBoardView.parse(out));
time('stringify', 500, () => JSON.stringify(out));

const item = v.columns[0]!.items[0]!;
console.log(Object.prototype.toString.call(item.createdAt), item.createdAt.constructor.name, Object.getPrototypeOf(item.createdAt) === Date.prototype);
const items = v.columns.flatMap((c) => c.items);
time('toISOString x750', 500, () => { for (const i of items) { i.createdAt.toISOString(); i.updatedAt.toISOString(); i.dueDate?.toISOString(); } });
time('spread x250', 500, () => items.map((i) => ({ ...i })));

time('toActionPointOutput', 500, () => items.map(toActionPointOutput));
time('toBoardItemOutput', 500, () => items.map(toBoardItemOutput));
time('toPublicUser', 500, () => items.map((i) => i.assignee ? toPublicUser(i.assignee) : null));
time('map again', 500, () => toBoardViewOutput(v));

time('explicit literal', 500, () => items.map((ap) => ({
    id: ap.id, title: ap.title, description: ap.description,
    dueDate: ap.dueDate ? ap.dueDate.toISOString() : null, completedAt: ap.completedAt ? ap.completedAt.toISOString() : null,
    ownerId: ap.ownerId, assigneeId: ap.assigneeId, assignee: ap.assignee ? toPublicUser(ap.assignee) : null,
    version: ap.version, createdAt: ap.createdAt.toISOString(), updatedAt: ap.updatedAt.toISOString(),
    columnId: ap.columnId, rank: ap.rank, tags: ap.tags })));
time('spread + 3', 500, () => items.map((ap) => ({ ...toActionPointOutput(ap), columnId: ap.columnId, rank: ap.rank, tags: ap.tags })));
time('spread + 2', 500, () => items.map((ap) => ({ ...toActionPointOutput(ap), columnId: ap.columnId, rank: ap.rank })));
time('assign', 500, () => items.map((ap) => Object.assign(toActionPointOutput(ap), { columnId: ap.columnId, rank: ap.rank, tags: ap.tags })));
process.exit(0);
