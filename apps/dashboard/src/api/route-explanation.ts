// The answer of POST /admin/api/route/explain, as @gatehouse/contracts types it, checked loosely on arrival.
import { type ExplainDialect, type RouteExplanation } from '@gatehouse/contracts';

export type { ConditionTrace, RouteExplanation } from '@gatehouse/contracts';
export type ClientDialect = ExplainDialect;

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
