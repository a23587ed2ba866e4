import { type OpenAIResponsesUsage } from '@gatehouse/wire';
import { type OpenAIResponsesEcho } from './openai-responses-echo';
import { type OpenAIResponsesOutputItemBody } from './openai-responses-output-items';
import { type OpenAIResponsesIncompleteReason } from './openai-responses-status';

export type OpenAIResponsesStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

/** A failed response's `error` (https://platform.openai.com/docs/api-reference/responses/object#responses/object-error). */
export interface OpenAIResponsesErrorBody {
  code: string;
  message: string;
}

/**
 * The `response` object a Responses client gets: the answer of `POST /v1/responses` and `GET /v1/responses/{id}`,
 * and the payload of the stream's lifecycle events. Field order as OpenAI writes it.
 * https://platform.openai.com/docs/api-reference/responses/object
 */
export interface OpenAIResponsesResponseBody extends OpenAIResponsesEcho {
  id: string;
  object: 'response';
  created_at: number;
  status: OpenAIResponsesStatus;
  background: boolean;
  error: OpenAIResponsesErrorBody | null;
  incomplete_details: { reason: OpenAIResponsesIncompleteReason } | null;
  model: string;
  output: OpenAIResponsesOutputItemBody[];
  usage: OpenAIResponsesUsage | null;
}

export interface ResponseObjectFields {
  id: string;
  /** Seconds since the epoch. */
  createdAt: number;
  model: string;
  status: OpenAIResponsesStatus;
  error?: OpenAIResponsesErrorBody | null;
  incompleteDetails?: { reason: OpenAIResponsesIncompleteReason } | null;
  output: OpenAIResponsesOutputItemBody[];
  usage: OpenAIResponsesUsage | null;
  echo: OpenAIResponsesEcho;
}

/**
 * Builds the response object. There is no `output_text` field: the API does not send one, the official SDKs compute it
 * from `output` (https://platform.openai.com/docs/api-reference/responses/object — "SDK-only convenience property").
 */
export function openAIResponseObject(fields: ResponseObjectFields): OpenAIResponsesResponseBody {
  const { echo } = fields;
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    background: false,
    error: fields.error ?? null,
    incomplete_details: fields.incompleteDetails ?? null,
    instructions: echo.instructions,
    max_output_tokens: echo.max_output_tokens,
    model: fields.model,
    output: fields.output,
    parallel_tool_calls: echo.parallel_tool_calls,
    previous_response_id: echo.previous_response_id,
    reasoning: { ...echo.reasoning },
    store: echo.store,
    temperature: echo.temperature,
    text: structuredClone(echo.text),
    tool_choice: structuredClone(echo.tool_choice),
    tools: structuredClone(echo.tools),
    top_p: echo.top_p,
    truncation: echo.truncation,
    usage: fields.usage,
    user: echo.user,
    metadata: { ...echo.metadata },
  };
}
