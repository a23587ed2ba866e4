import { type OpenAIChatRequest } from '@gatehouse/wire';
import {
  type CanonicalRequest,
  type ReasoningEffort,
  type ResponseFormat,
  type Thinking,
} from '../canonical/canonical-request';
import { type Translated, type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { decodeOpenAIChatMessages } from './decode-openai-chat-messages';
import { decodeOpenAIChatToolChoice, decodeOpenAIChatTools } from './decode-openai-chat-tools';
import { asJsonObject, asString } from './read-json';
import { WarningSet } from './warning-set';

/** The decoded request plus what the client asked of the stream, which the canonical request does not carry. */
export interface OpenAIChatDecodedRequest extends Translated<CanonicalRequest> {
  /** `stream_options.include_usage` on a streamed request: pass it to `OpenAIChatStreamEncoder` as `includeUsage`. */
  includeUsage: boolean;
}

/** Fields read below; any other field the client set is reported as dropped. */
const TRANSLATED_FIELDS = new Set([
  'model', 'messages', 'stream', 'stream_options', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'top_k',
  'n', 'stop', 'tools', 'functions', 'tool_choice', 'function_call', 'parallel_tool_calls', 'response_format',
  'reasoning_effort', 'user', 'safety_identifier', 'seed', 'frequency_penalty', 'presence_penalty', 'metadata',
]);

const REASONING_EFFORTS: readonly string[] = ['minimal', 'low', 'medium', 'high', 'xhigh'] satisfies ReasoningEffort[];

/**
 * An OpenAI Chat Completions request (validated by `validateOpenAIChatRequest`) → the canonical request.
 * Throws GatewayError('invalid_request') for what cannot be translated: `n` > 1, tool arguments that are not JSON,
 * images that are neither http(s) nor base64 data URLs, unknown roles.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
export function decodeOpenAIChatRequest(body: OpenAIChatRequest, ctx: TranslationContext): OpenAIChatDecodedRequest {
  if (typeof body.n === 'number' && body.n > 1) {
    throw new GatewayError('invalid_request', 'n > 1 is not supported for this model: its provider returns one choice per request', {
      param: 'n',
    });
  }
  const warnings = new WarningSet();
  const { system, messages } = decodeOpenAIChatMessages(body.messages, ctx, warnings);
  const stream = body.stream === true;
  const request: CanonicalRequest = { model: body.model, system, messages, stream };

  const tools = decodeOpenAIChatTools(body, warnings);
  if (tools) request.tools = tools;
  const toolChoice = decodeOpenAIChatToolChoice(body, warnings);
  if (toolChoice) request.toolChoice = toolChoice;
  if (typeof body.parallel_tool_calls === 'boolean') request.parallelToolCalls = body.parallel_tool_calls;

  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (typeof maxTokens === 'number') request.maxTokens = maxTokens;
  if (typeof body.temperature === 'number') request.temperature = body.temperature;
  if (typeof body.top_p === 'number') request.topP = body.top_p;
  // Not OpenAI's: vLLM and other compatible servers take top_k.
  if (typeof body.top_k === 'number') request.topK = body.top_k;
  const stop = typeof body.stop === 'string' ? [body.stop] : body.stop;
  if (stop && stop.length > 0) request.stopSequences = [...stop];

  decodeReasoningEffort(body.reasoning_effort, request, warnings);
  const responseFormat = decodeResponseFormat(body.response_format, warnings);
  if (responseFormat) request.responseFormat = responseFormat;

  const user = body.user ?? asString(body.safety_identifier);
  if (user) request.user = user;
  if (typeof body.seed === 'number') request.seed = body.seed;
  if (typeof body.frequency_penalty === 'number') request.frequencyPenalty = body.frequency_penalty;
  if (typeof body.presence_penalty === 'number') request.presencePenalty = body.presence_penalty;
  if (body.metadata) request.metadata = { ...body.metadata };

  for (const [field, value] of Object.entries(body)) {
    if (TRANSLATED_FIELDS.has(field) || value === undefined || value === null || value === false) continue;
    warnings.add(`dropped "${field}": not carried across dialects`);
  }
  return { value: request, warnings: warnings.toArray(), includeUsage: stream && body.stream_options?.include_usage === true };
}

function decodeReasoningEffort(effort: string | null | undefined, request: CanonicalRequest, warnings: WarningSet): void {
  if (!effort) return;
  if (REASONING_EFFORTS.includes(effort)) request.reasoningEffort = effort as ReasoningEffort;
  else if (effort === 'none') request.thinking = { type: 'disabled' } satisfies Thinking;
  else if (effort === 'max') {
    request.reasoningEffort = 'xhigh';
    warnings.add('changed reasoning_effort "max" to "xhigh": the highest effort other dialects know');
  } else warnings.add(`dropped reasoning_effort "${effort}": not a known effort`);
}

function decodeResponseFormat(format: OpenAIChatRequest['response_format'], warnings: WarningSet): ResponseFormat | undefined {
  if (!format) return undefined;
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema': {
      const jsonSchema = asJsonObject((format as Record<string, unknown>).json_schema) ?? {};
      const result: ResponseFormat = {
        type: 'json_schema',
        name: String(jsonSchema.name),
        schema: asJsonObject(jsonSchema.schema) ?? {},
      };
      if (typeof jsonSchema.strict === 'boolean') result.strict = jsonSchema.strict;
      const description = asString(jsonSchema.description);
      if (description) result.description = description;
      return result;
    }
    default:
      warnings.add(`dropped response_format of type "${String((format as { type: unknown }).type)}"`);
      return undefined;
  }
}
