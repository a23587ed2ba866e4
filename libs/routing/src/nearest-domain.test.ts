import { describe, expect, it } from 'vitest';
import { cosineSimilarity, nearestDomain } from './nearest-domain';

describe('nearestDomain', () => {
  const examples = [
    { domain: 'math', vector: [1, 0, 0] },
    { domain: 'math', vector: [0.7, 0.7, 0] },
    { domain: 'law', vector: [0, 0, 1] },
  ];

  it.each([
    [[0.9, 0.1, 0], 'math', 0.994],
    [[0.1, 0, 1], 'law', 0.995],
    [[0, 1, 0], 'math', 0.707],
    [[0, -1, 0], 'other', 0],
  ])('%o → %s', (query, domain, confidence) => {
    const guess = nearestDomain(query, examples, 0.5);
    expect(guess.domain).toBe(domain);
    expect(guess.confidence).toBeCloseTo(confidence, 3);
    expect(guess.source).toBe('embeddings');
  });

  it('answers other below the threshold, and with no examples', () => {
    expect(nearestDomain([0, 1, 0], examples, 0.8).domain).toBe('other');
    expect(nearestDomain([1, 0, 0], [], 0.1)).toEqual({ domain: 'other', confidence: 0, source: 'embeddings' });
  });

  it('computes cosine similarity, 0 for a zero vector', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });
});
