import { type DocumentPart, type ImagePart, type ImageSource, type TextPart } from '../canonical/canonical-request';
import { GatewayError } from '../gateway-error';
import { parseDataUrl } from '../openai-chat/parse-data-url';
import { asString, type JsonObject } from '../openai-chat/read-json';
import { type WarningSet } from '../openai-chat/warning-set';

export type ResponsesUserContentPart = TextPart | ImagePart | DocumentPart;

/**
 * The parts of a user message or a function call's output → canonical parts.
 * https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
 * Text, images (data: or http(s) URLs) and files given inline or by URL translate. A `file_id` points into OpenAI's
 * file store, which no other target can read: a 400 naming the field, since dropping it would change the question.
 */
export function decodeResponsesUserContent(content: readonly unknown[], path: string, warnings: WarningSet): ResponsesUserContentPart[] {
  const parts: ResponsesUserContentPart[] = [];
  content.forEach((entry, index) => {
    const partPath = `${path}[${index}]`;
    const part = (entry ?? {}) as JsonObject;
    switch (part.type) {
      case 'input_text':
      case 'output_text':
        parts.push({ type: 'text', text: String(part.text ?? '') });
        break;
      case 'refusal':
        parts.push({ type: 'text', text: String(part.refusal ?? '') });
        break;
      case 'input_image':
        parts.push(inputImage(part, partPath));
        break;
      case 'input_file':
        parts.push(inputFile(part, partPath));
        break;
      default:
        warnings.add(`dropped input content of type "${String(part.type)}": no counterpart on other dialects`);
    }
  });
  return parts;
}

/** Text-only content (system and developer messages, assistant messages): other parts are dropped with a warning. */
export function decodeResponsesTextContent(content: unknown, warnings: WarningSet): TextPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  const parts: TextPart[] = [];
  for (const entry of content) {
    const part = (entry ?? {}) as JsonObject;
    if (part.type === 'input_text' || part.type === 'output_text') parts.push({ type: 'text', text: String(part.text ?? '') });
    else if (part.type === 'refusal') parts.push({ type: 'text', text: String(part.refusal ?? '') });
    else warnings.add(`dropped content of type "${String(part.type)}" from a text-only message`);
  }
  return parts;
}

function fileIdError(param: string, what: string): GatewayError {
  return new GatewayError(
    'invalid_request',
    `${param}: ${what} given by file_id is not supported: the file lives in OpenAI's file store, which this gateway's targets cannot read. Send it inline instead.`,
    { param },
  );
}

function inputImage(part: JsonObject, path: string): ImagePart {
  const url = asString(part.image_url);
  if (url === undefined) {
    if (asString(part.file_id) !== undefined) throw fileIdError(`${path}.file_id`, 'an image');
    throw new GatewayError('invalid_request', `${path}.image_url is required`, { param: `${path}.image_url` });
  }
  const image: ImagePart = { type: 'image', source: imageSource(url, `${path}.image_url`) };
  const detail = asString(part.detail);
  if (detail) image.detail = detail;
  return image;
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

/** `file_data` is base64, usually as a data: URL (bare base64 is read as a PDF, the file kind models take); `file_url` a link. */
function inputFile(part: JsonObject, path: string): DocumentPart {
  const filename = asString(part.filename);
  const fileData = asString(part.file_data);
  const fileUrl = asString(part.file_url);
  let document: DocumentPart;
  if (fileData !== undefined) {
    const dataUrl = parseDataUrl(fileData);
    if (dataUrl && !dataUrl.base64) {
      throw new GatewayError('invalid_request', `${path}.file_data must be base64 data`, { param: `${path}.file_data` });
    }
    document = {
      type: 'document',
      source: dataUrl
        ? { type: 'base64', mediaType: dataUrl.mediaType, data: dataUrl.data }
        : { type: 'base64', mediaType: 'application/pdf', data: fileData },
    };
  } else if (fileUrl !== undefined) {
    if (!/^https?:\/\//i.test(fileUrl)) {
      throw new GatewayError('invalid_request', `${path}.file_url must be an http(s) URL`, { param: `${path}.file_url` });
    }
    document = { type: 'document', source: { type: 'url', url: fileUrl } };
  } else if (asString(part.file_id) !== undefined) {
    throw fileIdError(`${path}.file_id`, 'a file');
  } else {
    throw new GatewayError('invalid_request', `${path} needs file_data or file_url`, { param: path });
  }
  if (filename) document.filename = filename;
  return document;
}
