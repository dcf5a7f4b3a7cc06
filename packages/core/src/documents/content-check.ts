/**
 * Does a stored blob's content match its declared type? Binary formats are told
 * by their magic bytes (file-type); text formats must be valid UTF-8 without
 * binary control characters and must not look like a known binary format.
 *
 * OOXML files (docx, pptx, xlsx) are zip archives: the first few KB can read as a
 * plain `zip` when `[Content_Types].xml` is not among the first entries, so a zip
 * seen in a partial head is looked at again on the whole blob (`readAll`).
 */
import { canonicalContentType } from './upload-policy.ts';

/** How many leading bytes to read for the check (file-type wants at least 4100). */
export const CONTENT_SNIFF_BYTES = 64 * 1024;

const OOXML = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

const TEXT = new Set(['text/plain', 'text/markdown', 'text/html', 'text/csv']);

/** Detected types a text declaration tolerates (XHTML starts like XML). */
const TEXT_TOLERATED: Readonly<Record<string, readonly string[]>> = {
  'text/html': ['application/xml'],
};

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape. */
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

export interface ContentCheckInput {
  /** The declared MIME type (as accepted by the upload policy). */
  contentType: string;
  /** The first bytes of the blob: CONTENT_SNIFF_BYTES, or all of it when smaller. */
  head: Uint8Array;
  /** The blob's total size, to tell whether `head` is all of it. */
  sizeBytes: number;
  /** Reads the whole blob; used only when a partial head reads as a plain zip. */
  readAll?: () => Promise<Uint8Array>;
}

export type ContentCheck =
  | { ok: true; detectedType: string }
  | { ok: false; code: 'UNSUPPORTED_MEDIA_TYPE'; detectedType: string | null; message: string };

const refuse = (detectedType: string | null, message: string): ContentCheck => ({
  ok: false,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  detectedType,
  message,
});

async function detect(bytes: Uint8Array): Promise<string | null> {
  try {
    return (await (await import('file-type')).fileTypeFromBuffer(bytes))?.mime ?? null;
  } catch {
    return null;
  }
}

/**
 * Valid UTF-8 with no binary control characters. With `complete` false the bytes
 * are a prefix, so a multi-byte character cut at the end is not an error.
 */
export function isUtf8Text(bytes: Uint8Array, complete: boolean): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream: !complete });
  } catch {
    return false;
  }
  return !BINARY_CONTROL.test(text);
}

export async function checkContent(input: ContentCheckInput): Promise<ContentCheck> {
  const declared = canonicalContentType(input.contentType);
  if (!declared) return refuse(null, `${JSON.stringify(input.contentType)} is not a MIME type`);
  const complete = input.head.byteLength >= input.sizeBytes;
  let detected = await detect(input.head);

  if (TEXT.has(declared)) {
    if (detected && !(TEXT_TOLERATED[declared] ?? []).includes(detected)) {
      return refuse(detected, `The file is ${detected}, not ${declared}`);
    }
    if (!isUtf8Text(input.head, complete)) {
      return refuse(null, `The file is not UTF-8 text (${declared} must be UTF-8)`);
    }
    return { ok: true, detectedType: declared };
  }

  if (detected === 'application/zip' && OOXML.has(declared) && !complete && input.readAll) {
    detected = await detect(await input.readAll());
  }
  if (detected === declared) return { ok: true, detectedType: detected };
  if (!detected) return refuse(null, `The file's content is not ${declared}`);
  return refuse(detected, `The file is ${detected}, not ${declared}`);
}
