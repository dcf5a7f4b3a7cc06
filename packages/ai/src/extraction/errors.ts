// Why a document could not be extracted. The processing job marks the document
// FAILED with `message`, which says what happened in words a user can act on.

/** No extractor reads this format (by content type, extension and content). */
export class UnsupportedFormatError extends Error {
  override readonly name = 'UnsupportedFormatError';
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    detail?: string,
  ) {
    super(`No extractor for ${describe(contentType, fileName)}${detail ? `: ${detail}` : ''}`);
  }
}

/** The format is known but this file could not be read (damaged, encrypted, or OCR not available). */
export class ExtractionFailedError extends Error {
  override readonly name = 'ExtractionFailedError';
  constructor(
    readonly extractor: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${extractor}: ${message}`, options);
  }
}

function describe(contentType: string, fileName: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1];
  return `${contentType || 'an unknown content type'}${ext ? ` (.${ext.toLowerCase()})` : ''}`;
}
