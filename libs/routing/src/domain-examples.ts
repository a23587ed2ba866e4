import { type Domain } from './domain';

/**
 * Example prompts per domain for an embeddings classifier, when the config gives none. A request goes to the domain
 * of the example it is most similar to; `other` when nothing is similar enough.
 */
export const DOMAIN_EXAMPLES: Readonly<Record<Exclude<Domain, 'other'>, readonly string[]>> = {
  math: [
    'Prove that the square root of 2 is irrational.',
    'Solve the quadratic equation x^2 - 5x + 6 = 0 and find the integral of the polynomial.',
    'Find the eigenvalues and the determinant of this matrix.',
  ],
  computer_science: [
    'Why does this Python function raise a KeyError?',
    'What is the time complexity of this sorting algorithm on an array?',
    'Refactor this TypeScript code and write unit tests for the API.',
  ],
  physics: [
    'What is the velocity and momentum of the projectile when gravity acts on it?',
    'Explain quantum entanglement and the photon in simple terms.',
    'How does relativity change time near a black hole?',
  ],
  chemistry: [
    'Balance this chemical reaction and compute the molarity of the acid.',
    'Why is the covalent bond in this molecule polar?',
    'Which catalyst speeds up the oxidation of ethanol?',
  ],
  biology: [
    'How does DNA transcription to RNA work in the cell?',
    'Explain natural selection and the evolution of a species.',
    'What do mitochondria and the ribosome do in a cell?',
  ],
  health: [
    'What is a safe dosage of ibuprofen for a headache?',
    'What are the symptoms of diabetes, and which treatment does a doctor prescribe?',
    'How can I lower my blood pressure and cholesterol with diet?',
  ],
  law: [
    'Can my landlord end the lease early, or is that a breach of contract?',
    'What is the difference between a patent, a trademark and copyright?',
    'Should the defendant appeal the verdict of the court?',
  ],
  business: [
    'Write a business plan and pricing strategy for a SaaS startup.',
    'How do I pitch my company to a venture capital investor?',
    'How can we improve customer retention and reduce churn in sales?',
  ],
  economics: [
    'How does the central bank raise interest rates to fight inflation?',
    'Explain supply and demand and the elasticity of prices.',
    'Why do tariffs hurt the economy and GDP growth?',
  ],
  history: [
    'What caused the fall of the Roman Empire?',
    'Summarise the causes of the First World War.',
    'How did the Industrial Revolution change society in the nineteenth century?',
  ],
  philosophy: [
    "Compare Kant's categorical imperative with utilitarianism.",
    'Does free will exist if determinism is true?',
    'What did Plato and Aristotle say about virtue and ethics?',
  ],
  psychology: [
    'How can I deal with anxiety and procrastination?',
    'What is cognitive dissonance and confirmation bias?',
    'How does childhood trauma shape personality and attachment style?',
  ],
  engineering: [
    'Design a PID control system for a DC motor on an Arduino.',
    'What tensile strength does this steel beam need to be load bearing?',
    'How do I choose a resistor and capacitor for this circuit voltage?',
  ],
};
