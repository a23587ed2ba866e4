import { type Dialect } from '../dialect';
import { type GatewayError } from '../gateway-error';
import { encodeAnthropicError } from './anthropic-error-encoder';
import { encodeOpenAIError } from './openai-error-encoder';

/**
 * The SSE frame that ends a stream which failed after its first bytes reached the client: the status line is gone,
 * so the error travels as an event in the client's dialect.
 * OpenAI sends `data: {"error": …}`; Anthropic an `event: error` (https://docs.anthropic.com/en/docs/build-with-claude/streaming#error-events).
 */
export function streamErrorFrame(dialect: Dialect, error: GatewayError): string {
  switch (dialect) {
    case 'anthropic-messages':
      return `event: error\ndata: ${encodeAnthropicError(error).body}\n\n`;
    case 'openai-chat':
      return `data: ${encodeOpenAIError(error).body}\n\n`;
    case 'openai-responses': {
      const { error: detail } = JSON.parse(encodeOpenAIError(error).body) as { error: { type: string; message: string } };
      return `event: error\ndata: ${JSON.stringify({ type: 'error', code: detail.type, message: detail.message, param: null })}\n\n`;
    }
    default: {
      const unreachable: never = dialect;
      throw new Error(`unhandled dialect ${String(unreachable)}`);
    }
  }
}
