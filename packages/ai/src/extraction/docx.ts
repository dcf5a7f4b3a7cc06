// DOCX through mammoth: the document becomes HTML (Title as h1, Heading n as
// h(n+1), tables, lists), which the HTML extractor reads.
import { ExtractionFailedError } from './errors.ts';
import { extractHtml } from './html.ts';
import type { ExtractedLayout } from './ports.ts';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='heading 1'] => h2:fresh",
  "p[style-name='heading 2'] => h3:fresh",
  "p[style-name='heading 3'] => h4:fresh",
  "p[style-name='heading 4'] => h5:fresh",
  "p[style-name='heading 5'] => h6:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
  "p[style-name='Heading 5'] => h6:fresh",
];

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedLayout> {
  let html: string;
  try {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true },
    );
    html = result.value;
  } catch (err) {
    throw new ExtractionFailedError('local-docx', `not a readable DOCX file (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    });
  }
  return extractHtml(html, { model: 'local-docx' });
}
