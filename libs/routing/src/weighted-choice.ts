import { type ModelTarget } from './model-target';

/**
 * Weighted random choice: a target is picked with probability weight / total weight.
 * `random` is a number in [0, 1), passed in so that tests can pin it.
 */
export function chooseWeighted<T extends Pick<ModelTarget, 'weight'>>(targets: readonly T[], random: number): T {
  if (targets.length === 1) return targets[0]!;
  let total = 0;
  for (const target of targets) total += target.weight;
  let point = random * total;
  for (const target of targets) {
    point -= target.weight;
    if (point < 0) return target;
  }
  return targets[targets.length - 1]!;
}
