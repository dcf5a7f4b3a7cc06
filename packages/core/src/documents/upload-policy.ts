/**
 * Upload gating, decided before any SAS URL exists: the declared size against the
 * cap, the declared MIME type and the file name's extension against the
 * allow-lists and against each other. The file name is normalized into a safe
 * display name; blob names are always made by the server, never from it.
 *
 * Pure and import-free: a refusal carries one of AppError's codes, which the caller
 * turns into the error (`new AppError(r.code, r.message, { fields: [{ path: r.field,
 * message: r.message }] })`).
 */

/** The extensions that belong to each MIME type this product can process. */
export const EXTENSIONS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/plain': ['txt', 'text'],
  'text/markdown': ['md', 'markdown'],
  'text/html': ['html', 'htm'],
  'text/csv': ['csv'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
};

/** Other spellings clients send for the same types. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'text/x-markdown': 'text/markdown',
  'application/x-pdf': 'application/pdf',
};

/** Extensions that run or install something: never accepted anywhere in a name. */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'scr',
  'pif',
  'msi',
  'msp',
  'dll',
  'sys',
  'cpl',
  'jar',
  'js',
  'jse',
  'mjs',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'ps1',
  'psm1',
  'sh',
  'bash',
  'zsh',
  'app',
  'apk',
  'dmg',
  'pkg',
  'deb',
  'rpm',
  'run',
  'bin',
  'elf',
  'so',
  'lnk',
  'reg',
  'hta',
  'iso',
  'img',
  'docm',
  'xlsm',
  'pptm',
  'dotm',
  'xlam',
  'svg',
]);

/** Windows device names, refused as a name's stem whatever follows. */
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Longest display name kept, in characters (the extension is always kept). */
export const MAX_FILE_NAME_LENGTH = 200;

export interface UploadPolicy {
  maxBytes: number;
  allowedTypes: readonly string[];
  allowedExtensions: readonly string[];
}

export interface UploadRequest {
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** AppError codes (errors.ts) an upload can be refused with. */
export type UploadRefusalCode = 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';

export type UploadDecision =
  | {
      ok: true;
      /** The normalized display name (never a path). */
      fileName: string;
      /** The canonical MIME type (lower-case, no parameters, aliases resolved). */
      contentType: string;
      /** Lower-case, without the dot. */
      extension: string;
      sizeBytes: number;
    }
  | { ok: false; code: UploadRefusalCode; field: keyof UploadRequest; message: string };

/** Lower-case type without parameters, aliases resolved; null when not a MIME type or not UTF-8 text. */
export function canonicalContentType(value: string): string | null {
  const [essence = '', ...params] = value.split(';');
  const type = essence.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type)) return null;
  const canonical = TYPE_ALIASES[type] ?? type;
  for (const param of params) {
    const [key, raw = ''] = param.split('=');
    if (key?.trim().toLowerCase() !== 'charset') continue;
    const charset = raw.trim().replace(/^"|"$/g, '').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8' && !(charset === 'us-ascii' && canonical.startsWith('text/'))) return null;
  }
  return canonical;
}

/**
 * A safe display name: the last path segment only, Unicode NFC, without control
 * and format characters (bidi overrides, zero-width), characters Windows refuses
 * replaced by `_`, no leading dots, no trailing dots or spaces, a Windows device
 * stem prefixed with `_`, at most MAX_FILE_NAME_LENGTH characters (the stem is
 * shortened, the extension kept). Null when nothing is left.
 */
export function normalizeFileName(input: string): string | null {
  let name = input.normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  name = name.replace(/[<>:"|?*]/g, '_');
  name = name.replace(/\s+/gu, ' ');
  name = name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
  if (!name) return null;
  const dot = name.indexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  if (RESERVED_STEM.test(stem.trim())) name = `_${name}`;
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    // Keep a short extension whole; shorten the rest.
    const lastDot = name.lastIndexOf('.');
    const ext = lastDot > 0 && name.length - lastDot <= 17 ? [...name.slice(lastDot)] : [];
    const keep = chars
      .slice(0, MAX_FILE_NAME_LENGTH - ext.length)
      .join('')
      .replace(/[\s.]+$/u, '');
    name = keep + ext.join('');
  }
  return name;
}

/** Every dot-separated segment after the first, lower-cased and trimmed: `a.tar.gz` → ['tar', 'gz']. */
function extensionsOf(fileName: string): string[] {
  return fileName
    .split('.')
    .slice(1)
    .map((s) => s.trim().toLowerCase());
}

const knownExtensions = new Set(Object.values(EXTENSIONS_BY_TYPE).flat());

/** Checks an upload request against the policy. */
export function checkUpload(request: UploadRequest, policy: UploadPolicy): UploadDecision {
  const { sizeBytes } = request;
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0) {
    return { ok: false, code: 'BAD_REQUEST', field: 'sizeBytes', message: 'sizeBytes must be a whole number of bytes' };
  }
  if (sizeBytes === 0) {
    return { ok: false, code: 'BAD_REQUEST', field: 'sizeBytes', message: 'The file is empty' };
  }
  if (sizeBytes > policy.maxBytes) {
    return {
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
      field: 'sizeBytes',
      message: `The file is ${sizeBytes} bytes; the largest upload is ${policy.maxBytes} bytes`,
    };
  }

  const fileName = normalizeFileName(request.fileName);
  if (!fileName) {
    return { ok: false, code: 'BAD_REQUEST', field: 'fileName', message: 'fileName has no usable characters' };
  }

  const contentType = canonicalContentType(request.contentType);
  const allowedTypes = new Set(policy.allowedTypes.map((t) => canonicalContentType(t) ?? t));
  if (!contentType || !allowedTypes.has(contentType)) {
    return {
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      field: 'contentType',
      message: `Files of type ${JSON.stringify(request.contentType)} are not accepted`,
    };
  }

  const segments = extensionsOf(fileName);
  const extension = segments.at(-1);
  const allowedExtensions = new Set(policy.allowedExtensions.map((e) => e.toLowerCase().replace(/^\./, '')));
  if (!extension || !allowedExtensions.has(extension)) {
    return {
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      field: 'fileName',
      message: extension ? `Files ending in .${extension} are not accepted` : 'The file name needs an extension',
    };
  }
  const inner = segments.slice(0, -1);
  const doubled = inner.find((s) => EXECUTABLE_EXTENSIONS.has(s) || knownExtensions.has(s) || allowedExtensions.has(s));
  if (doubled !== undefined) {
    return {
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      field: 'fileName',
      message: `The file name has two extensions (.${doubled}.${extension}); rename the file`,
    };
  }
  if (!(EXTENSIONS_BY_TYPE[contentType] ?? []).includes(extension)) {
    return {
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      field: 'fileName',
      message: `A .${extension} file is not of type ${contentType}`,
    };
  }
  return { ok: true, fileName, contentType, extension, sizeBytes };
}
