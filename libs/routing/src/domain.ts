/** The subject areas the domain classifiers tell apart; `other` when no area stands out. */
export const DOMAINS = [
  'math',
  'computer_science',
  'physics',
  'chemistry',
  'biology',
  'health',
  'law',
  'business',
  'economics',
  'history',
  'philosophy',
  'psychology',
  'engineering',
  'other',
] as const;

export type Domain = (typeof DOMAINS)[number];

/** A classifier's answer for one prompt. Embedding classifiers may name domains of their own examples. */
export interface DomainGuess {
  domain: string;
  /** 0..1: how sure the classifier is; below its threshold the domain is `other`. */
  confidence: number;
  source: 'lexical' | 'embeddings';
}
