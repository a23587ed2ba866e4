import { type StopReason } from '../canonical/canonical-response';

// https://docs.claude.com/en/api/handling-stop-reasons

/** Anthropic's `stop_reason` → canonical. Unknown values become `other`, the raw value kept. */
export function stopReasonFromAnthropic(raw: string | null | undefined): { stopReason: StopReason; rawStopReason?: string } {
  switch (raw) {
    case 'end_turn':
    case 'max_tokens':
    case 'stop_sequence':
    case 'tool_use':
    case 'refusal':
    case 'pause_turn':
      return { stopReason: raw };
    // The context window filled up before max_tokens: to a client this is a cut-off answer, like max_tokens.
    case 'model_context_window_exceeded':
      return { stopReason: 'max_tokens', rawStopReason: raw };
    case null:
    case undefined:
      return { stopReason: 'end_turn' };
    default:
      return { stopReason: 'other', rawStopReason: raw };
  }
}

/**
 * Canonical → the `stop_reason` an Anthropic client gets. A response that holds a tool_use block always says
 * `tool_use` (clients run the tools only then); OpenAI's `content_filter` is Anthropic's `refusal`; `other` is a
 * plain `end_turn`, since an Anthropic client knows no other value.
 */
export function anthropicStopReason(stopReason: StopReason, hasToolUse: boolean): string {
  if (hasToolUse) return 'tool_use';
  switch (stopReason) {
    case 'end_turn':
    case 'max_tokens':
    case 'stop_sequence':
    case 'tool_use':
    case 'refusal':
    case 'pause_turn':
      return stopReason;
    case 'content_filter':
      return 'refusal';
    case 'other':
      return 'end_turn';
    default: {
      const unreachable: never = stopReason;
      throw new Error(`unhandled stop reason ${String(unreachable)}`);
    }
  }
}
