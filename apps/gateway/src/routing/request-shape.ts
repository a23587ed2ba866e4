import { type ClientDialect } from '@gatehouse/routing';
import { type LongStrings } from '../proxy/request-outline';

type Json = Record<string, unknown>;

/** A request body as routing and the limits read it: its JSON, or its outline with the long strings beside it. */
export interface ShapedBody {
  outline: Json;
  longStrings?: LongStrings;
}

/** What routing and the token limits read from a request body, whatever its dialect. */
export interface RequestShape {
  /** The last user message that has text: its text parts joined (see RequestFacts.promptText). */
  promptText: string;
  hasImages: boolean;
  /** Estimated input tokens: characters of text / 4, plus a flat amount per image. */
  promptTokens: number;
}

// A cheap estimate, settled with the real usage when the response ends: about 4 characters a token for English
// text and code, and an image at roughly what a 1000×750 picture costs on Anthropic (width × height / 750).
const CHARACTERS_PER_TOKEN = 4;
const TOKENS_PER_IMAGE = 1_000;
const IMAGE_TYPES = new Set(['image', 'image_url', 'input_image']);
// Opaque payloads that are not text the model reads as tokens: base64 images and files, thinking signatures.
const OPAQUE_KEYS = new Set(['data', 'signature', 'encrypted_content', 'file_data']);
const CONTENT_KEYS = ['system', 'instructions', 'messages', 'input', 'tools'] as const;
const TEXT_PART_TYPES = new Set(['text', 'input_text']);

const cache = new WeakMap<object, RequestShape>();

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the shape of a request body once; the same body answers from a cache after that. */
export function readRequestShape(body: ShapedBody, dialect: ClientDialect): RequestShape {
  const { outline, longStrings } = body;
  const cached = cache.get(outline);
  if (cached) return cached;
  const tally: Tally = { characters: 0, images: 0, longStrings };
  for (const key of CONTENT_KEYS) walk(outline[key], tally);
  let promptText: string | undefined;
  const shape: RequestShape = {
    // Only "auto" routing reads the text; a long string is made only then.
    get promptText() {
      return (promptText ??= lastUserText(outline, dialect, longStrings));
    },
    hasImages: tally.images > 0,
    promptTokens: Math.ceil(tally.characters / CHARACTERS_PER_TOKEN) + tally.images * TOKENS_PER_IMAGE,
  };
  cache.set(outline, shape);
  return shape;
}

interface Tally {
  characters: number;
  images: number;
  longStrings: LongStrings | undefined;
}

function walk(value: unknown, tally: Tally): void {
  if (typeof value === 'string') {
    const long = tally.longStrings ? tally.longStrings.indexOf(value) : -1;
    if (long >= 0) {
      if (!tally.longStrings!.isDataUrl(long)) tally.characters += tally.longStrings!.characters(long);
      return;
    }
    // A data: URL is an inline image or file, not text.
    if (!value.startsWith('data:')) tally.characters += value.length;
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(item, tally);
    return;
  }
  if (!isObject(value)) return;
  if (typeof value.type === 'string' && IMAGE_TYPES.has(value.type)) {
    tally.images++;
    return;
  }
  for (const key in value) {
    if (!OPAQUE_KEYS.has(key)) walk(value[key], tally);
  }
}

function lastUserText(body: Json, dialect: ClientDialect, longStrings: LongStrings | undefined): string {
  const textOf = (value: unknown) => (longStrings ? longStrings.resolve(value) : value);
  if (dialect === 'openai-responses' && typeof body.input === 'string') return textOf(body.input) as string;
  const turns = dialect === 'openai-responses' ? body.input : body.messages;
  if (!Array.isArray(turns)) return '';
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i];
    if (!isObject(turn) || turn.role !== 'user') continue;
    if (turn.type !== undefined && turn.type !== 'message') continue;
    const text = joinedText(turn.content, textOf);
    // A user turn made only of tool results has no text: the question is in an earlier turn.
    if (text !== undefined) return text;
  }
  return '';
}

function joinedText(content: unknown, textOf: (value: string) => unknown): string | undefined {
  if (typeof content === 'string') return textOf(content) as string;
  if (!Array.isArray(content)) return undefined;
  let text: string | undefined;
  for (const part of content) {
    if (isObject(part) && typeof part.type === 'string' && TEXT_PART_TYPES.has(part.type) && typeof part.text === 'string') {
      const partText = textOf(part.text) as string;
      text = text === undefined ? partText : `${text}\n${partText}`;
    }
  }
  return text;
}
