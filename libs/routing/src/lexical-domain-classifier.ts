import { type DomainGuess } from './domain';
import { DOMAIN_VOCABULARY } from './domain-vocabulary';
import { foldPlural, wordsOf } from './word-forms';

export interface LexicalDomainResult extends DomainGuess {
  /** Summed term weights per domain, only the domains that scored. */
  scores: Record<string, number>;
}

export interface LexicalClassifierOptions {
  /** Below this confidence the answer is `other`. Default 0.3. */
  minConfidence?: number;
  /** Only the start of a long prompt is read: a sample says enough about its subject. Default 8000. */
  maxCharacters?: number;
}

type Vocabulary = Readonly<Record<string, Readonly<Record<string, number>>>>;

interface TermHit {
  domain: number;
  weight: number;
}

// One strong term alone gives about 0.63 confidence, a weak one alone about 0.28 (so `other` by default).
const EVIDENCE_SCALE = 3;

/**
 * Scores a prompt against weighted term lists per domain (a term is one word or a short phrase), then picks the
 * domain with the highest score. Confidence is the winner's share of all scores times how much evidence there is.
 * The term map is built once; classifying is one pass over the words.
 */
export class LexicalDomainClassifier {
  private readonly domains: string[];
  private readonly terms = new Map<string, TermHit[]>();
  /** First word of a phrase → the longest phrase (in words) that starts with it. */
  private readonly phraseStarts = new Map<string, number>();
  private readonly minConfidence: number;
  private readonly maxCharacters: number;

  constructor(vocabulary: Vocabulary = DOMAIN_VOCABULARY, options: LexicalClassifierOptions = {}) {
    this.domains = Object.keys(vocabulary);
    this.minConfidence = options.minConfidence ?? 0.3;
    this.maxCharacters = options.maxCharacters ?? 8000;
    this.domains.forEach((domain, index) => {
      for (const [term, weight] of Object.entries(vocabulary[domain]!)) {
        const words = wordsOf(term).map(foldPlural);
        if (words.length === 0) continue;
        const key = words.join(' ');
        const hits = this.terms.get(key) ?? [];
        hits.push({ domain: index, weight });
        this.terms.set(key, hits);
        if (words.length > 1) this.phraseStarts.set(words[0]!, Math.max(this.phraseStarts.get(words[0]!) ?? 1, words.length));
      }
    });
  }

  classify(text: string): LexicalDomainResult {
    const words = wordsOf(text.length > this.maxCharacters ? text.slice(0, this.maxCharacters) : text).map(foldPlural);
    const seen = new Set<string>();
    const scores = new Array<number>(this.domains.length).fill(0);
    const score = (key: string) => {
      if (seen.has(key)) return;
      const hits = this.terms.get(key);
      if (!hits) return;
      seen.add(key);
      for (const hit of hits) scores[hit.domain]! += hit.weight;
    };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      score(word);
      const longest = this.phraseStarts.get(word);
      if (longest === undefined) continue;
      let phrase = word;
      for (let length = 2; length <= longest && i + length <= words.length; length++) {
        phrase += ` ${words[i + length - 1]!}`;
        score(phrase);
      }
    }
    return this.verdict(scores);
  }

  private verdict(scores: number[]): LexicalDomainResult {
    let best = -1;
    let total = 0;
    const scored: Record<string, number> = {};
    scores.forEach((value, index) => {
      total += value;
      if (value > 0) scored[this.domains[index]!] = value;
      if (value > 0 && (best < 0 || value > scores[best]!)) best = index;
    });
    if (best < 0) return { domain: 'other', confidence: 0, source: 'lexical', scores: scored };
    const top = scores[best]!;
    const confidence = (top / total) * (1 - Math.exp(-top / EVIDENCE_SCALE));
    const domain = confidence >= this.minConfidence ? this.domains[best]! : 'other';
    return { domain, confidence: Math.round(confidence * 1000) / 1000, source: 'lexical', scores: scored };
  }
}

