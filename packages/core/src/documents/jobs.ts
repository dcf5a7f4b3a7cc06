/** Names of the background jobs of documents (their definitions are in jobs/registry.ts). */

/** Extract, chunk and embed a document (data: `{ documentId, version }`, keyed by both). */
export const DOCUMENT_PROCESS_JOB = 'document.process';
/** Removes a deleted document's chunks, vectors and blob (data: `{ documentId }`). */
export const DOCUMENT_PURGE_JOB = 'document.purge';
/** Deletes one blob no row refers to any more (data: `{ blobName }`). */
export const BLOB_DELETE_JOB = 'blob.delete';
/** Deletes uploads never completed, blob and row (periodic). */
export const UPLOADS_SWEEP_JOB = 'uploads.sweep';
