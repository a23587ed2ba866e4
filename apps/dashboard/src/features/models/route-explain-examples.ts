import { type ClientDialect } from '../../api/route-explanation';

/** A request body per dialect to start from, asking for routing ("auto"). */
export const routeExplainExamples: Record<ClientDialect, object> = {
  'openai-chat': { model: 'auto', messages: [{ role: 'user', content: 'Can you prove this theorem about primes?' }] },
  'openai-responses': { model: 'auto', input: 'Summarise this article in three sentences.' },
  'anthropic-messages': {
    model: 'auto',
    max_tokens: 1024,
    system: 'You are a careful assistant.',
    messages: [{ role: 'user', content: 'Write a haiku about gateways.' }],
  },
};
