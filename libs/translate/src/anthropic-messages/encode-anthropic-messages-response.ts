import { type CanonicalResponse } from '../canonical/canonical-response';
import { type TranslationContext } from '../canonical/translation-context';
import { anthropicStopReason } from './anthropic-stop-reason';
import { type AnthropicClientUsage, anthropicUsageFromTokenUsage } from './anthropic-usage';

// https://docs.claude.com/en/api/messages — the response `Message`.

export interface AnthropicMessagesResponseBody {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Record<string, unknown>[];
  stop_reason: string;
  stop_sequence: string | null;
  usage: AnthropicClientUsage;
}

/**
 * Canonical → the Message an Anthropic client expects. Thinking from other families has no signature; it is given
 * an empty one, which marks it as unsigned when the client sends it back (the request encoder then leaves it out).
 */
export function encodeAnthropicMessagesResponse(response: CanonicalResponse, ctx: TranslationContext): AnthropicMessagesResponseBody {
  const content: Record<string, unknown>[] = [];
  for (const part of response.content) {
    switch (part.type) {
      case 'text':
        content.push(part.citations && part.citations.length > 0 ? { type: 'text', text: part.text, citations: part.citations } : { type: 'text', text: part.text });
        break;
      case 'thinking':
        content.push({ type: 'thinking', thinking: part.text, signature: part.signature ?? '' });
        break;
      case 'redacted_thinking':
        content.push({ type: 'redacted_thinking', data: part.data });
        break;
      case 'tool_call':
        content.push({ type: 'tool_use', id: part.id, name: part.name, input: part.arguments ?? {} });
        break;
      default:
        // Images, documents and tool results appear only in requests.
        break;
    }
  }
  const hasToolUse = content.some((block) => block.type === 'tool_use');
  const stopReason = anthropicStopReason(response.stopReason, hasToolUse);
  return {
    id: ctx.newId('msg'),
    type: 'message',
    role: 'assistant',
    model: ctx.requestModel,
    content,
    stop_reason: stopReason,
    stop_sequence: stopReason === 'stop_sequence' ? (response.stopSequence ?? null) : null,
    usage: anthropicUsageFromTokenUsage(response.usage),
  };
}
