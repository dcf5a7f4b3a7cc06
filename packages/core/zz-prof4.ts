import { createDb } from '@ap/db/client';
import { moveActionPoint } from './src/action-points.ts';
import { LocalEventBus } from './src/events.ts';
const url = 'postgresql://postgres@127.0.0.1:5432/ap_prof';
const B = '39c7f426-1d8d-4636-bfeb-44d2b22507af';
const db = createDb(url, { max: 10 });
const u = await db.user.findFirstOrThrow({ where: { clerkId: 'user_prof' } });
const col = await db.column.findFirstOrThrow({ where: { boardId: B }, orderBy: { rank: 'asc' } });
const ids = (await db.actionPointBoardAssociation.findMany({ where: { columnId: col.id }, select: { actionPointId: true } })).map((r) => r.actionPointId);
const svc = { db, events: new LocalEventBus(), userId: u.id };
const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
const one = () => { const id = pick(); let b = pick(); while (b === id) b = pick(); return moveActionPoint(svc, { boardId: B, actionPointId: id, columnId: col.id, beforeId: b }); };
for (let i = 0; i < 20; i++) await one();
let cpu0 = process.cpuUsage(); let t0 = performance.now();
for (let i = 0; i < 100; i++) await one();
let cpu = process.cpuUsage(cpu0);
console.log('sequential', ((performance.now() - t0) / 100).toFixed(2), 'ms wall', ((cpu.user + cpu.system) / 1000 / 100).toFixed(2), 'ms cpu');
for (const conc of [1, 4, 10, 32]) {
  let n = 0; const stop = Date.now() + 4000; cpu0 = process.cpuUsage(); t0 = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => { while (Date.now() < stop) { await one(); n++; } }));
  cpu = process.cpuUsage(cpu0);
  const s = (performance.now() - t0) / 1000;
  console.log('concurrency', conc, (n / s).toFixed(0), 'moves/s', ((cpu.user + cpu.system) / 1000 / n).toFixed(2), 'ms cpu/move');
}
process.exit(0);
