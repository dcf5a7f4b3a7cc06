/**
 * `documentIntelligence.analyze`: the layout of a document the caller can VIEW
 * (pages with lines, paragraphs with roles, tables, and the text every span
 * points into), by the configured extractor (`Deps.extractor`: Document
 * Intelligence for the formats it reads when configured, else the local
 * extractors), named in `model`. `prebuilt-read` gives text and lines only: no
 * roles, no tables.
 *
 * The extractor runs on the document's stored file, outside any transaction,
 * with the cap document processing has; nothing is stored (processing keeps only
 * chunks, not layouts, so there is no stored layout to answer from). The read is
 * audited `document.retrieved`.
 */
import { MAX_PROCESS_BYTES } from '../knowledge/processing.ts';
import type { Deps } from '../ports/deps.ts';
import type { ExtractedLayout, LayoutModel } from '../ports/extractor.ts';
import type { ServiceContext } from '../shared/context.ts';
import { confirmRead, readStoredFile, unusableInput, viewableDocument } from './sources.ts';

export type LayoutServices = ServiceContext & Pick<Deps, 'blobs' | 'extractor'>;

export const LAYOUT_MODELS = ['prebuilt-layout', 'prebuilt-read'] as const satisfies readonly LayoutModel[];

export interface DocumentLayout extends ExtractedLayout {
  documentId: string;
}

export async function analyzeLayout(
  svc: LayoutServices,
  input: { documentId: string; model?: LayoutModel | undefined },
  opts: { signal?: AbortSignal } = {},
): Promise<DocumentLayout> {
  const file = await viewableDocument(svc, input.documentId);
  const bytes = await readStoredFile(svc.blobs, file, MAX_PROCESS_BYTES, 'documentIntelligence.analyze');
  const model = input.model ?? 'prebuilt-layout';
  let layout: ExtractedLayout;
  try {
    layout = await svc.extractor.extract(bytes, file.contentType, file.fileName, {
      model,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    throw unusableInput(err, file) ?? err;
  }
  await confirmRead(svc, file, { via: 'documentIntelligence.analyze', details: { model: layout.model } });
  return { documentId: file.id, ...layout };
}
