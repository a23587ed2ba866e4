import { type OpenAIChatMessage } from '@gatehouse/wire';
import { type CanonicalMessage, type ContentPart, type TextPart, type ToolCallPart } from '../canonical/canonical-request';
import { type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { appendTurn } from './append-turn';
import { decodeOpenAIChatTextContent, decodeOpenAIChatUserContent } from './decode-openai-chat-content';
import { asJsonObject, asString } from './read-json';
import { parseClientToolArguments } from './tool-arguments';
import { type WarningSet } from './warning-set';

export interface DecodedOpenAIChatMessages {
  system: TextPart[];
  messages: CanonicalMessage[];
}

/**
 * `messages` → canonical system parts and alternating user/assistant turns.
 * System and developer messages go to `system` in order, wherever they stand; tool messages become tool_result
 * parts of a user turn; consecutive turns of one role are merged.
 */
export function decodeOpenAIChatMessages(
  messages: readonly OpenAIChatMessage[],
  ctx: TranslationContext,
  warnings: WarningSet,
): DecodedOpenAIChatMessages {
  const system: TextPart[] = [];
  const turns: CanonicalMessage[] = [];
  // The deprecated function_call/function pair has no ids: calls get one here and results find it by name.
  const legacyCallIds = new Map<string, string[]>();

  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.name && message.role !== 'function') warnings.add('dropped messages[].name: no counterpart on other dialects');
    switch (message.role) {
      case 'system':
      case 'developer':
        if (turns.length > 0) warnings.add('moved system messages from inside the conversation to the top-level system prompt');
        // Empty instructions say nothing, and Anthropic refuses empty text blocks.
        system.push(...decodeOpenAIChatTextContent(message.content, warnings).filter((part) => part.text !== ''));
        break;
      case 'user':
        appendTurn(turns, 'user', decodeOpenAIChatUserContent(message.content, `${path}.content`, warnings));
        break;
      case 'assistant': {
        const parts = decodeAssistantMessage(message, path, ctx, legacyCallIds, warnings);
        if (parts.length === 0) warnings.add('dropped empty assistant messages');
        appendTurn(turns, 'assistant', parts);
        break;
      }
      case 'tool': {
        const toolCallId = message.tool_call_id;
        if (!toolCallId) {
          throw new GatewayError('invalid_request', `${path}.tool_call_id is required for a tool message`, { param: `${path}.tool_call_id` });
        }
        appendTurn(turns, 'user', [toolResult(toolCallId, message, path, warnings)]);
        break;
      }
      case 'function': {
        const name = message.name ?? '';
        const toolCallId = legacyCallIds.get(name)?.shift() ?? ctx.newId('call');
        appendTurn(turns, 'user', [toolResult(toolCallId, message, path, warnings)]);
        break;
      }
      default:
        throw new GatewayError('invalid_request', `${path}.role "${message.role}" is not a chat message role`, { param: `${path}.role` });
    }
  });
  return { system, messages: turns };
}

function decodeAssistantMessage(
  message: OpenAIChatMessage,
  path: string,
  ctx: TranslationContext,
  legacyCallIds: Map<string, string[]>,
  warnings: WarningSet,
): ContentPart[] {
  const parts: ContentPart[] = [];
  // vLLM and DeepSeek return the reasoning as `reasoning_content`, OpenRouter as `reasoning`; clients send it back.
  // It was not written by Anthropic, so it carries no signature.
  const reasoning = asString(message.reasoning_content) ?? asString(message.reasoning);
  if (reasoning) parts.push({ type: 'thinking', text: reasoning });

  for (const part of decodeOpenAIChatTextContent(message.content, warnings)) {
    if (part.text !== '') parts.push(part);
  }
  if (message.refusal && !parts.some((part) => part.type === 'text')) parts.push({ type: 'text', text: message.refusal });

  message.tool_calls?.forEach((call, callIndex) => {
    const raw = call as Record<string, unknown>;
    if (call.type !== 'function') {
      warnings.add(`dropped assistant tool calls of type "${String(call.type)}": only function calls translate`);
      return;
    }
    const fn = asJsonObject(raw.function) ?? {};
    const param = `${path}.tool_calls[${callIndex}].function.arguments`;
    parts.push({
      type: 'tool_call',
      id: String(raw.id),
      name: String(fn.name),
      arguments: parseClientToolArguments(String(fn.arguments ?? ''), param),
    });
  });

  const legacyCall = asJsonObject(message.function_call);
  if (legacyCall) {
    const name = String(legacyCall.name ?? '');
    const call: ToolCallPart = {
      type: 'tool_call',
      id: ctx.newId('call'),
      name,
      arguments: parseClientToolArguments(String(legacyCall.arguments ?? ''), `${path}.function_call.arguments`),
    };
    legacyCallIds.set(name, [...(legacyCallIds.get(name) ?? []), call.id]);
    parts.push(call);
  }
  return parts;
}

function toolResult(toolCallId: string, message: OpenAIChatMessage, path: string, warnings: WarningSet): ContentPart {
  // Empty text is left out: Anthropic refuses empty text blocks, and an empty result means the same without one.
  const content = decodeOpenAIChatUserContent(message.content, `${path}.content`, warnings).filter(
    (part) => part.type !== 'text' || part.text !== '',
  );
  return { type: 'tool_result', toolCallId, content };
}
