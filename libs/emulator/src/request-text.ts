export type Dialect = 'openai-chat' | 'anthropic-messages' | 'openai-responses';

type Json = Record<string, unknown>;

/**
 * The text of the last user message that has any text (parts joined). User turns made only of tool results are
 * skipped, so a conversation reads the same whether it is in OpenAI's shape (`tool` messages) or Anthropic's
 * (`tool_result` blocks in a user message).
 */
export function lastUserText(dialect: Dialect, body: Json): string {
  const turns = dialect === 'openai-responses' ? responsesUserTurns(body.input) : chatUserTurns(body.messages);
  for (let i = turns.length - 1; i >= 0; i--) {
    const text = textOf(turns[i]);
    if (text !== undefined) return text;
  }
  return '';
}

/** The number of characters of text a request sends, for the input token estimate. */
export function requestTextCharacters(body: Json): number {
  return ['system', 'messages', 'input', 'instructions', 'tools'].reduce((sum, key) => sum + stringCharacters(body[key]), 0);
}

function chatUserTurns(messages: unknown): unknown[] {
  if (!Array.isArray(messages)) return [];
  return messages.filter((message) => isObject(message) && message.role === 'user').map((message) => (message as Json).content);
}

function responsesUserTurns(input: unknown): unknown[] {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input)) return [];
  return input
    .filter((item) => isObject(item) && item.role === 'user' && (item.type === undefined || item.type === 'message'))
    .map((item) => (item as Json).content);
}

/** String content, or the joined `text` / `input_text` parts; undefined when there is no text part at all. */
function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts = content
    .filter((part) => isObject(part) && (part.type === 'text' || part.type === 'input_text') && typeof part.text === 'string')
    .map((part) => (part as Json).text as string);
  return texts.length > 0 ? texts.join('') : undefined;
}

function stringCharacters(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + stringCharacters(item), 0);
  if (isObject(value)) return Object.values(value).reduce((sum: number, item) => sum + stringCharacters(item), 0);
  return 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
