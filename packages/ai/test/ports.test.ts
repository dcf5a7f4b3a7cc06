// The implementations fit core's ports (checked by the type checker; the runtime
// assertions only keep vitest from reporting an empty file).
import { describe, expect, it } from 'vitest';
import type { ChatModel as ChatModelPort } from '@ap/core/ports/chat-model';
import type { Embedder as EmbedderPort } from '@ap/core/ports/embedder';
import { parseEnv } from '@ap/config/env';
import { LocalHashingEmbedder } from '../src/local-embedder.ts';
import { OpenAiChatModel } from '../src/openai-chat.ts';
import { OpenAiEmbedder } from '../src/openai-embedder.ts';
import { createAiProviders } from '../src/providers.ts';

describe('ports', () => {
  it('are implemented structurally', () => {
    const providers = createAiProviders(parseEnv({}));
    const embedder: EmbedderPort = providers.embedder;
    const chat: ChatModelPort | null = providers.chat;
    const classes: [
      new (...args: never[]) => EmbedderPort,
      new (...args: never[]) => EmbedderPort,
      new (...args: never[]) => ChatModelPort,
    ] = [LocalHashingEmbedder, OpenAiEmbedder, OpenAiChatModel];
    expect(embedder.model).toBe('local-hashing-v1');
    expect(chat).toBeNull();
    expect(classes).toHaveLength(3);
  });
});
