// The answer of POST /admin/api/route/explain. It has no schema in @gatehouse/contracts yet, so it is typed here from
// the gateway's RouteExplainController and checked loosely (see isRouteExplanation).

export type ClientDialect = 'openai-chat' | 'openai-responses' | 'anthropic-messages';

export interface ConditionTrace {
  /** The condition as written: `keywords [proof, theorem]`. */
  condition: string;
  matched: boolean;
  /** What was seen: `found "proof"`. */
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

export interface RouteExplanation {
  requested_model: string;
  model: string;
  decision: string | null;
  /** The x-gatehouse-decision header: the decision, `default` or `none`. */
  decision_header: string;
  target: { provider: string; model: string } | null;
  attempts: { model: string; provider: string; upstream_model: string; weight: number; fallback: boolean; retries: number }[];
  skipped: { model: string; provider: string; upstream_model: string; reason: string }[];
  trace: DecisionTrace[];
  facts: {
    dialect: ClientDialect;
    dialect_source: 'given' | 'guessed';
    prompt_text: string;
    prompt_tokens: number;
    has_images: boolean;
    domain: { domain: string; confidence: number; source: string };
    key: string | null;
    team: string | null;
  };
}

export function isRouteExplanation(value: unknown): value is RouteExplanation {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<RouteExplanation>;
  return (
    typeof candidate.model === 'string' &&
    typeof candidate.decision_header === 'string' &&
    Array.isArray(candidate.attempts) &&
    Array.isArray(candidate.skipped) &&
    Array.isArray(candidate.trace) &&
    typeof candidate.facts === 'object' &&
    candidate.facts !== null
  );
}
