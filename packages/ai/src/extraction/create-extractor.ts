// Chooses the extractor once, from config: Document Intelligence for the formats it
// reads when AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT and _KEY are set, the local
// extractors for everything else (and for everything when it is not configured).
import type { Env } from '@ap/config/env';
import { DocumentIntelligenceExtractor, type DocumentIntelligenceOptions } from './azure.ts';
import { LocalExtractor, localFormat, type LocalExtractorOptions } from './local.ts';
import type { ExtractedLayout, ExtractOptions, Extractor } from './ports.ts';

export type ExtractorConfig = Pick<Env, 'AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT' | 'AZURE_DOCUMENT_INTELLIGENCE_KEY' | 'AI_TIMEOUT_MS'>;

/** An extractor that holds resources (the OCR worker) until closed. */
export interface ClosableExtractor extends Extractor {
  /** `azure-document-intelligence` or `local`. */
  readonly provider: 'azure-document-intelligence' | 'local';
  close(): Promise<void>;
}

export interface ExtractorFactoryOptions {
  local?: LocalExtractorOptions;
  documentIntelligence?: Partial<Omit<DocumentIntelligenceOptions, 'endpoint' | 'key'>>;
  /** Wraps the Document Intelligence extractor (its circuit breaker); the local extractors are never wrapped. */
  guardRemote?: (remote: Extractor) => Extractor;
}

/** Formats Document Intelligence reads (PDF, images, DOCX, XLSX, PPTX, HTML); text, Markdown and CSV stay local. */
function forDocumentIntelligence(bytes: Uint8Array, contentType: string, fileName: string): boolean {
  const format = localFormat(bytes, contentType, fileName);
  if (format === 'pdf' || format === 'image' || format === 'docx' || format === 'html') return true;
  if (format) return false;
  return /\.(xlsx|pptx)$/i.test(fileName) || /spreadsheetml|presentationml/.test(contentType);
}

class RoutingExtractor implements ClosableExtractor {
  readonly provider = 'azure-document-intelligence' as const;
  constructor(
    private readonly remote: Extractor,
    private readonly local: LocalExtractor,
  ) {}

  extract(bytes: Uint8Array, contentType: string, fileName: string, opts?: ExtractOptions): Promise<ExtractedLayout> {
    return forDocumentIntelligence(bytes, contentType, fileName)
      ? this.remote.extract(bytes, contentType, fileName, opts)
      : this.local.extract(bytes, contentType, fileName, opts);
  }

  close(): Promise<void> {
    return this.local.close();
  }
}

class Local extends LocalExtractor implements ClosableExtractor {
  readonly provider = 'local' as const;
}

export function createExtractor(config: ExtractorConfig, options: ExtractorFactoryOptions = {}): ClosableExtractor {
  const local = new Local(options.local);
  const endpoint = config.AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT;
  const key = config.AZURE_DOCUMENT_INTELLIGENCE_KEY;
  if (!endpoint || !key) return local;
  const remote = new DocumentIntelligenceExtractor({ timeoutMs: config.AI_TIMEOUT_MS, ...options.documentIntelligence, endpoint, key });
  return new RoutingExtractor(options.guardRemote ? options.guardRemote(remote) : remote, local);
}
