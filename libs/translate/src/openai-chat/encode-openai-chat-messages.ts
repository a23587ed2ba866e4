import { type OpenAIChatContentPart, type OpenAIChatMessage } from '@gatehouse/wire';
import {
  type CanonicalMessage,
  type CanonicalRequest,
  type DocumentPart,
  type ImagePart,
} from '../canonical/canonical-request';
import { toolArgumentsText } from './tool-arguments';
import { type WarningSet } from './warning-set';

export interface OpenAIChatMessagesEncoderOptions {
  /** Whether the target takes earlier turns' reasoning back as `reasoning_content` (vLLM, DeepSeek). */
  acceptsReasoningContent: boolean;
}

/**
 * Canonical system and turns → OpenAI `messages`.
 * https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 */
export function encodeOpenAIChatMessages(
  request: CanonicalRequest,
  options: OpenAIChatMessagesEncoderOptions,
  warnings: WarningSet,
): OpenAIChatMessage[] {
  const messages: OpenAIChatMessage[] = [];
  if (request.system.length > 0) {
    if (request.system.some((part) => part.cacheControl)) warnings.add(CACHE_CONTROL_DROPPED);
    // One system message: not every OpenAI-compatible server takes several, or an array of parts.
    messages.push({ role: 'system', content: request.system.map((part) => part.text).join('\n\n') });
  }
  for (const message of request.messages) {
    if (message.content.some((part) => 'cacheControl' in part && part.cacheControl)) warnings.add(CACHE_CONTROL_DROPPED);
    if (message.role === 'user') messages.push(...encodeUserTurn(message, warnings));
    else messages.push(encodeAssistantTurn(message, options, warnings));
  }
  return messages;
}

export const CACHE_CONTROL_DROPPED = 'dropped cache_control: openai-chat targets have no cache breakpoints (they cache prefixes on their own)';

/**
 * A user turn → `tool` messages for its tool results (they must follow the assistant's tool calls directly),
 * then one user message for the rest. OpenAI tool messages take text only, so images and files of tool results
 * move into that user message.
 */
function encodeUserTurn(message: CanonicalMessage, warnings: WarningSet): OpenAIChatMessage[] {
  const toolMessages: OpenAIChatMessage[] = [];
  const movedParts: OpenAIChatContentPart[] = [];
  const parts: OpenAIChatContentPart[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'tool_result': {
        const texts: string[] = [];
        for (const inner of part.content) {
          if (inner.cacheControl) warnings.add(CACHE_CONTROL_DROPPED);
          if (inner.type === 'text') texts.push(inner.text);
          else if (inner.type === 'document' && inner.source.type === 'text') texts.push(inner.source.text);
          else {
            const moved = inner.type === 'image' ? imagePart(inner) : documentPart(inner, warnings);
            if (moved) movedParts.push(moved);
          }
        }
        if (part.isError) warnings.add('dropped tool_result is_error: openai-chat tool messages have no error flag');
        toolMessages.push({ role: 'tool', tool_call_id: part.toolCallId, content: texts.join('\n') });
        break;
      }
      case 'text':
        parts.push({ type: 'text', text: part.text });
        break;
      case 'image':
        parts.push(imagePart(part));
        break;
      case 'document': {
        const encoded = documentPart(part, warnings);
        if (encoded) parts.push(encoded);
        break;
      }
      default:
        warnings.add(`dropped ${part.type} parts from user turns`);
    }
  }
  if (movedParts.length > 0) {
    warnings.add('moved images and files of tool results into a user message: openai-chat tool messages take text only');
  }
  const userParts = [...movedParts, ...parts];
  if (userParts.length === 0) return toolMessages;
  const only = userParts.length === 1 ? userParts[0] : undefined;
  const content = only?.type === 'text' ? String((only as { text: string }).text) : userParts;
  return [...toolMessages, { role: 'user', content }];
}

function encodeAssistantTurn(
  message: CanonicalMessage,
  options: OpenAIChatMessagesEncoderOptions,
  warnings: WarningSet,
): OpenAIChatMessage {
  let text = '';
  let reasoning = '';
  const toolCalls: NonNullable<OpenAIChatMessage['tool_calls']> = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        if (part.citations) warnings.add('dropped citations: no counterpart on openai-chat targets');
        text += part.text;
        break;
      case 'thinking':
        reasoning += part.text;
        break;
      case 'redacted_thinking':
        warnings.add('dropped redacted_thinking: only Anthropic can read it');
        break;
      case 'tool_call':
        toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: toolArgumentsText(part.arguments) } });
        break;
      default:
        warnings.add(`dropped ${part.type} parts from assistant turns`);
    }
  }
  // OpenAI writes `content: null` beside tool calls.
  const encoded: OpenAIChatMessage = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (reasoning !== '') {
    if (options.acceptsReasoningContent) encoded.reasoning_content = reasoning;
    else warnings.add('dropped thinking of earlier turns: this target does not take reasoning back');
  }
  if (toolCalls.length > 0) encoded.tool_calls = toolCalls;
  return encoded;
}

function imagePart(image: ImagePart): OpenAIChatContentPart {
  const url = image.source.type === 'base64' ? `data:${image.source.mediaType};base64,${image.source.data}` : image.source.url;
  return { type: 'image_url', image_url: image.detail ? { url, detail: image.detail } : { url } };
}

/** Text documents become text; base64 files become file parts (PDFs); a document by URL has no counterpart. */
function documentPart(document: DocumentPart, warnings: WarningSet): OpenAIChatContentPart | undefined {
  switch (document.source.type) {
    case 'text':
      return { type: 'text', text: document.source.text };
    case 'base64': {
      const { mediaType, data } = document.source;
      const filename = document.filename ?? document.title ?? (mediaType === 'application/pdf' ? 'document.pdf' : 'document');
      return { type: 'file', file: { file_data: `data:${mediaType};base64,${data}`, filename } };
    }
    case 'url':
      warnings.add('dropped documents given by URL: openai-chat file parts take inline data only');
      return undefined;
    default: {
      const unreachable: never = document.source;
      throw new Error(`unhandled document source ${JSON.stringify(unreachable)}`);
    }
  }
}
