import { type DecisionTrace } from '@gatehouse/contracts';

// The trace types are the admin API's own (POST /admin/api/route/explain shows them as they are).
export type { ConditionTrace, DecisionTrace } from '@gatehouse/contracts';

export interface DecisionEvaluation {
  /** The highest-priority decision that matched, if any. */
  decision?: { name: string; model: string };
  /** The decisions looked at, highest priority first. */
  trace: DecisionTrace[];
}
