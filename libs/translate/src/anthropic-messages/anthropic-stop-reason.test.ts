import { describe, expect, it } from 'vitest';
import { type StopReason } from '../canonical/canonical-response';
import { anthropicStopReason, stopReasonFromAnthropic } from './anthropic-stop-reason';

describe('stopReasonFromAnthropic', () => {
  it.each([
    ['end_turn', 'end_turn', undefined],
    ['max_tokens', 'max_tokens', undefined],
    ['stop_sequence', 'stop_sequence', undefined],
    ['tool_use', 'tool_use', undefined],
    ['refusal', 'refusal', undefined],
    ['pause_turn', 'pause_turn', undefined],
    ['model_context_window_exceeded', 'max_tokens', 'model_context_window_exceeded'],
    ['compaction', 'other', 'compaction'],
    [null, 'end_turn', undefined],
    [undefined, 'end_turn', undefined],
  ] as const)('%s → %s', (raw, stopReason, rawStopReason) => {
    expect(stopReasonFromAnthropic(raw)).toEqual(rawStopReason === undefined ? { stopReason } : { stopReason, rawStopReason });
  });
});

describe('anthropicStopReason', () => {
  it.each<[StopReason, boolean, string]>([
    ['end_turn', false, 'end_turn'],
    ['max_tokens', false, 'max_tokens'],
    ['stop_sequence', false, 'stop_sequence'],
    ['tool_use', false, 'tool_use'],
    ['refusal', false, 'refusal'],
    ['pause_turn', false, 'pause_turn'],
    ['content_filter', false, 'refusal'],
    ['other', false, 'end_turn'],
    // A tool_use block in the answer always means tool_use, whatever the upstream said.
    ['end_turn', true, 'tool_use'],
    ['max_tokens', true, 'tool_use'],
    ['other', true, 'tool_use'],
  ])('%s (tool_use in the answer: %s) → %s', (stopReason, hasToolUse, expected) => {
    expect(anthropicStopReason(stopReason, hasToolUse)).toBe(expected);
  });
});
