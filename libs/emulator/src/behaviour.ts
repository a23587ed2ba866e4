/** Anthropic's stop reasons: https://docs.anthropic.com/en/api/messages#response-stop-reason */
export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal' | 'pause_turn';

/** OpenAI's finish reasons: https://platform.openai.com/docs/api-reference/chat/object */
export type OpenAiFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface EmulatedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface EmulatedError {
  status: number;
  /** The error type in the API's own vocabulary; derived from the status when absent. */
  type?: string;
  message?: string;
  /** Seconds, sent as the `retry-after` header. */
  retry_after?: number;
}

/** Usage in Anthropic's terms; the OpenAI endpoints fold the cache counts into their prompt tokens. */
export interface EmulatedUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

/** What the emulator does for one request; every field is optional. */
export interface EmulatorBehaviour {
  text?: string;
  tool_calls?: EmulatedToolCall[];
  thinking?: string;
  stop_reason?: AnthropicStopReason;
  stop_sequence?: string;
  finish_reason?: OpenAiFinishReason;
  usage?: EmulatedUsage;
  /** An error response instead of a reply; with `error_after_chunks`, the error sent mid-stream instead. */
  error?: EmulatedError;
  delay_ms?: number;
  chunks?: number;
  chunk_delay_ms?: number;
  disconnect_after_chunks?: number;
  error_after_chunks?: number;
}
