import { type ContentPart } from '../canonical/canonical-request';
import { type CanonicalResponse } from '../canonical/canonical-response';
import { GatewayError } from '../gateway-error';
import { emptyUsage } from '../usage/token-usage';
import { readOpenAIChatUsage } from '../usage/usage-readers';
import { gatewayErrorFromOpenAIChatPayload, isOpenAIChatErrorPayload } from './openai-chat-error-payload';
import { stopFromOpenAIChatFinishReason } from './openai-chat-finish-reason';
import { asJsonObject, asString } from './read-json';
import { parseUpstreamToolArguments } from './tool-arguments';

/**
 * A non-streamed `chat.completion` from an OpenAI-compatible upstream → canonical. Read leniently, since compatible
 * servers differ in the details; only the first choice counts (requests never ask for more).
 * Reasoning (`reasoning_content`, or `reasoning` on OpenRouter and newer vLLM) comes first, as a thinking part
 * without signature; tool arguments that do not parse are kept as `{ "_raw": text }`.
 * https://platform.openai.com/docs/api-reference/chat/object
 */
export function decodeOpenAIChatResponse(body: unknown): CanonicalResponse {
  const root = asJsonObject(body);
  if (!root) throw new GatewayError('upstream', 'the upstream answered with something other than a chat completion');
  if (isOpenAIChatErrorPayload(root)) throw gatewayErrorFromOpenAIChatPayload(root);

  const choice = asJsonObject(Array.isArray(root.choices) ? root.choices[0] : undefined);
  const message = asJsonObject(choice?.message) ?? {};
  const content: ContentPart[] = [];

  const reasoning = asString(message.reasoning_content) ?? asString(message.reasoning);
  if (reasoning) content.push({ type: 'thinking', text: reasoning });
  const text = messageText(message.content);
  const refusal = asString(message.refusal);
  if (text) content.push({ type: 'text', text });
  else if (refusal) content.push({ type: 'text', text: refusal });

  const toolCalls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  for (const entry of toolCalls) {
    const call = asJsonObject(entry);
    const fn = asJsonObject(call?.function);
    if (!call || !fn) continue;
    content.push({
      type: 'tool_call',
      id: asString(call.id) ?? '',
      name: asString(fn.name) ?? '',
      arguments: parseUpstreamToolArguments(asString(fn.arguments) ?? ''),
    });
  }

  const usage = emptyUsage();
  readOpenAIChatUsage(root.usage, usage);
  const response: CanonicalResponse = {
    id: asString(root.id) ?? '',
    model: asString(root.model) ?? '',
    content,
    ...stopFromOpenAIChatFinishReason(asString(choice?.finish_reason), {
      hasToolCalls: content.some((part) => part.type === 'tool_call'),
      refused: !text && Boolean(refusal),
      matchedStop: choice?.stop_reason,
    }),
    usage,
  };
  return response;
}

/** `content` is a string at OpenAI; a few compatible servers answer with an array of text parts. */
function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => asString(asJsonObject(part)?.text) ?? '').join('');
}
