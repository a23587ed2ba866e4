import { type OpenAIChatMessage } from '@gatehouse/wire';
import { type DocumentPart, type ImagePart, type ImageSource, type TextPart } from '../canonical/canonical-request';
import { GatewayError } from '../gateway-error';
import { parseDataUrl } from './parse-data-url';
import { asJsonObject, asString } from './read-json';
import { type WarningSet } from './warning-set';

export type UserContentPart = TextPart | ImagePart | DocumentPart;

/**
 * The content of a user or tool message → canonical parts. Text, images and PDF files translate; audio and files
 * referenced by id (they live in OpenAI's file store) have no counterpart and are dropped with a warning.
 * https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 */
export function decodeOpenAIChatUserContent(
  content: OpenAIChatMessage['content'],
  path: string,
  warnings: WarningSet,
): UserContentPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  const parts: UserContentPart[] = [];
  content.forEach((part, index) => {
    const partPath = `${path}[${index}]`;
    const raw = part as Record<string, unknown>;
    switch (part.type) {
      case 'text':
        parts.push({ type: 'text', text: String(raw.text) });
        break;
      case 'image_url': {
        const imageUrl = asJsonObject(raw.image_url);
        const image: ImagePart = { type: 'image', source: imageSource(String(imageUrl?.url), `${partPath}.image_url.url`) };
        const detail = asString(imageUrl?.detail);
        if (detail) image.detail = detail;
        parts.push(image);
        break;
      }
      case 'file': {
        const document = fileDocument(asJsonObject(raw.file) ?? {}, `${partPath}.file.file_data`, warnings);
        if (document) parts.push(document);
        break;
      }
      case 'input_audio':
        warnings.add('dropped input_audio content: no counterpart on other dialects');
        break;
      default:
        warnings.add(`dropped content part of type "${String(part.type)}": no counterpart on other dialects`);
    }
  });
  return parts;
}

/** Text-only content (system, developer): any other part is dropped with a warning. */
export function decodeOpenAIChatTextContent(content: OpenAIChatMessage['content'], warnings: WarningSet): TextPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  const parts: TextPart[] = [];
  for (const part of content) {
    const raw = part as Record<string, unknown>;
    if (part.type === 'text') parts.push({ type: 'text', text: String(raw.text) });
    else if (part.type === 'refusal') parts.push({ type: 'text', text: String(raw.refusal) });
    else warnings.add(`dropped content part of type "${String(part.type)}" from a text-only message`);
  }
  return parts;
}

function imageSource(url: string, param: string): ImageSource {
  if (/^data:/i.test(url)) {
    const dataUrl = parseDataUrl(url);
    if (!dataUrl?.base64) {
      throw new GatewayError('invalid_request', `${param} must be a base64 data: URL (data:<media type>;base64,...)`, { param });
    }
    return { type: 'base64', mediaType: dataUrl.mediaType, data: dataUrl.data };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'url', url };
  throw new GatewayError('invalid_request', `${param} must be an http(s) URL or a base64 data: URL`, { param });
}

/** OpenAI file parts carry base64 data as a data: URL (PDFs); a file_id points into OpenAI's own store. */
function fileDocument(file: Record<string, unknown>, param: string, warnings: WarningSet): DocumentPart | undefined {
  const fileData = asString(file.file_data);
  if (fileData === undefined) {
    warnings.add('dropped file content given by file_id: the file lives in OpenAI\'s file store');
    return undefined;
  }
  const filename = asString(file.filename);
  const dataUrl = parseDataUrl(fileData);
  if (dataUrl && !dataUrl.base64) {
    throw new GatewayError('invalid_request', `${param} must be base64 data (a data:<media type>;base64,... URL)`, { param });
  }
  // Bare base64 without a data: prefix is what some clients send; PDFs are the only files chat models take.
  const source = dataUrl
    ? { type: 'base64' as const, mediaType: dataUrl.mediaType, data: dataUrl.data }
    : { type: 'base64' as const, mediaType: 'application/pdf', data: fileData };
  const document: DocumentPart = { type: 'document', source };
  if (filename) document.filename = filename;
  return document;
}
