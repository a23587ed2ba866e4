import { anthropicMessagesResponseSchema, formatIssuePath } from '@gatehouse/wire';
import { type ContentPart, type TextPart } from '../canonical/canonical-request';
import { type CanonicalResponse } from '../canonical/canonical-response';
import { GatewayError } from '../gateway-error';
import { stopReasonFromAnthropic } from './anthropic-stop-reason';
import { tokenUsageFromAnthropic } from './anthropic-usage';

// https://docs.claude.com/en/api/messages — the response `Message`.

/**
 * An Anthropic upstream's non-streaming answer → canonical. Blocks only Anthropic understands (server tool calls
 * and their results) are left out: the answer text around them stays.
 */
export function decodeAnthropicMessagesResponse(body: unknown): CanonicalResponse {
  const parsed = anthropicMessagesResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GatewayError('upstream', `unexpected response from Anthropic: ${formatIssuePath(issue.path) || 'body'}: ${issue.message}`);
  }
  const message = parsed.data;
  const content: ContentPart[] = [];
  for (const block of message.content) {
    switch (block.type) {
      case 'text': {
        const part: TextPart = { type: 'text', text: block.text };
        if (block.citations && block.citations.length > 0) part.citations = block.citations;
        content.push(part);
        break;
      }
      case 'thinking':
        content.push({ type: 'thinking', text: block.thinking, signature: block.signature });
        break;
      case 'redacted_thinking':
        content.push({ type: 'redacted_thinking', data: block.data });
        break;
      case 'tool_use':
        content.push({ type: 'tool_call', id: block.id, name: block.name, arguments: block.input ?? {} });
        break;
      default:
        break;
    }
  }
  const response: CanonicalResponse = {
    id: message.id,
    model: message.model,
    content,
    ...stopReasonFromAnthropic(message.stop_reason),
    usage: tokenUsageFromAnthropic(message.usage),
  };
  if (typeof message.stop_sequence === 'string') response.stopSequence = message.stop_sequence;
  return response;
}
