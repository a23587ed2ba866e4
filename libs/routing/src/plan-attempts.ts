import { type ModelCatalog } from './model-catalog';
import { type ModelRoute, type ModelTarget } from './model-target';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { weightedOrder } from './weighted-order';

/** One target to try, in order, with the retries allowed on it. */
export interface Attempt {
  /** The configured model name this target serves (the route's, or a fallback's). */
  model: string;
  target: ModelTarget;
  /** True once past the requested model's own targets. */
  fallback: boolean;
  retry: RetryPolicy;
}

export interface SkippedTarget {
  model: string;
  target: ModelTarget;
  reason: string;
}

export interface AttemptPlan {
  attempts: Attempt[];
  /** Targets left out because they are unavailable (an open circuit, a failing health check). */
  skipped: SkippedTarget[];
}

export interface PlanOptions {
  /** Numbers in [0, 1); Math.random by default, pinned in tests. */
  random?: () => number;
  /** Why a target must be skipped now (e.g. `circuit open`), or undefined when it may be tried. */
  unavailable?: (target: ModelTarget) => string | undefined;
  retryPolicyOf?: (target: ModelTarget) => RetryPolicy;
  /** After a model's weighted pick, try its other targets before the next fallback model. Default true. */
  otherTargets?: boolean;
}

const targetKey = (target: ModelTarget) => `${target.provider}\u0000${target.model}`;

/**
 * The ordered targets to try for a route: a weighted pick among its targets (then its other targets, by weight),
 * then the same for each fallback model in order. Unavailable targets are left out (and listed as skipped), so a
 * weighted pick only ever lands on a target that may be tried; a target reached twice (through two model names) is
 * tried once.
 */
export function planAttempts(route: ModelRoute, catalog: ModelCatalog, options: PlanOptions = {}): AttemptPlan {
  const random = options.random ?? Math.random;
  const otherTargets = options.otherTargets ?? true;
  const attempts: Attempt[] = [];
  const skipped: SkippedTarget[] = [];
  const seen = new Set<string>();
  const models = [route, ...route.fallbacks.map((name) => catalog.get(name)).filter((model) => model !== undefined)];
  models.forEach((model, index) => {
    const candidates: ModelTarget[] = [];
    for (const target of model.targets) {
      const key = targetKey(target);
      if (seen.has(key)) continue;
      seen.add(key);
      const reason = options.unavailable?.(target);
      if (reason === undefined) candidates.push(target);
      else skipped.push({ model: model.name, target, reason });
    }
    const ordered = weightedOrder(candidates, random);
    for (const target of otherTargets ? ordered : ordered.slice(0, 1)) {
      attempts.push({ model: model.name, target, fallback: index > 0, retry: options.retryPolicyOf?.(target) ?? DEFAULT_RETRY_POLICY });
    }
  });
  return { attempts, skipped };
}
