import { type ClientEndpoint } from './request-outcome';

/**
 * gen_ai.operation.name of each endpoint: Chat Completions, Messages and Responses are all `chat` in the GenAI
 * conventions; token counting is no generation, so it gets a name of its own.
 */
export const genAiOperationOf: Readonly<Record<ClientEndpoint, string>> = {
  'openai-chat': 'chat',
  'openai-responses': 'chat',
  'anthropic-messages': 'chat',
  'anthropic-count-tokens': 'count_tokens',
};
