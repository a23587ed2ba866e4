import { type CompiledCondition, compileCondition } from './compile-condition';
import { type DecisionRule } from './decision-condition';
import { type DecisionEvaluation, type DecisionTrace } from './decision-trace';
import { type RequestFacts } from './request-facts';

interface CompiledDecision {
  name: string;
  priority: number;
  model: string;
  when: CompiledCondition;
}

/** Routing decisions made ready once per config: sorted by priority, patterns compiled. */
export interface CompiledDecisions {
  readonly decisions: readonly CompiledDecision[];
  /** Whether any decision looks at the domain, so a slow classifier need only run when it matters. */
  readonly usesDomain: boolean;
}

/** Compiles the decisions (regular expressions and keyword patterns once); a higher priority first, ties in config order. */
export function compileDecisions(rules: readonly DecisionRule[]): CompiledDecisions {
  const decisions = rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => ({ name: rule.name, priority: rule.priority, model: rule.model, when: compileCondition(rule.when) }));
  return { decisions, usesDomain: decisions.some((decision) => decision.when.usesDomain) };
}

export interface EvaluateOptions {
  /** Evaluate every decision and every branch (for explain); otherwise stop at the first decision that matches. */
  exhaustive?: boolean;
}

/** The highest-priority decision whose condition holds for the request, and the trace of how each fared. */
export function evaluateDecisions(compiled: CompiledDecisions, facts: RequestFacts, options: EvaluateOptions = {}): DecisionEvaluation {
  const exhaustive = options.exhaustive ?? false;
  const trace: DecisionTrace[] = [];
  let decision: DecisionEvaluation['decision'];
  for (const candidate of compiled.decisions) {
    const when = candidate.when.evaluate(facts, exhaustive);
    trace.push({ name: candidate.name, priority: candidate.priority, model: candidate.model, matched: when.matched, when });
    if (when.matched && !decision) {
      decision = { name: candidate.name, model: candidate.model };
      if (!exhaustive) break;
    }
  }
  return { decision, trace };
}
