import { type DomainGuess } from './domain';

export interface DomainExampleVector {
  domain: string;
  vector: ArrayLike<number>;
}

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * The domain of the example most similar to the query (cosine similarity), or `other` when even that one is less
 * similar than `minSimilarity`. Confidence is that similarity.
 */
export function nearestDomain(query: ArrayLike<number>, examples: readonly DomainExampleVector[], minSimilarity: number): DomainGuess {
  let best: { domain: string; similarity: number } | undefined;
  for (const example of examples) {
    const similarity = cosineSimilarity(query, example.vector);
    if (!best || similarity > best.similarity) best = { domain: example.domain, similarity };
  }
  const confidence = Math.round(Math.max(0, best?.similarity ?? 0) * 1000) / 1000;
  return { domain: best && best.similarity >= minSimilarity ? best.domain : 'other', confidence, source: 'embeddings' };
}
