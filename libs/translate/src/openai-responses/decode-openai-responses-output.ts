import { type ContentPart } from '../canonical/canonical-request';
import { asString, type JsonObject } from '../openai-chat/read-json';
import { parseUpstreamToolArguments } from '../openai-chat/tool-arguments';

export interface DecodedOpenAIResponsesOutput {
  content: ContentPart[];
  /** The answer is a refusal: refusal parts and no text. */
  refused: boolean;
}

/**
 * A response's `output` items → canonical content, read leniently.
 * https://platform.openai.com/docs/api-reference/responses/object#responses/object-output
 * Reasoning becomes thinking without a signature (its own text when the model gives it, as open-weight models do,
 * else its summary); `encrypted_content` cannot travel. Messages give a text part per `output_text` or `refusal`
 * part; function calls give tool calls whose id is the `call_id` (what the client answers with), their arguments
 * parsed (kept as `{ "_raw": text }` when they do not parse). Built-in tool calls ran at OpenAI and are skipped.
 */
export function decodeOpenAIResponsesOutput(output: unknown): DecodedOpenAIResponsesOutput {
  const content: ContentPart[] = [];
  let sawText = false;
  let sawRefusal = false;
  for (const entry of Array.isArray(output) ? output : []) {
    const item = (entry ?? {}) as JsonObject;
    switch (item.type) {
      case 'reasoning': {
        const text = reasoningText(item);
        if (text !== '') content.push({ type: 'thinking', text });
        break;
      }
      case 'message':
        for (const part of Array.isArray(item.content) ? (item.content as JsonObject[]) : []) {
          if (part?.type === 'output_text') {
            const text = asString(part.text) ?? '';
            if (text !== '') {
              sawText = true;
              content.push({ type: 'text', text });
            }
          } else if (part?.type === 'refusal') {
            sawRefusal = true;
            content.push({ type: 'text', text: asString(part.refusal) ?? '' });
          }
        }
        break;
      case 'function_call':
        content.push({
          type: 'tool_call',
          id: asString(item.call_id) ?? asString(item.id) ?? '',
          name: asString(item.name) ?? '',
          arguments: parseUpstreamToolArguments(asString(item.arguments) ?? ''),
        });
        break;
      default:
        break;
    }
  }
  return { content, refused: sawRefusal && !sawText };
}

/** A reasoning item's own text (`content` of reasoning_text parts), else its summary parts, one paragraph each. */
export function reasoningText(item: JsonObject): string {
  const texts = (value: unknown) =>
    (Array.isArray(value) ? value : []).flatMap((part) => {
      const text = asString((part as JsonObject | null)?.text);
      return text ? [text] : [];
    });
  const content = texts(item.content);
  return content.length > 0 ? content.join('') : texts(item.summary).join('\n\n');
}
