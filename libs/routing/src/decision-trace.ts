/** How one condition fared, for /admin/api/route/explain. */
export interface ConditionTrace {
  /** The condition as written, e.g. `keywords [proof, theorem]`. */
  condition: string;
  matched: boolean;
  /** What was seen, e.g. `found "proof"` or `domain math (0.82, lexical)`. */
  detail?: string;
  children?: ConditionTrace[];
}

export interface DecisionTrace {
  name: string;
  priority: number;
  model: string;
  matched: boolean;
  when: ConditionTrace;
}

export interface DecisionEvaluation {
  /** The highest-priority decision that matched, if any. */
  decision?: { name: string; model: string };
  /** The decisions looked at, highest priority first. */
  trace: DecisionTrace[];
}
