import { type GenerationParameters } from './request-outcome';

/**
 * The generation parameters a client set, read from its request body in any dialect: `max_tokens` (Messages, Chat),
 * `max_completion_tokens` (Chat), `max_output_tokens` (Responses), `temperature`, `top_p`. Undefined when none is set.
 */
export function generationParametersOf(body: Readonly<Record<string, unknown>>): GenerationParameters | undefined {
  const maxTokens = numberOrUndefined(body.max_tokens ?? body.max_completion_tokens ?? body.max_output_tokens);
  const temperature = numberOrUndefined(body.temperature);
  const topP = numberOrUndefined(body.top_p);
  if (maxTokens === undefined && temperature === undefined && topP === undefined) return undefined;
  return { maxTokens, temperature, topP };
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
