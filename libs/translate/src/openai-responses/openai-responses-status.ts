import { type StopReason } from '../canonical/canonical-response';
import { type CanonicalStop } from '../openai-chat/openai-chat-finish-reason';

export type OpenAIResponsesIncompleteReason = 'max_output_tokens' | 'content_filter';

export interface OpenAIResponsesOutcome {
  status: 'completed' | 'incomplete';
  incomplete_details: { reason: OpenAIResponsesIncompleteReason } | null;
}

/**
 * The canonical stop → a response's `status` and `incomplete_details`.
 * https://platform.openai.com/docs/api-reference/responses/object#responses/object-incomplete_details
 * A cut answer is `incomplete` for `max_output_tokens`; a refusal or a filtered answer is `incomplete` for
 * `content_filter`, OpenAI's word for an answer withheld on policy grounds. Everything else (a paused Anthropic
 * turn included: a Responses client cannot resume it) is `completed`.
 */
export function openAIResponsesOutcome(stopReason: StopReason): OpenAIResponsesOutcome {
  switch (stopReason) {
    case 'max_tokens':
      return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
    case 'refusal':
    case 'content_filter':
      return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
    case 'end_turn':
    case 'stop_sequence':
    case 'tool_use':
    case 'pause_turn':
    case 'other':
      return { status: 'completed', incomplete_details: null };
    default: {
      const unreachable: never = stopReason;
      throw new Error(`unhandled stop reason ${String(unreachable)}`);
    }
  }
}

export interface ResponsesStopContext {
  /** The output holds function calls. */
  hasToolCalls: boolean;
  /** The output is a refusal (a `refusal` content part and no text). */
  refused?: boolean;
}

/**
 * An upstream response's `status` and `incomplete_details.reason` → the canonical stop. A completed answer with
 * function calls stops for `tool_use`; a cut one stops for `max_tokens` whatever it holds, since cut arguments must
 * not be run. Statuses that are not final (`in_progress`, `queued`, `cancelled`) are `other`, kept raw.
 */
export function stopFromOpenAIResponsesStatus(
  status: string | null | undefined,
  incompleteReason: string | null | undefined,
  context: ResponsesStopContext,
): CanonicalStop {
  if (status === 'completed') {
    if (context.hasToolCalls) return { stopReason: 'tool_use' };
    if (context.refused) return { stopReason: 'refusal' };
    return { stopReason: 'end_turn' };
  }
  if (status === 'incomplete') {
    if (incompleteReason === 'max_output_tokens') return { stopReason: 'max_tokens' };
    if (incompleteReason === 'content_filter') return { stopReason: 'content_filter' };
    return { stopReason: 'other', rawStopReason: `incomplete: ${incompleteReason ?? 'unknown'}` };
  }
  return { stopReason: 'other', rawStopReason: status ?? 'unknown' };
}
