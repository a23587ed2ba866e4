import { type ReasoningEffort } from '../canonical/canonical-request';

/** Anthropic's smallest thinking budget (https://docs.claude.com/en/docs/build-with-claude/extended-thinking). */
export const MIN_THINKING_BUDGET = 1024;

/**
 * An OpenAI-style reasoning effort → a thinking budget. The ends are Anthropic's documented limits: 1,024 is the
 * minimum budget, and above 32k the docs advise batch processing; the steps between grow four-fold.
 */
export const thinkingBudgetByEffort: Record<ReasoningEffort, number> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
  xhigh: 32000,
};

/** An effort level → Anthropic's `output_config.effort` (used with adaptive thinking); Anthropic has no `minimal`. */
export const anthropicEffortByEffort: Record<ReasoningEffort, string> = {
  minimal: 'low',
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'xhigh',
};
