import { describe, expect, it } from 'vitest';
import { weightedOrder } from './weighted-order';

describe('weightedOrder', () => {
  const targets = [
    { id: 'a', weight: 1 },
    { id: 'b', weight: 2 },
    { id: 'c', weight: 1 },
  ];

  it('draws by weight without replacement', () => {
    const values = [0.5, 0.9];
    let index = 0;
    expect(weightedOrder(targets, () => values[index++]!).map((target) => target.id)).toEqual(['b', 'c', 'a']);
  });

  it('keeps every target once', () => {
    expect(weightedOrder(targets, Math.random).map((target) => target.id).sort()).toEqual(['a', 'b', 'c']);
    expect(weightedOrder([], Math.random)).toEqual([]);
  });
});
