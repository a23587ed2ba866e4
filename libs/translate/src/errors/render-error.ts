import { type Dialect } from '../dialect';
import { type GatewayError } from '../gateway-error';
import { encodeAnthropicError } from './anthropic-error-encoder';
import { encodeOpenAIError } from './openai-error-encoder';
import { type RenderedError } from './rendered-error';

/** The one place that picks an error's shape by the client's dialect. */
export function renderError(dialect: Dialect, error: GatewayError): RenderedError {
  return dialect === 'anthropic-messages' ? encodeAnthropicError(error) : encodeOpenAIError(error);
}
