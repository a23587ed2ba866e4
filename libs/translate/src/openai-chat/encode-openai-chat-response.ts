import { type OpenAIChatResponse, type OpenAIChatToolCall } from '@gatehouse/wire';
import { type CanonicalResponse } from '../canonical/canonical-response';
import { type TranslationContext } from '../canonical/translation-context';
import { openAIChatFinishReason } from './openai-chat-finish-reason';
import { openAIChatUsage } from './openai-chat-usage';
import { toolArgumentsText } from './tool-arguments';

/**
 * The canonical response → the `chat.completion` an OpenAI client expects: text joined into `content`, thinking as
 * `reasoning_content` (what vLLM and DeepSeek clients read), tool calls with JSON-text arguments.
 * Redacted thinking, images and citations have no place in it.
 * https://platform.openai.com/docs/api-reference/chat/object
 */
export function encodeOpenAIChatResponse(response: CanonicalResponse, ctx: TranslationContext): OpenAIChatResponse {
  let text = '';
  let reasoning = '';
  const toolCalls: OpenAIChatToolCall[] = [];
  for (const part of response.content) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'thinking') reasoning += part.text;
    else if (part.type === 'tool_call') {
      toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: toolArgumentsText(part.arguments) } });
    }
  }
  const message: OpenAIChatResponse['choices'][number]['message'] = {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    refusal: null,
  };
  if (reasoning !== '') message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return {
    id: ctx.newId('chatcmpl'),
    object: 'chat.completion',
    created: Math.floor(ctx.now() / 1000),
    model: ctx.requestModel,
    choices: [
      { index: 0, message, logprobs: null, finish_reason: openAIChatFinishReason(response.stopReason, toolCalls.length > 0) },
    ],
    usage: openAIChatUsage(response.usage),
  };
}
