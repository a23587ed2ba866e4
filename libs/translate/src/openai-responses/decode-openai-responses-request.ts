import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type CanonicalRequest, type ReasoningEffort, type ResponseFormat } from '../canonical/canonical-request';
import { type Translated, type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { asJsonObject, asString } from '../openai-chat/read-json';
import { WarningSet } from '../openai-chat/warning-set';
import { type DecodedOpenAIResponsesInput, decodeOpenAIResponsesInput } from './decode-openai-responses-input';
import { decodeOpenAIResponsesToolChoice, decodeOpenAIResponsesTools } from './decode-openai-responses-tools';

export interface OpenAIResponsesDecodedRequest extends Translated<CanonicalRequest> {
  /** A Responses stream always ends with the usage (in `response.completed`). */
  includeUsage: true;
  /**
   * This turn's `input` alone, without `instructions` (the same parts as in `value`): what a stored conversation
   * keeps of the turn, since instructions are not carried over to the next response.
   */
  input: DecodedOpenAIResponsesInput;
}

/** Fields translated below. */
const TRANSLATED_FIELDS = new Set([
  'model', 'input', 'instructions', 'tools', 'tool_choice', 'parallel_tool_calls', 'max_output_tokens', 'temperature',
  'top_p', 'metadata', 'reasoning', 'text', 'stream', 'user', 'safety_identifier',
]);

/** Fields the gateway itself acts on (the conversation store), or that only shape the stream's framing. */
const GATEWAY_FIELDS = new Set(['store', 'previous_response_id', 'stream_options']);

/** Fields whose loss would change the question: refused rather than dropped. */
const REFUSED_FIELDS: Record<string, string> = {
  conversation: 'conversations live in OpenAI\'s own store; use previous_response_id instead',
  prompt: 'prompt templates live in OpenAI\'s own store; send instructions and input instead',
};

const REASONING_EFFORTS: readonly string[] = ['minimal', 'low', 'medium', 'high', 'xhigh'] satisfies ReasoningEffort[];

/**
 * An OpenAI Responses request (validated by `validateOpenAIResponsesRequest`) → the canonical request.
 * https://platform.openai.com/docs/api-reference/responses/create
 * `instructions` come first in `system`; `store` and `previous_response_id` are the gateway's to act on (it prepends
 * the stored conversation to the decoded input). Throws GatewayError('invalid_request') naming the field for what
 * cannot be translated: tool arguments that are not JSON, files by id, item references, `conversation`, `prompt`.
 */
export function decodeOpenAIResponsesRequest(body: OpenAIResponsesRequest, _ctx?: TranslationContext): OpenAIResponsesDecodedRequest {
  for (const [field, reason] of Object.entries(REFUSED_FIELDS)) {
    if (body[field] !== undefined && body[field] !== null) {
      throw new GatewayError('invalid_request', `${field} is not supported: ${reason}`, { param: field });
    }
  }
  const warnings = new WarningSet();
  const input = decodeOpenAIResponsesInput(body.input, warnings);
  const instructions = body.instructions ? [{ type: 'text' as const, text: body.instructions }] : [];
  const request: CanonicalRequest = {
    model: body.model,
    system: [...instructions, ...input.system],
    messages: input.messages,
    stream: body.stream === true,
  };

  const tools = decodeOpenAIResponsesTools(body.tools, warnings);
  if (tools) request.tools = tools;
  const toolChoice = decodeOpenAIResponsesToolChoice(body.tool_choice, warnings);
  if (toolChoice) request.toolChoice = toolChoice;
  if (typeof body.parallel_tool_calls === 'boolean') request.parallelToolCalls = body.parallel_tool_calls;
  if (typeof body.max_output_tokens === 'number') request.maxTokens = body.max_output_tokens;
  if (typeof body.temperature === 'number') request.temperature = body.temperature;
  if (typeof body.top_p === 'number') request.topP = body.top_p;
  if (body.metadata) request.metadata = { ...body.metadata };
  const user = body.user ?? asString(body.safety_identifier);
  if (user) request.user = user;

  decodeReasoning(body.reasoning, request, warnings);
  const responseFormat = decodeTextFormat(body.text, warnings);
  if (responseFormat) request.responseFormat = responseFormat;

  for (const [field, value] of Object.entries(body)) {
    if (TRANSLATED_FIELDS.has(field) || GATEWAY_FIELDS.has(field)) continue;
    if (value === undefined || value === null || value === false) continue;
    if (field === 'truncation' && value === 'disabled') continue; // the default
    if (Array.isArray(value) && value.length === 0) continue;
    warnings.add(`dropped "${field}": not carried across dialects`);
  }
  return { value: request, warnings: warnings.toArray(), includeUsage: true, input };
}

function decodeReasoning(reasoning: OpenAIResponsesRequest['reasoning'], request: CanonicalRequest, warnings: WarningSet): void {
  const effort = reasoning?.effort;
  if (!effort) return;
  if (REASONING_EFFORTS.includes(effort)) request.reasoningEffort = effort as ReasoningEffort;
  else if (effort === 'none') request.thinking = { type: 'disabled' };
  else warnings.add(`dropped reasoning.effort "${effort}": not a known effort`);
}

function decodeTextFormat(text: OpenAIResponsesRequest['text'], warnings: WarningSet): ResponseFormat | undefined {
  if (!text) return undefined;
  if (text.verbosity) warnings.add('dropped text.verbosity: no counterpart on other dialects');
  const format = asJsonObject(text.format);
  if (!format) return undefined;
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema': {
      const result: ResponseFormat = { type: 'json_schema', name: String(format.name), schema: asJsonObject(format.schema) ?? {} };
      if (typeof format.strict === 'boolean') result.strict = format.strict;
      const description = asString(format.description);
      if (description) result.description = description;
      return result;
    }
    default:
      warnings.add(`dropped text.format of type "${String(format.type)}"`);
      return undefined;
  }
}
