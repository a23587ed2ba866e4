import {
  type ContentPart,
  type DocumentPart,
  type ImagePart,
  type TextPart,
  type ToolResultPart,
} from '../canonical/canonical-request';
import { anthropicCacheControl } from './anthropic-cache-control';
import { type ToolIdMap } from './tool-id-map';
import { type WarningList } from './warning-list';

// https://docs.claude.com/en/api/messages — request content blocks.

export type AnthropicBlock = Record<string, unknown> & { type: string };

export function encodeTextPart(part: TextPart): AnthropicBlock {
  return {
    type: 'text',
    text: part.text,
    ...(part.citations && part.citations.length > 0 ? { citations: part.citations } : {}),
    ...anthropicCacheControl(part.cacheControl),
  };
}

function encodeImagePart(part: ImagePart, warnings: WarningList): AnthropicBlock {
  if (part.detail !== undefined) warnings.add(`dropped image "detail": Anthropic has no counterpart`);
  const source =
    part.source.type === 'base64'
      ? { type: 'base64', media_type: part.source.mediaType, data: part.source.data }
      : { type: 'url', url: part.source.url };
  return { type: 'image', source, ...anthropicCacheControl(part.cacheControl) };
}

/** Base64 of UTF-8 text → the text, for documents Anthropic takes only as a `text` source. */
function decodeBase64Text(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new TextDecoder().decode(bytes);
}

function encodeDocumentPart(part: DocumentPart, warnings: WarningList): AnthropicBlock | undefined {
  let source: Record<string, unknown>;
  switch (part.source.type) {
    case 'base64':
      // Anthropic takes base64 only for PDFs; plain text goes as a text source.
      if (part.source.mediaType.startsWith('text/')) {
        try {
          source = { type: 'text', media_type: 'text/plain', data: decodeBase64Text(part.source.data) };
        } catch {
          warnings.add(`dropped a document whose base64 data does not decode`);
          return undefined;
        }
      } else {
        source = { type: 'base64', media_type: part.source.mediaType, data: part.source.data };
      }
      break;
    case 'url':
      source = { type: 'url', url: part.source.url };
      break;
    case 'text':
      source = { type: 'text', media_type: 'text/plain', data: part.source.text };
      break;
    default: {
      const unreachable: never = part.source;
      throw new Error(`unhandled document source ${JSON.stringify(unreachable)}`);
    }
  }
  const title = part.title ?? part.filename;
  return { type: 'document', source, ...(title !== undefined ? { title } : {}), ...anthropicCacheControl(part.cacheControl) };
}

function encodeToolResultPart(part: ToolResultPart, ids: ToolIdMap, warnings: WarningList): AnthropicBlock {
  const content: AnthropicBlock[] = [];
  for (const inner of part.content) {
    if (inner.type === 'text') {
      if (inner.text !== '') content.push(encodeTextPart(inner));
    } else if (inner.type === 'image') content.push(encodeImagePart(inner, warnings));
    else {
      const document = encodeDocumentPart(inner, warnings);
      if (document) content.push(document);
    }
  }
  return {
    type: 'tool_result',
    tool_use_id: ids.idFor(part.toolCallId),
    ...(content.length > 0 ? { content } : {}),
    ...(part.isError ? { is_error: true } : {}),
    ...anthropicCacheControl(part.cacheControl),
  };
}

function toolInput(value: unknown, warnings: WarningList): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  if (value !== undefined && value !== null) warnings.add(`tool call arguments that are not a JSON object were sent as {}: Anthropic takes only objects`);
  return {};
}

/**
 * One canonical part → an Anthropic block, or nothing: empty text (Anthropic rejects it) and thinking without a
 * signature (Anthropic rejects a thinking block it did not sign; such blocks come from other families) are left out.
 */
export function encodeAnthropicContentPart(part: ContentPart, ids: ToolIdMap, warnings: WarningList): AnthropicBlock | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : encodeTextPart(part);
    case 'image':
      return encodeImagePart(part, warnings);
    case 'document':
      return encodeDocumentPart(part, warnings);
    case 'tool_call':
      return {
        type: 'tool_use',
        id: ids.idFor(part.id),
        name: part.name,
        input: toolInput(part.arguments, warnings),
        ...anthropicCacheControl(part.cacheControl),
      };
    case 'tool_result':
      return encodeToolResultPart(part, ids, warnings);
    case 'thinking':
      if (!part.signature) {
        warnings.add(`dropped thinking without a signature: Anthropic takes back only thinking it signed`);
        return undefined;
      }
      return { type: 'thinking', thinking: part.text, signature: part.signature };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: part.data };
    default: {
      const unreachable: never = part;
      throw new Error(`unhandled content part ${JSON.stringify(unreachable)}`);
    }
  }
}
