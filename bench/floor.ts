// The floor for boards.view: the same payload as GET /api/boards/{id}/view, from one
// hand-written pg query, served by bare node:http (no framework, no auth, no
// validation). Run as a child process by bench/run.ts; prints {"url": …} when ready.
//   DATABASE_URL=… PORT=0 tsx bench/floor.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

// "timestamp without time zone" columns hold UTC.
pg.types.setTypeParser(1114, (s: string) => new Date(`${s.replace(' ', 'T')}Z`));

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });

const VIEW_SQL = `
  SELECT b."id"::text AS "boardId", b."name" AS "boardName", b."description" AS "boardDescription",
         b."ownerId"::text AS "boardOwnerId", b."organizationId"::text AS "boardOrganizationId",
         b."isPersonal" AS "boardIsPersonal", b."version" AS "boardVersion",
         b."createdAt" AS "boardCreatedAt", b."updatedAt" AS "boardUpdatedAt",
         c."id"::text AS "columnId", c."name" AS "columnName", c."rank" AS "columnRank",
         i.*
    FROM "Board" b
    JOIN "Column" c ON c."boardId" = b."id"
    LEFT JOIN LATERAL (
      SELECT a."rank", ap."id"::text AS id, ap."title", ap."description", ap."dueDate", ap."completedAt",
             ap."ownerId"::text AS "ownerId", ap."assigneeId"::text AS "assigneeId", ap."version",
             ap."createdAt", ap."updatedAt",
             u."email" AS "assigneeEmail", u."displayName" AS "assigneeDisplayName", u."imageUrl" AS "assigneeImageUrl",
             COALESCE((SELECT json_agg(json_build_object('id', t."id", 'name', t."name", 'color', t."color") ORDER BY t."name")
                         FROM "ActionPointTag" apt JOIN "Tag" t ON t."id" = apt."tagId"
                        WHERE apt."actionPointId" = a."actionPointId" AND apt."boardId" = b."id"), '[]'::json) AS tags
        FROM (SELECT x."actionPointId", x."rank" FROM "ActionPointBoardAssociation" x
               WHERE x."columnId" = c."id" ORDER BY x."rank" LIMIT $2) a
        JOIN "ActionPoint" ap ON ap."id" = a."actionPointId"
        LEFT JOIN "User" u ON u."id" = ap."assigneeId") i ON true
   WHERE b."id" = $1
   ORDER BY c."rank", i."rank"`;

type Row = Record<string, any>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const cursor = (rank: string) => Buffer.from(JSON.stringify([rank])).toString('base64url');

async function view(boardId: string, limit: number) {
  const { rows } = await pool.query<Row>(VIEW_SQL, [boardId, limit + 1]);
  if (rows.length === 0) return null;
  const f = rows[0]!;
  const columns: { id: string; name: string; rank: string; items: unknown[]; nextCursor: string | null }[] = [];
  let current: (typeof columns)[number] | undefined;
  let lastRank = '';
  for (const r of rows) {
    if (!current || current.id !== r.columnId) {
      current = { id: r.columnId, name: r.columnName, rank: r.columnRank, items: [], nextCursor: null };
      columns.push(current);
    }
    if (r.id === null) continue;
    if (current.items.length === limit) {
      current.nextCursor = cursor(lastRank);
      continue;
    }
    lastRank = r.rank;
    current.items.push({
      id: r.id,
      title: r.title,
      description: r.description,
      dueDate: iso(r.dueDate),
      completedAt: iso(r.completedAt),
      ownerId: r.ownerId,
      assigneeId: r.assigneeId,
      assignee: r.assigneeId
        ? { id: r.assigneeId, email: r.assigneeEmail, displayName: r.assigneeDisplayName, imageUrl: r.assigneeImageUrl }
        : null,
      version: r.version,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      columnId: r.columnId,
      rank: r.rank,
      tags: r.tags,
    });
  }
  return {
    board: {
      id: f.boardId,
      name: f.boardName,
      description: f.boardDescription,
      ownerId: f.boardOwnerId,
      organizationId: f.boardOrganizationId,
      isPersonal: f.boardIsPersonal,
      version: f.boardVersion,
      level: 'ADMIN',
      createdAt: iso(f.boardCreatedAt),
      updatedAt: iso(f.boardUpdatedAt),
    },
    columns,
  };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  const m = /^\/view\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (!m) {
    res.writeHead(404).end();
    return;
  }
  const limit = Math.min(200, Math.max(1, Number(url.searchParams.get('limitPerColumn') ?? 50)));
  view(m[1]!, limit).then(
    (body) => {
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      const json = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    },
    (err: Error) => {
      res.writeHead(500).end(err.message);
    },
  );
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}
