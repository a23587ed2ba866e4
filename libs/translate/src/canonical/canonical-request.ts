/**
 * The canonical model: the union of what the dialects can say, so that N dialects need N codecs, not N × N translators.
 * Every decoder produces it and every encoder consumes it; what a target cannot take is dropped by its encoder with a warning.
 */

/** Anthropic's prompt-caching marker, kept on the blocks that carry it. */
export interface CacheControl {
  type: 'ephemeral';
  ttl?: string;
}

export type ImageSource =
  | { type: 'base64'; mediaType: string; data: string }
  | { type: 'url'; url: string };

export interface TextPart {
  type: 'text';
  text: string;
  cacheControl?: CacheControl;
  /** Anthropic citations, passed through as they came. */
  citations?: unknown[];
}

export interface ImagePart {
  type: 'image';
  source: ImageSource;
  /** OpenAI's `detail` hint (low, high, auto). */
  detail?: string;
  cacheControl?: CacheControl;
}

/** A document (PDF or text) as Anthropic takes it; OpenAI's `file` parts map here too. */
export interface DocumentPart {
  type: 'document';
  source: { type: 'base64'; mediaType: string; data: string } | { type: 'url'; url: string } | { type: 'text'; text: string };
  title?: string;
  filename?: string;
  cacheControl?: CacheControl;
}

export interface ToolCallPart {
  type: 'tool_call';
  id: string;
  name: string;
  /** The parsed arguments (Anthropic's `input`). */
  arguments: unknown;
  cacheControl?: CacheControl;
}

export interface ToolResultPart {
  type: 'tool_result';
  toolCallId: string;
  content: (TextPart | ImagePart | DocumentPart)[];
  isError?: boolean;
  cacheControl?: CacheControl;
}

/** Reasoning. `signature` is Anthropic's proof that it wrote the block; without it Anthropic will not take the block back. */
export interface ThinkingPart {
  type: 'thinking';
  text: string;
  signature?: string;
}

export interface RedactedThinkingPart {
  type: 'redacted_thinking';
  data: string;
}

export type ContentPart = TextPart | ImagePart | DocumentPart | ToolCallPart | ToolResultPart | ThinkingPart | RedactedThinkingPart;

export interface CanonicalMessage {
  role: 'user' | 'assistant';
  content: ContentPart[];
}

export interface CanonicalTool {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
  strict?: boolean;
  cacheControl?: CacheControl;
}

export type ToolChoice = { type: 'auto' } | { type: 'none' } | { type: 'required' } | { type: 'tool'; name: string };

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

export type Thinking =
  | { type: 'enabled'; budgetTokens: number }
  | { type: 'adaptive' }
  | { type: 'disabled' };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean; description?: string };

export interface CanonicalRequest {
  /** The model the upstream is asked for (the gateway sets the upstream id before encoding). */
  model: string;
  /** System and developer instructions, in order. */
  system: TextPart[];
  messages: CanonicalMessage[];
  tools?: CanonicalTool[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  stream: boolean;
  thinking?: Thinking;
  reasoningEffort?: ReasoningEffort;
  responseFormat?: ResponseFormat;
  /** An end-user id for abuse monitoring (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string;
  seed?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  /** OpenAI `metadata`: string pairs. */
  metadata?: Record<string, string>;
}
