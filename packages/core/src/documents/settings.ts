/** What the upload and download rules need from the configuration. */
import type { UploadPolicy } from './upload-policy.ts';

export interface FileSettings {
  policy: UploadPolicy;
  /** Lifetime of an upload SAS URL. */
  uploadTtlMinutes: number;
  /** Lifetime of a download SAS URL. */
  downloadTtlMinutes: number;
}

/** From the parsed environment (UPLOAD_* and DOWNLOAD_URL_TTL_MINUTES). */
export function fileSettingsFrom(env: {
  UPLOAD_MAX_BYTES: number;
  UPLOAD_ALLOWED_TYPES: readonly string[];
  UPLOAD_ALLOWED_EXTENSIONS: readonly string[];
  UPLOAD_URL_TTL_MINUTES: number;
  DOWNLOAD_URL_TTL_MINUTES: number;
}): FileSettings {
  return {
    policy: { maxBytes: env.UPLOAD_MAX_BYTES, allowedTypes: env.UPLOAD_ALLOWED_TYPES, allowedExtensions: env.UPLOAD_ALLOWED_EXTENSIONS },
    uploadTtlMinutes: env.UPLOAD_URL_TTL_MINUTES,
    downloadTtlMinutes: env.DOWNLOAD_URL_TTL_MINUTES,
  };
}
