/**
 * The blob store on Azure Blob Storage (or Azurite) through @azure/storage-blob.
 * Implements core's BlobStore port (ports/blob-store.ts).
 */
import {
  BlobSASPermissions,
  RestError,
  SASProtocol,
  type BlobServiceClient,
  type BlobSASSignatureValues,
  type ContainerClient,
  type CorsRule,
} from '@azure/storage-blob';
import type { BlobInfo, BlobListItem, BlobStore, DownloadUrl, UploadUrl } from '@ap/core/ports/blob-store';
import { attachmentDisposition, type SasSigner } from './sas.ts';

export type { BlobInfo, BlobListItem, DownloadUrl, UploadUrl };

/** What ensureReady did about CORS. */
export type CorsOutcome = 'not-configured' | 'unchanged' | 'set' | 'not-permitted';

export interface AzureBlobStoreOptions {
  service: BlobServiceClient;
  containerName: string;
  signer: SasSigner;
  /** Browser origins allowed to PUT/GET signed URLs; empty leaves the account's CORS rules alone. */
  corsOrigins?: readonly string[];
  /** The clock SAS validity is computed from. */
  now?: () => Date;
  /** Called by close() (e.g. to stop an embedded emulator). */
  onClose?: () => Promise<void>;
}

/** How far back a SAS starts, for clients whose clocks run behind. */
export const SAS_CLOCK_SKEW_MS = 5 * 60_000;
/** Longest SAS lifetime accepted (a user delegation key lives at most 7 days). */
const MAX_SAS_MINUTES = 7 * 24 * 60;

const CORS_RULE = {
  allowedMethods: 'GET,HEAD,PUT,OPTIONS',
  allowedHeaders:
    'content-type,content-length,content-md5,x-ms-blob-type,x-ms-blob-content-type,x-ms-blob-content-disposition,x-ms-version,x-ms-date,x-ms-client-request-id',
  exposedHeaders: 'content-type,content-length,content-disposition,etag,last-modified,x-ms-request-id,x-ms-version',
  maxAgeInSeconds: 3600,
} as const;

function isStatus(err: unknown, ...codes: number[]): boolean {
  return err instanceof RestError && codes.includes(err.statusCode ?? 0);
}

/** Blob names are made by the server; this refuses anything that is not a plain relative name. */
export function assertBlobName(name: string): void {
  const ok =
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 1024 &&
    !name.startsWith('/') &&
    !/[\\\u0000-\u001f\u007f]/.test(name) &&
    !name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (!ok) throw new TypeError(`Invalid blob name ${JSON.stringify(name)}`);
}

function assertMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SAS_MINUTES) {
    throw new RangeError(`expiresInMinutes must be a whole number from 1 to ${MAX_SAS_MINUTES}`);
  }
}

async function readBody(stream: NodeJS.ReadableStream | undefined, limit: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.byteLength;
    if (total > limit) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new RangeError(`The blob is larger than ${limit} bytes`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

export class AzureBlobStore implements BlobStore {
  readonly container: ContainerClient;
  private readonly now: () => Date;
  private readonly allowHttp: boolean;

  constructor(private readonly options: AzureBlobStoreOptions) {
    this.container = options.service.getContainerClient(options.containerName);
    this.now = options.now ?? (() => new Date());
    // https-only SAS, unless the endpoint itself is plain http (an emulator).
    this.allowHttp = new URL(options.service.url).protocol === 'http:';
  }

  /** The account's blob endpoint. */
  get url(): string {
    return this.options.service.url;
  }

  async ensureReady(): Promise<{ cors: CorsOutcome }> {
    await this.container.createIfNotExists();
    return { cors: await this.applyCors() };
  }

  /**
   * Replaces the account's Blob CORS rules with one rule for the configured
   * origins, unless they already are exactly that. An identity without the right
   * to change account properties gets 'not-permitted' (set the rule yourself).
   */
  private async applyCors(): Promise<CorsOutcome> {
    const origins = this.options.corsOrigins ?? [];
    if (origins.length === 0) return 'not-configured';
    const wanted: CorsRule = { allowedOrigins: origins.join(','), ...CORS_RULE };
    try {
      const current = (await this.options.service.getProperties()).cors ?? [];
      const same =
        current.length === 1 && (Object.keys(wanted) as (keyof CorsRule)[]).every((k) => String(current[0]![k]) === String(wanted[k]));
      if (same) return 'unchanged';
      await this.options.service.setProperties({ cors: [wanted] });
      return 'set';
    } catch (err) {
      if (isStatus(err, 403)) return 'not-permitted';
      throw err;
    }
  }

  private async sign(
    blobName: string,
    values: Omit<BlobSASSignatureValues, 'containerName' | 'blobName' | 'startsOn' | 'expiresOn' | 'protocol'>,
    minutes: number,
  ) {
    assertBlobName(blobName);
    assertMinutes(minutes);
    const now = this.now().getTime();
    const expiresOn = new Date(now + minutes * 60_000);
    const query = await this.options.signer({
      ...values,
      containerName: this.options.containerName,
      blobName,
      startsOn: new Date(now - SAS_CLOCK_SKEW_MS),
      expiresOn,
      protocol: this.allowHttp ? SASProtocol.HttpsAndHttp : SASProtocol.Https,
    });
    return { url: `${this.container.getBlobClient(blobName).url}?${query}`, expiresAt: expiresOn };
  }

  async createUploadUrl(input: { blobName: string; contentType: string; expiresInMinutes: number }): Promise<UploadUrl> {
    const permissions = BlobSASPermissions.from({ create: true, write: true });
    const { url, expiresAt } = await this.sign(input.blobName, { permissions }, input.expiresInMinutes);
    return {
      url,
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': input.contentType },
      expiresAt,
    };
  }

  async createDownloadUrl(input: {
    blobName: string;
    fileName: string;
    contentType?: string;
    expiresInMinutes: number;
  }): Promise<DownloadUrl> {
    return this.sign(
      input.blobName,
      {
        permissions: BlobSASPermissions.from({ read: true }),
        contentDisposition: attachmentDisposition(input.fileName),
        cacheControl: 'private, no-store',
        ...(input.contentType ? { contentType: input.contentType } : {}),
      },
      input.expiresInMinutes,
    );
  }

  async stat(blobName: string): Promise<BlobInfo | null> {
    assertBlobName(blobName);
    try {
      const p = await this.container.getBlobClient(blobName).getProperties();
      return {
        sizeBytes: p.contentLength ?? 0,
        contentType: p.contentType ?? null,
        lastModified: p.lastModified ?? new Date(0),
        etag: p.etag ?? '',
      };
    } catch (err) {
      if (isStatus(err, 404)) return null;
      throw err;
    }
  }

  async readRange(blobName: string, offset: number, count: number): Promise<Uint8Array | null> {
    assertBlobName(blobName);
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(count) || count < 0) {
      throw new RangeError('offset and count must be whole numbers ≥ 0');
    }
    // A count of 0 would mean "to the end" to the service.
    if (count === 0) return (await this.stat(blobName)) ? new Uint8Array(0) : null;
    try {
      const res = await this.container.getBlobClient(blobName).download(offset, count);
      return await readBody(res.readableStreamBody, count);
    } catch (err) {
      if (isStatus(err, 404)) return null;
      // 416: the range starts at or past the end (an empty blob included).
      if (isStatus(err, 416)) return (await this.stat(blobName)) ? new Uint8Array(0) : null;
      throw err;
    }
  }

  async read(blobName: string, options: { maxBytes: number }): Promise<Uint8Array | null> {
    assertBlobName(blobName);
    try {
      const res = await this.container.getBlobClient(blobName).download(0);
      if ((res.contentLength ?? 0) > options.maxBytes) {
        (res.readableStreamBody as { destroy?: () => void } | undefined)?.destroy?.();
        throw new RangeError(`The blob is ${res.contentLength} bytes, more than ${options.maxBytes}`);
      }
      return await readBody(res.readableStreamBody, options.maxBytes);
    } catch (err) {
      if (isStatus(err, 404)) return null;
      throw err;
    }
  }

  async put(blobName: string, bytes: Uint8Array | string, contentType: string): Promise<void> {
    assertBlobName(blobName);
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await this.container.getBlockBlobClient(blobName).uploadData(data, { blobHTTPHeaders: { blobContentType: contentType } });
  }

  async delete(blobName: string): Promise<boolean> {
    assertBlobName(blobName);
    const res = await this.container.getBlobClient(blobName).deleteIfExists({ deleteSnapshots: 'include' });
    return res.succeeded;
  }

  async *list(prefix: string): AsyncIterable<BlobListItem> {
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      yield {
        name: blob.name,
        sizeBytes: blob.properties.contentLength ?? 0,
        lastModified: blob.properties.lastModified,
      };
    }
  }

  /** Releases what the store started (an embedded emulator). */
  async close(): Promise<void> {
    await this.options.onClose?.();
  }
}
