import { type AnthropicStopReason, type OpenAiFinishReason } from './behaviour';

// https://docs.anthropic.com/en/api/messages#response-stop-reason and
// https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
const FINISH_REASON_BY_STOP_REASON: Record<AnthropicStopReason, OpenAiFinishReason> = {
  end_turn: 'stop',
  max_tokens: 'length',
  stop_sequence: 'stop',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  pause_turn: 'stop',
};

const STOP_REASON_BY_FINISH_REASON: Record<OpenAiFinishReason, AnthropicStopReason> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
};

export function finishReasonFor(stopReason: AnthropicStopReason): OpenAiFinishReason {
  return FINISH_REASON_BY_STOP_REASON[stopReason] ?? 'stop';
}

export function stopReasonFor(finishReason: OpenAiFinishReason): AnthropicStopReason {
  return STOP_REASON_BY_FINISH_REASON[finishReason] ?? 'end_turn';
}
