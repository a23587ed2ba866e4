import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type CanonicalRequest, type ReasoningEffort, type ToolChoice } from '../canonical/canonical-request';
import { type Translated } from '../canonical/translation-context';
import { OPENAI_USER_MAX_LENGTH, openAIUserField } from '../openai-chat/openai-user-field';
import { WarningSet } from '../openai-chat/warning-set';
import { CACHE_CONTROL_DROPPED, encodeOpenAIResponsesInput } from './encode-openai-responses-input';

/** OpenAI answers 400 "integer below minimum value" for a smaller max_output_tokens. */
export const MIN_MAX_OUTPUT_TOKENS = 16;

/**
 * The canonical request → the body for an upstream that speaks the Responses API natively (OpenAI).
 * https://platform.openai.com/docs/api-reference/responses/create
 *
 * `store: false`: the gateway keeps its own store, and a conversation from another client dialect has no business
 * in the provider's. Function tools say `strict: false` unless the request said otherwise, since the Responses API
 * defaults to strict schemas and refuses the many schemas that are not written for them. Stop sequences, top_k,
 * seed and the penalties have no Responses counterpart and are dropped with a warning.
 */
export function encodeOpenAIResponsesRequest(request: CanonicalRequest): Translated<OpenAIResponsesRequest> {
  const warnings = new WarningSet();
  const body: OpenAIResponsesRequest = { model: request.model };
  if (request.system.length > 0) {
    if (request.system.some((part) => part.cacheControl)) warnings.add(CACHE_CONTROL_DROPPED);
    body.instructions = request.system.map((part) => part.text).join('\n\n');
  }
  body.input = encodeOpenAIResponsesInput(request.messages, warnings) as OpenAIResponsesRequest['input'];

  // Without tools, tool_choice and parallel_tool_calls mean nothing (and OpenAI refuses them).
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => {
      if (tool.cacheControl) warnings.add(CACHE_CONTROL_DROPPED);
      const encoded: Record<string, unknown> = { type: 'function', name: tool.name, parameters: tool.parameters, strict: tool.strict ?? false };
      if (tool.description !== undefined) encoded.description = tool.description;
      return encoded as { type: 'function'; name: string };
    });
    if (request.toolChoice) body.tool_choice = encodeToolChoice(request.toolChoice);
    if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls;
  }

  if (request.maxTokens !== undefined) {
    if (request.maxTokens < MIN_MAX_OUTPUT_TOKENS) warnings.add(`raised max_output_tokens to ${MIN_MAX_OUTPUT_TOKENS}, the Responses API's minimum`);
    body.max_output_tokens = Math.max(request.maxTokens, MIN_MAX_OUTPUT_TOKENS);
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) warnings.add('dropped top_k: the Responses API does not take it');
  if (request.stopSequences && request.stopSequences.length > 0) warnings.add('dropped stop sequences: the Responses API has no stop parameter');
  if (request.seed !== undefined) warnings.add('dropped seed: the Responses API does not take it');
  if (request.frequencyPenalty !== undefined || request.presencePenalty !== undefined) {
    warnings.add('dropped frequency and presence penalties: the Responses API does not take them');
  }

  const effort = request.reasoningEffort ?? effortForThinking(request);
  if (effort) body.reasoning = { effort };
  if (request.responseFormat) {
    const format = request.responseFormat;
    if (format.type === 'json_schema') {
      const encoded: Record<string, unknown> = { type: 'json_schema', name: format.name, schema: format.schema };
      if (format.description !== undefined) encoded.description = format.description;
      if (format.strict !== undefined) encoded.strict = format.strict;
      body.text = { format: encoded as { type: 'json_schema'; name: string; schema: Record<string, unknown> } };
    } else body.text = { format: { type: format.type } };
  }

  if (request.user !== undefined) {
    const { user, warning } = openAIUserField(request.user);
    body.user = user;
    if (warning) warnings.add(`sent "user" as its SHA-256 digest: OpenAI takes at most ${OPENAI_USER_MAX_LENGTH} characters`);
  }
  if (request.metadata !== undefined) body.metadata = { ...request.metadata };
  if (request.stream) body.stream = true;
  body.store = false;
  return { value: body, warnings: warnings.toArray() };
}

function encodeToolChoice(choice: ToolChoice): OpenAIResponsesRequest['tool_choice'] {
  switch (choice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return choice.type;
    case 'tool':
      return { type: 'function', name: choice.name };
    default: {
      const unreachable: never = choice;
      throw new Error(`unhandled tool choice ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A thinking budget → the nearest effort, as for Chat Completions: up to 2048 tokens low, up to 8192 medium, more high. */
function effortForThinking(request: CanonicalRequest): ReasoningEffort | undefined {
  const thinking = request.thinking;
  if (thinking?.type !== 'enabled') return undefined;
  if (thinking.budgetTokens <= 2048) return 'low';
  if (thinking.budgetTokens <= 8192) return 'medium';
  return 'high';
}
