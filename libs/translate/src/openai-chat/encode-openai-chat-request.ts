import { type OpenAIChatRequest, type OpenAIChatToolChoice } from '@gatehouse/wire';
import { type CanonicalRequest, type ReasoningEffort, type ToolChoice } from '../canonical/canonical-request';
import { type Translated } from '../canonical/translation-context';
import { CACHE_CONTROL_DROPPED, encodeOpenAIChatMessages } from './encode-openai-chat-messages';
import { openAIUserField } from './openai-user-field';
import { WarningSet } from './warning-set';

export interface OpenAIChatRequestEncoderOptions {
  /** The target takes earlier turns' reasoning back as `reasoning_content` (vLLM, DeepSeek). Default false: dropped with a warning. */
  acceptsReasoningContent?: boolean;
  /** The target takes `top_k` (vLLM and most self-hosted servers do; OpenAI does not). Default true. */
  acceptsTopK?: boolean;
  /** Where `maxTokens` goes: `max_tokens` (default, what every compatible server reads) or `max_completion_tokens` (OpenAI reasoning models). */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

/**
 * The canonical request → the body for an OpenAI-compatible upstream (OpenAI, vLLM, llama.cpp, Ollama...).
 * A streamed request always asks for `stream_options.include_usage`, so that usage is always known.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
export function encodeOpenAIChatRequest(
  request: CanonicalRequest,
  options: OpenAIChatRequestEncoderOptions = {},
): Translated<OpenAIChatRequest> {
  const warnings = new WarningSet();
  const body: OpenAIChatRequest = {
    model: request.model,
    messages: encodeOpenAIChatMessages(request, { acceptsReasoningContent: options.acceptsReasoningContent ?? false }, warnings),
  };

  // OpenAI refuses tool_choice and parallel_tool_calls without tools, and without tools they mean nothing.
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => {
      if (tool.cacheControl) warnings.add(CACHE_CONTROL_DROPPED);
      const fn: Record<string, unknown> = { name: tool.name, parameters: tool.parameters };
      if (tool.description !== undefined) fn.description = tool.description;
      if (tool.strict !== undefined) fn.strict = tool.strict;
      return { type: 'function' as const, function: fn as { name: string } };
    });
    if (request.toolChoice) body.tool_choice = encodeToolChoice(request.toolChoice);
    if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls;
  }

  if (request.maxTokens !== undefined) body[options.maxTokensField ?? 'max_tokens'] = request.maxTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) {
    if (options.acceptsTopK ?? true) body.top_k = request.topK;
    else warnings.add('dropped top_k: this target does not take it');
  }
  if (request.stopSequences && request.stopSequences.length > 0) body.stop = [...request.stopSequences];

  const effort = request.reasoningEffort ?? effortForThinking(request);
  if (effort) body.reasoning_effort = effort;

  if (request.responseFormat) {
    const format = request.responseFormat;
    if (format.type === 'json_schema') {
      const jsonSchema: Record<string, unknown> = { name: format.name, schema: format.schema };
      if (format.description !== undefined) jsonSchema.description = format.description;
      if (format.strict !== undefined) jsonSchema.strict = format.strict;
      body.response_format = { type: 'json_schema', json_schema: jsonSchema as { name: string } };
    } else body.response_format = { type: format.type };
  }

  if (request.user !== undefined) {
    const { user, warning } = openAIUserField(request.user);
    body.user = user;
    if (warning) warnings.add(warning);
  }
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty;
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty;
  if (request.metadata !== undefined) body.metadata = { ...request.metadata };

  if (request.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return { value: body, warnings: warnings.toArray() };
}

function encodeToolChoice(choice: ToolChoice): OpenAIChatToolChoice {
  switch (choice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return choice.type;
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
    default: {
      const unreachable: never = choice;
      throw new Error(`unhandled tool choice ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * A thinking budget → the nearest effort: up to 2048 tokens low, up to 8192 medium, more high.
 * Adaptive thinking leaves the effort to the target's default (an explicit `reasoningEffort` wins before this).
 */
function effortForThinking(request: CanonicalRequest): ReasoningEffort | undefined {
  const thinking = request.thinking;
  if (thinking?.type !== 'enabled') return undefined;
  if (thinking.budgetTokens <= 2048) return 'low';
  if (thinking.budgetTokens <= 8192) return 'medium';
  return 'high';
}
