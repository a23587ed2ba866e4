import { describe, expect, it } from 'vitest';
import { visitOrder } from './scenario-runner';

describe('visitOrder', () => {
  it('visits every target once a round, moving each one to another place and after another target', () => {
    const count = 5;
    const rounds = Array.from({ length: 2 * count }, (_, round) => visitOrder(count, round));
    for (const order of rounds) expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    const sequence = rounds.flat();
    for (let target = 0; target < count; target++) {
      const places = new Set(rounds.map((order) => order.indexOf(target)));
      expect(places.size, `places of target ${target}`).toBe(count);
      const predecessors = new Set(sequence.flatMap((each, index) => (each === target && index > 0 ? [sequence[index - 1]] : [])));
      expect(predecessors.size, `targets run right before target ${target}`).toBeGreaterThanOrEqual(2);
      expect(predecessors.has(target), `target ${target} twice in a row`).toBe(false);
    }
  });
});
