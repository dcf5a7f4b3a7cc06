/**
 * Chooses the blob store from the configuration, once, at start-up:
 * - AZURE_STORAGE_CONNECTION_STRING: that account (Azure or any Azurite), SAS
 *   signed with its account key;
 * - AZURE_STORAGE_ACCOUNT_URL: that account through Microsoft Entra ID
 *   (DefaultAzureCredential), SAS signed with user delegation keys;
 * - neither: an embedded Azurite in DATA_DIR/blob on EMBEDDED_BLOB_PORT.
 */
import path from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, StorageSharedKeyCredential, type StoragePipelineOptions } from '@azure/storage-blob';
import type { Env } from '@ap/config/env';
import { AzureBlobStore } from './azure-blob-store.ts';
import { startEmbeddedAzurite } from './embedded-azurite.ts';
import { accountNameFromUrl, sharedKeySigner, userDelegationSigner } from './sas.ts';

export type BlobStoreConfig = Pick<
  Env,
  | 'AZURE_STORAGE_CONNECTION_STRING'
  | 'AZURE_STORAGE_ACCOUNT_URL'
  | 'AZURE_STORAGE_CONTAINER'
  | 'EMBEDDED_BLOB_PORT'
  | 'DATA_DIR'
  | 'CORS_ORIGINS'
>;

export interface CreateBlobStoreOptions {
  /** Credential for AZURE_STORAGE_ACCOUNT_URL. Default: DefaultAzureCredential. */
  credential?: TokenCredential;
  /** Address the embedded Azurite listens on. Default 127.0.0.1. */
  embeddedHost?: string;
  /** The clock SAS validity is computed from. */
  now?: () => Date;
}

export type BlobStoreMode = 'connection-string' | 'entra-id' | 'embedded';

export interface ConfiguredBlobStore extends AzureBlobStore {
  readonly mode: BlobStoreMode;
}

/** Every call to the service: bounded retries, each try with a timeout. */
export const PIPELINE_OPTIONS: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, tryTimeoutInMs: 60_000, retryDelayInMs: 500, maxRetryDelayInMs: 5_000 },
  userAgentOptions: { userAgentPrefix: 'actionpoints' },
};

function fromConnectionString(connectionString: string): { service: BlobServiceClient; credential: StorageSharedKeyCredential } {
  const service = BlobServiceClient.fromConnectionString(connectionString, PIPELINE_OPTIONS);
  if (!(service.credential instanceof StorageSharedKeyCredential)) {
    throw new Error('AZURE_STORAGE_CONNECTION_STRING needs an account key (AccountKey=…) to sign upload and download URLs');
  }
  return { service, credential: service.credential };
}

export async function createBlobStore(config: BlobStoreConfig, options: CreateBlobStoreOptions = {}): Promise<ConfiguredBlobStore> {
  const common = { containerName: config.AZURE_STORAGE_CONTAINER, corsOrigins: config.CORS_ORIGINS, now: options.now };

  if (config.AZURE_STORAGE_CONNECTION_STRING) {
    const { service, credential } = fromConnectionString(config.AZURE_STORAGE_CONNECTION_STRING);
    return Object.assign(new AzureBlobStore({ ...common, service, signer: sharedKeySigner(credential) }), {
      mode: 'connection-string' as const,
    });
  }

  if (config.AZURE_STORAGE_ACCOUNT_URL) {
    const credential = options.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
    const service = new BlobServiceClient(config.AZURE_STORAGE_ACCOUNT_URL, credential, PIPELINE_OPTIONS);
    const signer = userDelegationSigner({
      accountName: accountNameFromUrl(config.AZURE_STORAGE_ACCOUNT_URL),
      getKey: (startsOn, expiresOn) => service.getUserDelegationKey(startsOn, expiresOn),
      now: options.now,
    });
    return Object.assign(new AzureBlobStore({ ...common, service, signer }), { mode: 'entra-id' as const });
  }

  const azurite = await startEmbeddedAzurite({
    dataDir: path.join(config.DATA_DIR, 'blob'),
    port: config.EMBEDDED_BLOB_PORT,
    host: options.embeddedHost,
  });
  try {
    const { service, credential } = fromConnectionString(azurite.connectionString);
    return Object.assign(new AzureBlobStore({ ...common, service, signer: sharedKeySigner(credential), onClose: () => azurite.close() }), {
      mode: 'embedded' as const,
    });
  } catch (err) {
    await azurite.close();
    throw err;
  }
}
