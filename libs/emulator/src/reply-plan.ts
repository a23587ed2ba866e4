import {
  type AnthropicStopReason,
  type EmulatedError,
  type EmulatedToolCall,
  type EmulatorBehaviour,
  type OpenAiFinishReason,
} from './behaviour';
import { finishReasonFor, stopReasonFor } from './stop-reasons';
import { estimateTokens } from './token-estimate';

export interface PlannedUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

/** A behaviour with every default filled in: what each dialect's responder renders. */
export interface ReplyPlan {
  text: string;
  toolCalls: EmulatedToolCall[];
  thinking: string | undefined;
  stopReason: AnthropicStopReason;
  stopSequence: string | null;
  finishReason: OpenAiFinishReason;
  usage: PlannedUsage;
  immediateError: EmulatedError | undefined;
  streamError: EmulatedError | undefined;
  delayMs: number;
  textChunks: number | undefined;
  chunkDelayMs: number;
  disconnectAfterChunks: number | undefined;
  errorAfterChunks: number | undefined;
}

export function planReply(behaviour: EmulatorBehaviour | undefined, userText: string, inputCharacters: number): ReplyPlan {
  const chosen = behaviour ?? {};
  const toolCalls = Array.isArray(chosen.tool_calls) ? chosen.tool_calls.map(normaliseToolCall) : [];
  const text = typeof chosen.text === 'string' ? chosen.text : toolCalls.length > 0 ? '' : `echo: ${userText}`;
  const thinking = typeof chosen.thinking === 'string' ? chosen.thinking : undefined;
  const stopReason =
    chosen.stop_reason ??
    (chosen.finish_reason ? stopReasonFor(chosen.finish_reason) : toolCalls.length > 0 ? 'tool_use' : 'end_turn');
  const errorAfterChunks = wholeNumber(chosen.error_after_chunks);
  const error = chosen.error ? { ...chosen.error, status: wholeNumber(chosen.error.status) ?? 500 } : undefined;
  const outputCharacters =
    text.length + (thinking?.length ?? 0) + toolCalls.reduce((sum, call) => sum + call.name.length + JSON.stringify(call.arguments).length, 0);
  return {
    text,
    toolCalls,
    thinking,
    stopReason,
    stopSequence: stopReason === 'stop_sequence' ? (chosen.stop_sequence ?? '') : null,
    finishReason: chosen.finish_reason ?? finishReasonFor(stopReason),
    usage: {
      input_tokens: wholeNumber(chosen.usage?.input_tokens) ?? estimateTokens(inputCharacters),
      output_tokens: wholeNumber(chosen.usage?.output_tokens) ?? estimateTokens(outputCharacters),
      cache_read_input_tokens: wholeNumber(chosen.usage?.cache_read_input_tokens) ?? 0,
      cache_creation_input_tokens: wholeNumber(chosen.usage?.cache_creation_input_tokens) ?? 0,
    },
    immediateError: errorAfterChunks === undefined ? error : undefined,
    streamError: errorAfterChunks === undefined ? undefined : (error ?? { status: 500 }),
    delayMs: wholeNumber(chosen.delay_ms) ?? 0,
    textChunks: wholeNumber(chosen.chunks),
    chunkDelayMs: wholeNumber(chosen.chunk_delay_ms) ?? 0,
    disconnectAfterChunks: wholeNumber(chosen.disconnect_after_chunks),
    errorAfterChunks,
  };
}

function normaliseToolCall(call: EmulatedToolCall): EmulatedToolCall {
  const args = call.arguments;
  return {
    name: String(call.name),
    arguments: typeof args === 'object' && args !== null && !Array.isArray(args) ? args : {},
  };
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}
