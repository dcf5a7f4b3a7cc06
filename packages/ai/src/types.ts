// The ports this package implements (types only: no runtime import of core).
export type { EmbedOptions, EmbedResult, Embedder } from '@ap/core/ports/embedder';
export type {
  ChatCompletion,
  ChatJsonCompletion,
  ChatMessage,
  ChatModel,
  ChatOptions,
  ChatRole,
  ChatStreamEvent,
  ChatUsage,
  FinishReason,
  JsonFormat,
} from '@ap/core/ports/chat-model';
export type {
  ImagePoint,
  VisionAnalysis,
  VisionAnalyzeOptions,
  VisionFeature,
  VisionLine,
  VisionModel,
  VisionTag,
} from '@ap/core/ports/vision-model';
