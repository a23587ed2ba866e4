import { type CanonicalRequest, type ContentPart, type ImagePart, GatewayError } from '@gatehouse/translate';
import { imageDimensions } from './image-dimensions';

type CountTokens = (text: string) => number;

// Loaded on the first count: the tokenizer's tables are large and most gateways never count locally.
let tokenizer: Promise<CountTokens> | undefined;
const loadTokenizer = (): Promise<CountTokens> =>
  (tokenizer ??= import('gpt-tokenizer').then((module) => (text: string) => module.countTokens(text)));

// Per-message and per-tool framing, as chat templates add role markers and separators around each.
const MESSAGE_OVERHEAD = 4;
const TOOL_OVERHEAD = 8;
// https://docs.anthropic.com/en/docs/build-with-claude/vision#calculate-image-costs: tokens ≈ width × height / 750,
// after scaling the long edge down to 1568 pixels.
const IMAGE_LONG_EDGE = 1568;
const PIXELS_PER_TOKEN = 750;

/**
 * Counts a request's input tokens locally, for targets with no count endpoint (OpenAI-compatible servers), with the
 * o200k tokenizer: system, messages, tool definitions, tool results and images. What it cannot count (an image given
 * by URL, a PDF) is an error, never a guess of zero.
 */
export async function countRequestTokens(request: CanonicalRequest): Promise<number> {
  const count = await loadTokenizer();
  let total = 0;
  for (const part of request.system) total += count(part.text);
  for (const message of request.messages) {
    total += MESSAGE_OVERHEAD;
    for (const part of message.content) total += countPart(part, count);
  }
  for (const tool of request.tools ?? []) {
    total += TOOL_OVERHEAD + count(tool.name) + count(tool.description ?? '') + count(JSON.stringify(tool.parameters));
  }
  return total;
}

function countPart(part: ContentPart, count: CountTokens): number {
  switch (part.type) {
    case 'text':
      return count(part.text);
    case 'thinking':
      return count(part.text);
    case 'redacted_thinking':
      return 0;
    case 'tool_call':
      return count(part.name) + count(JSON.stringify(part.arguments ?? {}));
    case 'tool_result':
      return part.content.reduce((sum, inner) => sum + countPart(inner, count), 0);
    case 'image':
      return imageTokens(part);
    case 'document':
      if (part.source.type === 'text') return count(part.source.text);
      throw new GatewayError('invalid_request', 'Tokens of a PDF or URL document cannot be counted locally for this model', { status: 422 });
    default: {
      const unreachable: never = part;
      throw new Error(`unhandled part ${JSON.stringify(unreachable)}`);
    }
  }
}

function imageTokens(part: ImagePart): number {
  if (part.source.type !== 'base64') {
    throw new GatewayError('invalid_request', 'Tokens of an image given by URL cannot be counted locally; send the image as base64', {
      status: 422,
    });
  }
  const size = imageDimensions(Buffer.from(part.source.data, 'base64'));
  if (!size) throw new GatewayError('invalid_request', `The image (${part.source.mediaType}) could not be read to count its tokens`, { status: 422 });
  const scale = Math.min(1, IMAGE_LONG_EDGE / Math.max(size.width, size.height));
  return Math.ceil((size.width * scale * (size.height * scale)) / PIXELS_PER_TOKEN);
}
