import { describe, expect, it } from 'vitest';
import { DOMAINS } from './domain';
import { DOMAIN_VOCABULARY } from './domain-vocabulary';
import { LexicalDomainClassifier } from './lexical-domain-classifier';

const classifier = new LexicalDomainClassifier();

describe('LexicalDomainClassifier', () => {
  it.each([
    ['math', 'Prove that the square root of 2 is irrational.'],
    ['math', 'Compute the integral of x^2 sin(x) and check the derivative of the result.'],
    ['math', 'Find the eigenvalues of this 3x3 matrix and its determinant.'],
    ['computer_science', 'Why does my Python function raise a KeyError when I read from the dictionary?'],
    ['computer_science', 'Refactor this TypeScript code and add unit tests; the API returns a stack trace.'],
    ['computer_science', 'What is the big O complexity of quicksort on an already sorted array?'],
    ['physics', 'A projectile is launched at 30 m/s; ignoring friction, what is its velocity at the top?'],
    ['physics', 'Explain how general relativity describes gravity as the curvature of spacetime.'],
    ['chemistry', 'Balance this chemical reaction and compute the molarity after titration with sodium hydroxide.'],
    ['chemistry', 'Why is the covalent bond in benzene so stable? Draw its Lewis structure.'],
    ['biology', 'How do mitochondria and ribosomes work together in a eukaryotic cell?'],
    ['biology', 'Explain natural selection and how a mutation in a gene spreads through a species.'],
    ['health', 'What is a safe dosage of ibuprofen for a headache and a mild fever?'],
    ['health', 'My blood pressure and cholesterol are high; what diet changes help?'],
    ['law', 'Can my landlord break the lease? Is that a breach of contract I can sue for?'],
    ['law', 'Explain the difference between a patent, a trademark and copyright as intellectual property.'],
    ['business', 'Write a business plan for a SaaS startup: pricing, go-to-market and customer retention.'],
    ['business', 'How should I pitch my startup to a venture capital investor?'],
    ['economics', 'How does the central bank use interest rates to fight inflation without causing a recession?'],
    ['economics', 'Explain comparative advantage and why tariffs can hurt the economy.'],
    ['history', 'What caused the fall of the Roman Empire in the fifth century?'],
    ['history', 'Summarise the causes of the First World War and the treaty that ended it.'],
    ['philosophy', "Compare Kant's categorical imperative with utilitarianism on the trolley problem."],
    ['philosophy', 'Does free will exist if determinism is true? What would Descartes say?'],
    ['psychology', 'How can I deal with anxiety and procrastination at work? I think I have burnout.'],
    ['psychology', 'What is cognitive dissonance, and how does confirmation bias relate to it?'],
    ['engineering', 'Design a PID control system for a DC motor driven by an Arduino.'],
    ['engineering', 'What tensile strength does the steel beam in this load bearing structure need?'],
    ['other', 'Hello! How are you today?'],
    ['other', 'Write a short poem about autumn leaves.'],
    ['other', ''],
  ])('%s: %s', (domain, prompt) => {
    expect(classifier.classify(prompt).domain).toBe(domain);
  });

  it('covers every domain but other, with a few dozen terms each', () => {
    expect(Object.keys(DOMAIN_VOCABULARY).sort()).toEqual(DOMAINS.filter((domain) => domain !== 'other').sort());
    for (const terms of Object.values(DOMAIN_VOCABULARY)) expect(Object.keys(terms).length).toBeGreaterThanOrEqual(40);
  });

  it('matches plurals, case and multi-word terms, and counts each term once', () => {
    const result = classifier.classify('INTEGRALS, integrals and more integrals; a Linear Algebra question');
    expect(result.domain).toBe('math');
    expect(result.scores).toEqual({ math: DOMAIN_VOCABULARY.math.integral! + DOMAIN_VOCABULARY.math['linear algebra']! + DOMAIN_VOCABULARY.math.algebra! });
  });

  it('answers other when the only hint is weak, and is surer with more evidence', () => {
    expect(classifier.classify('Please solve this for me').domain).toBe('other');
    const one = classifier.classify('What is an integral?');
    const three = classifier.classify('What is an integral, a derivative and a polynomial?');
    expect(one.domain).toBe('math');
    expect(three.confidence).toBeGreaterThan(one.confidence);
  });

  it('reads only the start of a very long prompt', () => {
    const short = new LexicalDomainClassifier(DOMAIN_VOCABULARY, { maxCharacters: 20 });
    expect(short.classify(`${'hello '.repeat(10)} theorem lemma integral`).domain).toBe('other');
  });

  it('takes a vocabulary of its own, with any domain names', () => {
    const custom = new LexicalDomainClassifier({ cooking: { recipe: 3, oven: 2 }, music: { chord: 3 } });
    expect(custom.classify('A recipe for the oven').domain).toBe('cooking');
  });
});
