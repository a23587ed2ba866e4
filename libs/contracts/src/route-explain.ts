/** The client dialects a request can be explained for. */
export type ExplainDialect = 'openai-chat' | 'openai-responses' | 'anthropic-messages';

/** How one routing condition fared. */
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

/** The answer of POST /admin/api/route/explain: what a request body would be routed to, and why. */
export interface RouteExplanation {
  requested_model: string;
  model: string;
  decision: string | null;
  /** The x-gatehouse-decision header the response would carry: the decision, `default` or `none`. */
  decision_header: string;
  /** The weighted pick: the first target that would be tried (weighted random, so it may differ per request). */
  target: { provider: string; model: string } | null;
  attempts: { model: string; provider: string; upstream_model: string; weight: number; fallback: boolean; retries: number }[];
  skipped: { model: string; provider: string; upstream_model: string; reason: string }[];
  trace: DecisionTrace[];
  facts: {
    dialect: ExplainDialect;
    dialect_source: 'given' | 'guessed';
    prompt_text: string;
    prompt_tokens: number;
    has_images: boolean;
    domain: { domain: string; confidence: number; source: string };
    key: string | null;
    team: string | null;
  };
}
