import { describe, expect, it } from 'vitest';
import { chooseWeighted } from './weighted-choice';

describe('chooseWeighted', () => {
  const targets = [
    { id: 'a', weight: 3 },
    { id: 'b', weight: 1 },
  ];

  it.each([
    [0, 'a'],
    [0.74, 'a'],
    [0.75, 'b'],
    [0.999, 'b'],
  ])('random %f picks %s', (random, id) => {
    expect(chooseWeighted(targets, random).id).toBe(id);
  });

  it('spreads picks in proportion to the weights', () => {
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 1000; i++) counts[chooseWeighted(targets, (i + 0.5) / 1000).id as 'a' | 'b']++;
    expect(counts).toEqual({ a: 750, b: 250 });
  });
});
