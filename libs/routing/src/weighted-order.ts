import { type ModelTarget } from './model-target';
import { chooseWeighted } from './weighted-choice';

/**
 * All targets, drawn one by one by weight without replacement: the first is a weighted random pick
 * (probability weight / total), the next a weighted pick among the rest, and so on.
 */
export function weightedOrder<T extends Pick<ModelTarget, 'weight'>>(targets: readonly T[], random: () => number): T[] {
  const remaining = [...targets];
  const ordered: T[] = [];
  while (remaining.length > 0) {
    const picked = remaining.length === 1 ? remaining[0]! : chooseWeighted(remaining, random());
    ordered.push(picked);
    remaining.splice(remaining.indexOf(picked), 1);
  }
  return ordered;
}
