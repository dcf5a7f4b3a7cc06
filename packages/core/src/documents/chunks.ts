/** A document's stored chunks, with their citation fields, as clients read them. */
import type { Prisma } from '@ap/db/client';
import { requireDocument } from '../access/rules.ts';
import { decodeCursor, toPage, type Page } from '../shared/pagination.ts';
import type { FileServices } from './uploads.ts';

export const chunkSelect = {
  id: true,
  documentId: true,
  ordinal: true,
  text: true,
  start: true,
  end: true,
  pageStart: true,
  pageEnd: true,
  headings: true,
  boxes: true,
  contentHash: true,
  tokenCount: true,
  embeddingModel: true,
} satisfies Prisma.DocumentChunkSelect;

export type ChunkRow = Prisma.DocumentChunkGetPayload<{ select: typeof chunkSelect }>;

/** The document's stored chunks in order (VIEW), keyset-paginated by ordinal. */
export async function listChunks(
  svc: FileServices,
  input: { documentId: string; cursor?: string; limit: number },
): Promise<Page<ChunkRow>> {
  await requireDocument(svc.db, svc.userId, input.documentId, 'VIEW');
  const after = decodeCursor(input.cursor, ['seq'])?.[0] ?? null;
  const rows = await svc.db.documentChunk.findMany({
    where: { documentId: input.documentId, ...(after !== null ? { ordinal: { gt: Number(after) } } : {}) },
    orderBy: { ordinal: 'asc' },
    take: input.limit + 1,
    select: chunkSelect,
  });
  return toPage(rows, input.limit, (r) => [String(r.ordinal)]);
}
