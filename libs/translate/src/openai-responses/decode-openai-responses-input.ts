import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type CanonicalMessage, type ContentPart, type TextPart, type ThinkingPart } from '../canonical/canonical-request';
import { GatewayError } from '../gateway-error';
import { appendTurn } from '../openai-chat/append-turn';
import { asString, type JsonObject } from '../openai-chat/read-json';
import { parseClientToolArguments } from '../openai-chat/tool-arguments';
import { type WarningSet } from '../openai-chat/warning-set';
import { decodeResponsesTextContent, decodeResponsesUserContent } from './decode-openai-responses-content';
import { reasoningText } from './decode-openai-responses-output';

/** A request's `input` in canonical form: system and developer messages apart, then alternating turns. */
export interface DecodedOpenAIResponsesInput {
  system: TextPart[];
  messages: CanonicalMessage[];
}

/**
 * `input` (a string, or a list of items) → canonical system parts and turns.
 * https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
 *
 * Messages of role system and developer go to `system` in order; function_call items join the assistant's turn as
 * tool calls, function_call_output items the user's turn as tool results; reasoning items become thinking without
 * a signature (an `encrypted_content` only OpenAI can read is dropped, with a warning). Consecutive items of one
 * role make one turn. Item references point into OpenAI's own store and are refused; other item types (built-in
 * tool calls) are dropped with a warning. Errors name the item: `input[3].arguments`.
 */
export function decodeOpenAIResponsesInput(input: OpenAIResponsesRequest['input'], warnings: WarningSet): DecodedOpenAIResponsesInput {
  const system: TextPart[] = [];
  const messages: CanonicalMessage[] = [];
  if (input === undefined || input === null) return { system, messages };
  if (typeof input === 'string') {
    appendTurn(messages, 'user', [{ type: 'text', text: input }]);
    return { system, messages };
  }
  input.forEach((entry, index) => {
    const path = `input[${index}]`;
    const item = entry as JsonObject;
    const type = asString(item.type) ?? ('role' in item ? 'message' : 'item_reference');
    switch (type) {
      case 'message':
        decodeMessage(item, path, system, messages, warnings);
        break;
      case 'function_call': {
        const call: ContentPart = {
          type: 'tool_call',
          id: requiredString(item.call_id, `${path}.call_id`),
          name: requiredString(item.name, `${path}.name`),
          arguments: parseClientToolArguments(String(item.arguments ?? ''), `${path}.arguments`),
        };
        appendTurn(messages, 'assistant', [call]);
        break;
      }
      case 'function_call_output': {
        const output = item.output;
        const content = (typeof output === 'string' ? [{ type: 'text' as const, text: output }] : Array.isArray(output)
          ? decodeResponsesUserContent(output, `${path}.output`, warnings)
          : []
        ).filter((part) => part.type !== 'text' || part.text !== '');
        appendTurn(messages, 'user', [{ type: 'tool_result', toolCallId: requiredString(item.call_id, `${path}.call_id`), content }]);
        break;
      }
      case 'reasoning': {
        const thinking = reasoningThinking(item, warnings);
        if (thinking) appendTurn(messages, 'assistant', [thinking]);
        break;
      }
      case 'item_reference':
        throw new GatewayError(
          'invalid_request',
          `${path}: item references are not supported: items are not stored by id here. Send the item itself, or use previous_response_id.`,
          { param: path },
        );
      default:
        warnings.add(`dropped input items of type "${type}": no counterpart on other dialects`);
    }
  });
  return { system, messages };
}

function decodeMessage(item: JsonObject, path: string, system: TextPart[], messages: CanonicalMessage[], warnings: WarningSet): void {
  const role = item.role;
  switch (role) {
    case 'system':
    case 'developer':
      if (messages.length > 0) warnings.add('moved system and developer messages from inside the conversation to the top-level system prompt');
      // Empty instructions say nothing, and Anthropic refuses empty text blocks.
      system.push(...decodeResponsesTextContent(item.content, warnings).filter((part) => part.text !== ''));
      break;
    case 'user': {
      const content = item.content;
      const parts = typeof content === 'string'
        ? [{ type: 'text' as const, text: content }]
        : decodeResponsesUserContent(Array.isArray(content) ? content : [], `${path}.content`, warnings);
      appendTurn(messages, 'user', parts);
      break;
    }
    case 'assistant':
      appendTurn(messages, 'assistant', decodeResponsesTextContent(item.content, warnings).filter((part) => part.text !== ''));
      break;
    default:
      throw new GatewayError('invalid_request', `${path}.role "${String(role)}" is not a message role (user, assistant, system, developer)`, {
        param: `${path}.role`,
      });
  }
}

function reasoningThinking(item: JsonObject, warnings: WarningSet): ThinkingPart | undefined {
  if (asString(item.encrypted_content)) warnings.add('dropped reasoning encrypted_content: only OpenAI can read it');
  const text = reasoningText(item);
  return text === '' ? undefined : { type: 'thinking', text };
}

function requiredString(value: unknown, param: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new GatewayError('invalid_request', `${param} is required`, { param });
}
