/**
 * Port: where the bytes of documents and attachments live (Azure Blob Storage, or
 * an emulator speaking its protocol). Browsers upload and download straight to the
 * store with short-lived signed URLs; the server only signs, inspects and deletes.
 *
 * Blob names are made by the server (e.g. `uploads/<userId>/<uuid>`); file names
 * given by users appear only as display names (the download's Content-Disposition).
 * Adapters live in @ap/storage; one is chosen at start-up from the configuration.
 */

/** A signed URL a client PUTs the file's bytes to, with the headers it must send. */
export interface UploadUrl {
  url: string;
  method: 'PUT';
  /** Headers the PUT must carry (e.g. `x-ms-blob-type: BlockBlob`, `content-type`). */
  headers: Record<string, string>;
  expiresAt: Date;
}

/** A signed, read-only URL that downloads the blob as an attachment. */
export interface DownloadUrl {
  url: string;
  expiresAt: Date;
}

export interface BlobInfo {
  sizeBytes: number;
  /** The Content-Type stored with the blob (as sent by the uploader), if any. */
  contentType: string | null;
  lastModified: Date;
  etag: string;
}

export interface BlobListItem {
  name: string;
  sizeBytes: number;
  lastModified: Date;
}

/**
 * What start-up did about CORS: no browser origins configured, rules already in
 * place, rules written, or the identity may not change them (set them by hand).
 */
export interface BlobStoreReadiness {
  cors: 'not-configured' | 'unchanged' | 'set' | 'not-permitted';
}

export interface BlobStore {
  /**
   * Creates the container when it is missing and, when browser origins are
   * configured, the CORS rules that let them PUT/GET the signed URLs. Idempotent;
   * called once at start-up (the result is worth a log line).
   */
  ensureReady(): Promise<BlobStoreReadiness>;

  /**
   * A URL that may create or overwrite this one blob and nothing else (no read, no
   * list, no delete), valid from a few minutes in the past (clock skew) until
   * `expiresInMinutes` from now; https-only unless the store itself is plain http
   * (an emulator on loopback).
   */
  createUploadUrl(input: { blobName: string; contentType: string; expiresInMinutes: number }): Promise<UploadUrl>;

  /**
   * A read-only URL for this one blob whose response carries
   * `Content-Disposition: attachment; filename=…` (RFC 6266 / RFC 5987 for
   * non-ASCII names) and, when given, that Content-Type.
   */
  createDownloadUrl(input: { blobName: string; fileName: string; contentType?: string; expiresInMinutes: number }): Promise<DownloadUrl>;

  /** Size and stored type of a blob; null when it does not exist. */
  stat(blobName: string): Promise<BlobInfo | null>;

  /**
   * Up to `count` bytes from `offset` (fewer at the end of the blob, none past
   * it); null when the blob does not exist. For magic-byte checks.
   */
  readRange(blobName: string, offset: number, count: number): Promise<Uint8Array | null>;

  /**
   * The whole blob; null when it does not exist. Rejects with a RangeError, before
   * reading the body, when the blob is larger than `maxBytes`.
   */
  read(blobName: string, options: { maxBytes: number }): Promise<Uint8Array | null>;

  /** Writes (or replaces) a blob from the server, e.g. an inline text document. */
  put(blobName: string, bytes: Uint8Array | string, contentType: string): Promise<void>;

  /** Deletes a blob. Idempotent: true when it existed, false when it was already gone. */
  delete(blobName: string): Promise<boolean>;

  /** The blobs whose names start with `prefix`, in name order (for sweeps of stale uploads). */
  list(prefix: string): AsyncIterable<BlobListItem>;
}
