import { type CanonicalResponse } from '../canonical/canonical-response';
import { GatewayError } from '../gateway-error';
import { gatewayErrorFromOpenAIChatPayload } from '../openai-chat/openai-chat-error-payload';
import { asJsonObject, asString } from '../openai-chat/read-json';
import { emptyUsage } from '../usage/token-usage';
import { readOpenAIResponsesUsage } from '../usage/usage-readers';
import { decodeOpenAIResponsesOutput } from './decode-openai-responses-output';
import { gatewayErrorFromResponsesError } from './openai-responses-error';
import { stopFromOpenAIResponsesStatus } from './openai-responses-status';

/**
 * A non-streamed `response` object from an upstream that speaks the Responses API → canonical.
 * https://platform.openai.com/docs/api-reference/responses/object
 * A `failed` response (or an `{"error": ...}` body) throws its error as a GatewayError; a completed one with function
 * calls stops for `tool_use`; `incomplete` maps by its reason (max_output_tokens → max_tokens, content_filter).
 */
export function decodeOpenAIResponsesResponse(body: unknown): CanonicalResponse {
  const root = asJsonObject(body);
  if (!root) throw new GatewayError('upstream', 'the upstream answered with something other than a response object');
  if (root.object !== 'response' && asJsonObject(root.error)) throw gatewayErrorFromOpenAIChatPayload(root);
  const status = asString(root.status);
  if (status === 'failed') throw gatewayErrorFromResponsesError(asJsonObject(root.error), 'the upstream response failed');

  const { content, refused } = decodeOpenAIResponsesOutput(root.output);
  const usage = emptyUsage();
  readOpenAIResponsesUsage(root.usage, usage);
  return {
    id: asString(root.id) ?? '',
    model: asString(root.model) ?? '',
    content,
    ...stopFromOpenAIResponsesStatus(status, asString(asJsonObject(root.incomplete_details)?.reason), {
      hasToolCalls: content.some((part) => part.type === 'tool_call'),
      refused,
    }),
    usage,
  };
}
