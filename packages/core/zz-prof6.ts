import { createDb } from '@ap/db/client';
import { boardViewRows } from '@ap/db/ranks';
const db = createDb('postgresql://postgres@127.0.0.1:5432/ap_prof');
const B = '39c7f426-1d8d-4636-bfeb-44d2b22507af';
async function time(name: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const cpu = process.cpuUsage(cpu0);
  console.log(name.padEnd(30), ((performance.now() - t0) / n).toFixed(2), 'ms wall', ((cpu.user + cpu.system) / 1000 / n).toFixed(2), 'ms cpu');
}
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
for (let k = 0; k < 2; k++) {
await time('boardViewRows', 100, () => boardViewRows(db, B, 51));
await time('json row', 100, () => db.$queryRaw`SELECT c."id"::text AS "columnId", json_build_object('id', ap.id, 'title', ap.title, 'description', ap.description, 'dueDate', ap."dueDate", 'createdAt', ap."createdAt", 'updatedAt', ap."updatedAt", 'rank', a.rank, 'ownerId', ap."ownerId", 'assigneeId', ap."assigneeId", 'version', ap.version, 'email', u.email, 'displayName', u."displayName", 'imageUrl', u."imageUrl", 'tags', COALESCE((SELECT json_agg(json_build_object('id', t."id", 'name', t."name", 'color', t."color") ORDER BY t."name") FROM "ActionPointTag" apt JOIN "Tag" t ON t."id" = apt."tagId" WHERE apt."actionPointId" = a."actionPointId" AND apt."boardId" = ${B}::uuid), '[]'::json)) AS item FROM "Column" c LEFT JOIN LATERAL (SELECT x."actionPointId", x."rank" FROM "ActionPointBoardAssociation" x WHERE x."columnId" = c."id" ORDER BY x."rank" LIMIT 51) a ON true LEFT JOIN "ActionPoint" ap ON ap."id" = a."actionPointId" LEFT JOIN "User" u ON u."id" = ap."assigneeId" WHERE c."boardId" = ${B}::uuid ORDER BY c."rank", a."rank"`);
await time('text timestamps', 100, () => db.$queryRaw`SELECT c."id"::text AS "columnId", a.rank, ap.id::text AS id, ap.title, ap.description, ap."dueDate"::text, ap."createdAt"::text, ap."updatedAt"::text, ap."ownerId"::text, ap."assigneeId"::text, ap.version, u.email, u."displayName", u."imageUrl", COALESCE((SELECT json_agg(json_build_object('id', t."id", 'name', t."name", 'color', t."color") ORDER BY t."name") FROM "ActionPointTag" apt JOIN "Tag" t ON t."id" = apt."tagId" WHERE apt."actionPointId" = a."actionPointId" AND apt."boardId" = ${B}::uuid), '[]'::json) AS tags FROM "Column" c LEFT JOIN LATERAL (SELECT x."actionPointId", x."rank" FROM "ActionPointBoardAssociation" x WHERE x."columnId" = c."id" ORDER BY x."rank" LIMIT 51) a ON true LEFT JOIN "ActionPoint" ap ON ap."id" = a."actionPointId" LEFT JOIN "User" u ON u."id" = ap."assigneeId" WHERE c."boardId" = ${B}::uuid ORDER BY c."rank", a."rank"`);
}
process.exit(0);
