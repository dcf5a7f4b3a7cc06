import { createDb } from '@ap/db/client';
import { boardVisibleTo } from './src/authorization.ts';
const url = 'postgresql://postgres@127.0.0.1:5432/ap_prof';
const B = '39c7f426-1d8d-4636-bfeb-44d2b22507af';
const db = createDb(url, { max: 10 });
const u = await db.user.findFirstOrThrow({ where: { clerkId: 'user_prof' } });
async function time(name: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await fn();
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const cpu = process.cpuUsage(cpu0);
  console.log(name.padEnd(34), ((performance.now() - t0) / n).toFixed(2), 'ms wall', ((cpu.user + cpu.system) / 1000 / n).toFixed(2), 'ms cpu');
}
await time('empty $transaction', 200, () => db.$transaction(async () => {}));
await time('tx + 1 raw', 200, () => db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));
await time('raw select 1', 200, () => db.$queryRaw`SELECT 1`);
await time('board.findFirst visible', 200, () => db.board.findFirst({ where: { id: B, ...boardVisibleTo(u.id) }, select: { id: true, ownerId: true } }));
await time('board.findUnique', 200, () => db.board.findUnique({ where: { id: B }, select: { id: true, ownerId: true } }));
await time('user.findUnique clerkId', 200, () => db.user.findUnique({ where: { clerkId: 'user_prof' }, select: { id: true, deletedAt: true } }));
await time('activity.create', 200, () => db.activity.create({ data: { boardId: B, actorId: u.id, action: 'x', entityType: 'x', entityId: 'x', changes: { a: { from: 1, to: 2 } } }, select: { id: true, createdAt: true } }));
await time('raw insert activity', 200, () => db.$queryRaw`INSERT INTO "Activity" ("boardId","actorId","action","entityType","entityId","changes") VALUES (${B}::uuid, ${u.id}::uuid, 'x','x','x', ${JSON.stringify({ a: 1 })}::jsonb) RETURNING id, "createdAt"`);
process.exit(0);
