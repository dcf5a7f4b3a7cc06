import pg from '../../bench/node_modules/pg/lib/index.js';
import { createDb } from '@ap/db/client';
import { boardViewRows } from '@ap/db/ranks';
import { viewBoard, getBoard } from './src/boards.ts';
import { LocalEventBus } from './src/events.ts';
import { requireBoard, boardVisibleTo } from './src/authorization.ts';
const url = 'postgresql://postgres@127.0.0.1:5432/ap_prof';
const B = '39c7f426-1d8d-4636-bfeb-44d2b22507af';
const db = createDb(url);
const u = await db.user.findFirstOrThrow({ where: { clerkId: 'user_prof' } });
const svc = { db, events: new LocalEventBus(), userId: u.id };
async function time(name: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const ms = (performance.now() - t0) / n;
  const cpu = process.cpuUsage(cpu0);
  console.log(name.padEnd(30), ms.toFixed(2), 'ms wall', ((cpu.user + cpu.system) / 1000 / n).toFixed(2), 'ms node cpu');
}
const client = new pg.Client({ connectionString: url });
await client.connect();
const sql = `SELECT c."id"::text AS "columnId", a."rank", ap."id"::text AS id, ap."title", ap."description", ap."dueDate", ap."completedAt", ap."ownerId"::text AS "ownerId", ap."assigneeId"::text AS "assigneeId", ap."version", ap."createdAt", ap."updatedAt", u."email" AS "assigneeEmail", u."displayName" AS "assigneeDisplayName", u."imageUrl" AS "assigneeImageUrl", COALESCE((SELECT json_agg(json_build_object('id', t."id", 'name', t."name", 'color', t."color") ORDER BY t."name") FROM "ActionPointTag" apt JOIN "Tag" t ON t."id" = apt."tagId" WHERE apt."actionPointId" = a."actionPointId" AND apt."boardId" = $1::uuid), '[]'::json) AS tags FROM "Column" c CROSS JOIN LATERAL (SELECT x."actionPointId", x."rank" FROM "ActionPointBoardAssociation" x WHERE x."columnId" = c."id" ORDER BY x."rank" LIMIT $2) a JOIN "ActionPoint" ap ON ap."id" = a."actionPointId" LEFT JOIN "User" u ON u."id" = ap."assigneeId" WHERE c."boardId" = $1::uuid ORDER BY c."rank", a."rank"`;
await time('pg items query', 100, () => client.query(sql, [B, 51]));
await time('prisma boardViewItems', 100, () => boardViewRows(db, B, 51));
await time('getBoard (loadBoard)', 100, () => getBoard(svc, { boardId: B }));
await time('viewBoard', 100, () => viewBoard(svc, { boardId: B }));
await time('user.findUnique', 100, () => db.user.findUnique({ where: { clerkId: 'user_prof' } }));

await time('requireBoard', 100, () => requireBoard(db, u.id, B, 'VIEW'));
await time('board.findFirst visible only', 100, () => db.board.findFirst({ where: { id: B, ...boardVisibleTo(u.id) }, select: { id: true, name: true, ownerId: true } }));
await time('column.findMany', 100, () => db.column.findMany({ where: { boardId: B }, orderBy: { rank: 'asc' } }));
await time('raw select 1', 100, () => db.$queryRaw`SELECT 1`);
await time('pg select 1', 100, () => client.query('SELECT 1'));
process.exit(0);
