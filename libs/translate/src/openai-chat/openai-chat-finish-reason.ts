import { type OpenAIChatFinishReason } from '@gatehouse/wire';
import { type StopReason } from '../canonical/canonical-response';

export interface CanonicalStop {
  stopReason: StopReason;
  stopSequence?: string;
  rawStopReason?: string;
}

export interface FinishContext {
  /** The answer holds tool calls. */
  hasToolCalls: boolean;
  /** The answer is a refusal (`message.refusal` / `delta.refusal`). */
  refused?: boolean;
  /** vLLM's `stop_reason` beside `finish_reason: "stop"`: the stop string that matched (a number is a stop token id). */
  matchedStop?: unknown;
}

/**
 * An upstream's `finish_reason` → the canonical stop.
 * https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 *
 * An answer with tool calls ends with `tool_use` whatever the server said (vLLM says "stop"), so that clients run
 * the tools; except when it was cut by the token limit (`length`: the arguments may be cut too and must not be run)
 * or filtered (`content_filter`).
 */
export function stopFromOpenAIChatFinishReason(finishReason: string | null | undefined, context: FinishContext): CanonicalStop {
  if (context.hasToolCalls && finishReason !== 'length' && finishReason !== 'content_filter') {
    return finishReason === 'tool_calls' || !finishReason ? { stopReason: 'tool_use' } : { stopReason: 'tool_use', rawStopReason: finishReason };
  }
  switch (finishReason) {
    case 'stop':
      if (context.refused) return { stopReason: 'refusal', rawStopReason: 'stop' };
      if (typeof context.matchedStop === 'string') return { stopReason: 'stop_sequence', stopSequence: context.matchedStop };
      return { stopReason: 'end_turn' };
    case 'length':
      return { stopReason: 'max_tokens' };
    case 'tool_calls':
    case 'function_call':
      return { stopReason: 'tool_use' };
    case 'content_filter':
      return { stopReason: 'content_filter' };
    case null:
    case undefined:
      return { stopReason: 'other' };
    default:
      return { stopReason: 'other', rawStopReason: finishReason };
  }
}

/**
 * The canonical stop → `finish_reason` for an OpenAI client.
 * `pause_turn` (Anthropic paused a long server-tool turn) becomes `stop`: what came so far is a finished answer
 * to an OpenAI client, which has no way to resume the turn, and `length` would make it think the answer was cut.
 * `refusal` becomes `content_filter`, OpenAI's word for an answer withheld on policy grounds.
 * An answer that carries tool calls finishes with `tool_calls` unless it was cut (`length`) or filtered.
 */
export function openAIChatFinishReason(stopReason: StopReason, hasToolCalls = false): OpenAIChatFinishReason {
  const reason = finishReasonFor(stopReason);
  return reason === 'stop' && hasToolCalls ? 'tool_calls' : reason;
}

function finishReasonFor(stopReason: StopReason): OpenAIChatFinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
    case 'other':
      return 'stop';
    case 'max_tokens':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
    case 'content_filter':
      return 'content_filter';
    default: {
      const unreachable: never = stopReason;
      throw new Error(`unhandled stop reason ${String(unreachable)}`);
    }
  }
}
