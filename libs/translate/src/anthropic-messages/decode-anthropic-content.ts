import {
  type AnthropicCacheControl,
  type AnthropicContentBlock,
  type AnthropicDocumentBlock,
  type AnthropicImageBlock,
  type AnthropicTextBlock,
  type AnthropicToolResultBlock,
} from '@gatehouse/wire';
import {
  type CacheControl,
  type ContentPart,
  type DocumentPart,
  type ImagePart,
  type TextPart,
  type ToolResultPart,
} from '../canonical/canonical-request';
import { cacheControlFromAnthropic } from './anthropic-cache-control';
import { type WarningList } from './warning-list';

// https://docs.claude.com/en/api/messages — request content blocks.

const ANTHROPIC_ONLY = 'no counterpart outside Anthropic';

export function decodeCacheControl(value: AnthropicCacheControl | null | undefined, warnings: WarningList): CacheControl | undefined {
  const cacheControl = cacheControlFromAnthropic(value);
  if (cacheControl === 'unknown') {
    warnings.add(`dropped cache_control of type "${value?.type}": only "ephemeral" is known`);
    return undefined;
  }
  return cacheControl;
}

export function decodeTextBlock(block: AnthropicTextBlock, warnings: WarningList): TextPart {
  const part: TextPart = { type: 'text', text: block.text };
  const cacheControl = decodeCacheControl(block.cache_control, warnings);
  if (cacheControl) part.cacheControl = cacheControl;
  if (block.citations && block.citations.length > 0) part.citations = block.citations;
  return part;
}

function decodeImageBlock(block: AnthropicImageBlock, warnings: WarningList): ImagePart | undefined {
  const source = block.source;
  let part: ImagePart;
  switch (source.type) {
    case 'base64':
      part = { type: 'image', source: { type: 'base64', mediaType: source.media_type, data: source.data } };
      break;
    case 'url':
      part = { type: 'image', source: { type: 'url', url: source.url } };
      break;
    case 'file':
      warnings.add(`dropped an image with a "file" source: Files API ids exist only on Anthropic`);
      return undefined;
    default:
      warnings.add(`dropped an image with a "${(source as { type: string }).type}" source: ${ANTHROPIC_ONLY}`);
      return undefined;
  }
  const cacheControl = decodeCacheControl(block.cache_control, warnings);
  if (cacheControl) part.cacheControl = cacheControl;
  return part;
}

function decodeDocumentSource(block: AnthropicDocumentBlock, warnings: WarningList): DocumentPart['source'] | undefined {
  const source = block.source;
  switch (source.type) {
    case 'base64':
      return { type: 'base64', mediaType: source.media_type, data: source.data };
    case 'text':
      return { type: 'text', text: source.data };
    case 'url':
      return { type: 'url', url: source.url };
    case 'content': {
      if (typeof source.content === 'string') return { type: 'text', text: source.content };
      const texts: string[] = [];
      for (const inner of source.content) {
        if (inner.type === 'text' && typeof inner.text === 'string') texts.push(inner.text);
        else warnings.add(`dropped "${inner.type}" blocks of a custom-content document: only its text is kept`);
      }
      return { type: 'text', text: texts.join('\n') };
    }
    case 'file':
      warnings.add(`dropped a document with a "file" source: Files API ids exist only on Anthropic`);
      return undefined;
    default:
      warnings.add(`dropped a document with a "${(source as { type: string }).type}" source: ${ANTHROPIC_ONLY}`);
      return undefined;
  }
}

function decodeDocumentBlock(block: AnthropicDocumentBlock, warnings: WarningList): DocumentPart | undefined {
  const source = decodeDocumentSource(block, warnings);
  if (!source) return undefined;
  const part: DocumentPart = { type: 'document', source };
  if (typeof block.title === 'string') part.title = block.title;
  if (typeof block.context === 'string') warnings.add(`dropped "context" of a document: ${ANTHROPIC_ONLY}`);
  if (block.citations?.enabled) warnings.add(`dropped "citations" of a document: ${ANTHROPIC_ONLY}`);
  const cacheControl = decodeCacheControl(block.cache_control, warnings);
  if (cacheControl) part.cacheControl = cacheControl;
  return part;
}

function decodeToolResultBlock(block: AnthropicToolResultBlock, warnings: WarningList): ToolResultPart {
  const content: ToolResultPart['content'] = [];
  if (typeof block.content === 'string') {
    if (block.content !== '') content.push({ type: 'text', text: block.content });
  } else if (block.content) {
    for (const inner of block.content) {
      switch (inner.type) {
        case 'text':
          content.push(decodeTextBlock(inner, warnings));
          break;
        case 'image': {
          const image = decodeImageBlock(inner, warnings);
          if (image) content.push(image);
          break;
        }
        case 'document': {
          const document = decodeDocumentBlock(inner, warnings);
          if (document) content.push(document);
          break;
        }
        default:
          warnings.add(`dropped "${(inner as { type: string }).type}" blocks inside tool_result: ${ANTHROPIC_ONLY}`);
      }
    }
  }
  const part: ToolResultPart = { type: 'tool_result', toolCallId: block.tool_use_id, content };
  if (block.is_error === true) part.isError = true;
  const cacheControl = decodeCacheControl(block.cache_control, warnings);
  if (cacheControl) part.cacheControl = cacheControl;
  return part;
}

/**
 * One request content block → a canonical part, or nothing for the blocks only Anthropic understands
 * (server tool calls and results, MCP, container uploads, search results, ...), each kind named once in `warnings`.
 */
export function decodeAnthropicContentBlock(block: AnthropicContentBlock, warnings: WarningList): ContentPart | undefined {
  switch (block.type) {
    case 'text':
      return decodeTextBlock(block, warnings);
    case 'image':
      return decodeImageBlock(block, warnings);
    case 'document':
      return decodeDocumentBlock(block, warnings);
    case 'tool_use': {
      const cacheControl = decodeCacheControl(block.cache_control, warnings);
      return {
        type: 'tool_call',
        id: block.id,
        name: block.name,
        arguments: block.input,
        ...(cacheControl ? { cacheControl } : {}),
      };
    }
    case 'tool_result':
      return decodeToolResultBlock(block, warnings);
    case 'thinking':
      return { type: 'thinking', text: block.thinking, signature: block.signature };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    default:
      warnings.add(`dropped "${(block as { type: string }).type}" blocks: ${ANTHROPIC_ONLY}`);
      return undefined;
  }
}
