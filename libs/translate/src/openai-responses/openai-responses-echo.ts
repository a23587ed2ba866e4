import { type OpenAIResponsesRequest } from '@gatehouse/wire';

/**
 * The request fields a Responses API `response` object repeats, with the values OpenAI reports when the request
 * left them out. https://platform.openai.com/docs/api-reference/responses/object
 */
export interface OpenAIResponsesEcho {
  instructions: string | null;
  max_output_tokens: number | null;
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  reasoning: { effort: string | null; summary: string | null };
  store: boolean;
  temperature: number;
  text: Record<string, unknown>;
  tool_choice: unknown;
  tools: unknown[];
  top_p: number;
  truncation: string;
  user: string | null;
  metadata: Record<string, string>;
}

/** What a response says about a request it knows nothing of (a translation without the client's body at hand). */
export const DEFAULT_OPENAI_RESPONSES_ECHO: Readonly<OpenAIResponsesEcho> = Object.freeze({
  instructions: null,
  max_output_tokens: null,
  parallel_tool_calls: true,
  previous_response_id: null,
  reasoning: { effort: null, summary: null },
  store: true,
  temperature: 1,
  text: { format: { type: 'text' } },
  tool_choice: 'auto',
  tools: [],
  top_p: 1,
  truncation: 'disabled',
  user: null,
  metadata: {},
});

/** The echo of a client's Responses request, copied so that later changes to the body do not show through. */
export function openAIResponsesEchoOf(body: OpenAIResponsesRequest): OpenAIResponsesEcho {
  const defaults = DEFAULT_OPENAI_RESPONSES_ECHO;
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    instructions: body.instructions ?? defaults.instructions,
    max_output_tokens: body.max_output_tokens ?? defaults.max_output_tokens,
    parallel_tool_calls: body.parallel_tool_calls ?? defaults.parallel_tool_calls,
    previous_response_id: body.previous_response_id ?? defaults.previous_response_id,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    store: body.store ?? defaults.store,
    temperature: body.temperature ?? defaults.temperature,
    text: body.text ? copy(body.text) : copy(defaults.text),
    tool_choice: body.tool_choice ? copy(body.tool_choice) : defaults.tool_choice,
    tools: body.tools ? copy(body.tools) : [],
    top_p: body.top_p ?? defaults.top_p,
    truncation: body.truncation ?? defaults.truncation,
    user: body.user ?? defaults.user,
    metadata: body.metadata ? { ...body.metadata } : {},
  };
}
