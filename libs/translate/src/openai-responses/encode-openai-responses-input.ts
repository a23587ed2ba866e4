import {
  type CanonicalMessage,
  type DocumentPart,
  type ImagePart,
  type TextPart,
} from '../canonical/canonical-request';
import { toolArgumentsText } from '../openai-chat/tool-arguments';
import { type WarningSet } from '../openai-chat/warning-set';

export type ResponsesInputItem = Record<string, unknown>;
type ResponsesInputContent = Record<string, unknown>;

export const CACHE_CONTROL_DROPPED =
  'dropped cache_control: openai-responses targets have no cache breakpoints (they cache prefixes on their own)';

/**
 * Canonical turns → a Responses `input` item list.
 * https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
 * A user turn gives its tool results as function_call_output items first (they answer the calls just before),
 * then one user message for the rest; an assistant turn gives its text as assistant messages and its tool calls
 * as function_call items, in order. Earlier thinking cannot go back: OpenAI takes back only its own encrypted
 * reasoning, and refuses reasoning items it did not write.
 */
export function encodeOpenAIResponsesInput(messages: readonly CanonicalMessage[], warnings: WarningSet): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  for (const message of messages) {
    if (message.content.some((part) => 'cacheControl' in part && part.cacheControl)) warnings.add(CACHE_CONTROL_DROPPED);
    if (message.role === 'user') items.push(...encodeUserTurn(message, warnings));
    else items.push(...encodeAssistantTurn(message, warnings));
  }
  return items;
}

function encodeUserTurn(message: CanonicalMessage, warnings: WarningSet): ResponsesInputItem[] {
  const outputs: ResponsesInputItem[] = [];
  const content: ResponsesInputContent[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'tool_result': {
        if (part.isError) warnings.add('dropped tool_result is_error: function_call_output has no error flag');
        const onlyText = part.content.every((inner) => inner.type === 'text');
        const output = onlyText
          ? part.content.map((inner) => (inner as TextPart).text).join('\n')
          : part.content.flatMap((inner) => encodeUserPart(inner, warnings));
        outputs.push({ type: 'function_call_output', call_id: part.toolCallId, output });
        break;
      }
      case 'text':
      case 'image':
      case 'document':
        content.push(...encodeUserPart(part, warnings));
        break;
      default:
        warnings.add(`dropped ${part.type} parts from user turns`);
    }
  }
  return content.length === 0 ? outputs : [...outputs, { type: 'message', role: 'user', content }];
}

function encodeUserPart(part: TextPart | ImagePart | DocumentPart, warnings: WarningSet): ResponsesInputContent[] {
  switch (part.type) {
    case 'text':
      return [{ type: 'input_text', text: part.text }];
    case 'image': {
      const url = part.source.type === 'base64' ? `data:${part.source.mediaType};base64,${part.source.data}` : part.source.url;
      return [{ type: 'input_image', image_url: url, detail: part.detail ?? 'auto' }];
    }
    case 'document':
      return [encodeDocument(part)];
    default: {
      const unreachable: never = part;
      warnings.add(`dropped ${(unreachable as { type: string }).type} parts from user turns`);
      return [];
    }
  }
}

function encodeDocument(document: DocumentPart): ResponsesInputContent {
  const source = document.source;
  switch (source.type) {
    case 'text':
      return { type: 'input_text', text: source.text };
    case 'base64': {
      const filename = document.filename ?? document.title ?? (source.mediaType === 'application/pdf' ? 'document.pdf' : 'document');
      return { type: 'input_file', filename, file_data: `data:${source.mediaType};base64,${source.data}` };
    }
    case 'url':
      return { type: 'input_file', file_url: source.url };
    default: {
      const unreachable: never = source;
      throw new Error(`unhandled document source ${JSON.stringify(unreachable)}`);
    }
  }
}

function encodeAssistantTurn(message: CanonicalMessage, warnings: WarningSet): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') items.push({ type: 'message', role: 'assistant', content: text });
    text = '';
  };
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        if (part.citations) warnings.add('dropped citations: no counterpart on openai-responses targets');
        text += part.text;
        break;
      case 'tool_call':
        flushText();
        items.push({ type: 'function_call', call_id: part.id, name: part.name, arguments: toolArgumentsText(part.arguments) });
        break;
      case 'thinking':
      case 'redacted_thinking':
        warnings.add('dropped thinking of earlier turns: OpenAI takes back only reasoning it encrypted itself');
        break;
      default:
        warnings.add(`dropped ${part.type} parts from assistant turns`);
    }
  }
  flushText();
  return items;
}
