import { type Domain } from './domain';

/**
 * Terms that point to a subject area, with weights: 3 = nearly only used in that area, 2 = typical of it,
 * 1 = a weak hint. Terms are one or two words; plurals are folded (`integrals` finds `integral`), so each is
 * listed once. Words common to many areas (model, system, theory, analysis, cell phone…) are left out or kept at 1.
 * The lexical classifier scores each distinct term once, so a word repeated in a prompt does not swamp the others.
 */
export const DOMAIN_VOCABULARY: Readonly<Record<Exclude<Domain, 'other'>, Readonly<Record<string, number>>>> = {
  math: {
    theorem: 3, lemma: 3, corollary: 3, integral: 3, derivative: 3, 'differential equation': 3, eigenvalue: 3, eigenvector: 3,
    polynomial: 3, matrix: 2, matrices: 2, determinant: 3, 'prime number': 3, prime: 1, factorial: 3, logarithm: 3, calculus: 3,
    algebra: 3, geometry: 3, topology: 3, trigonometry: 3, probability: 2, combinatorics: 3, 'linear algebra': 3, vector: 1,
    equation: 2, inequality: 2, proof: 2, prove: 2, irrational: 3, integer: 2, 'real number': 3, 'complex number': 3,
    hypotenuse: 3, triangle: 2, circle: 1, radius: 2, 'square root': 3, fraction: 2, denominator: 3, numerator: 3,
    solve: 1, convergence: 2, series: 1, limit: 1, infinity: 2, modulo: 3, 'greatest common divisor': 3, divisible: 3,
    arithmetic: 2, sine: 2, cosine: 3, tangent: 2, quadratic: 3, parabola: 3, asymptote: 3, axiom: 2, bijection: 3,
  },
  computer_science: {
    algorithm: 2, 'data structure': 3, python: 3, javascript: 3, typescript: 3, java: 2, rust: 2, golang: 3,
    function: 1, compiler: 3, recursion: 3, 'linked list': 3, 'binary tree': 3, 'hash table': 3, 'hash map': 3, array: 2,
    'big o': 3, complexity: 1, database: 2, sql: 3, query: 1, api: 2, http: 2, 'stack trace': 3, exception: 2, bug: 2,
    debug: 3, refactor: 3, 'unit test': 3, git: 3, repository: 2, docker: 3, kubernetes: 3, 'operating system': 3, thread: 2,
    concurrency: 2, mutex: 3, deadlock: 3, 'machine learning': 3, 'neural network': 3, 'sorting algorithm': 3, quicksort: 3,
    regex: 3, variable: 1, syntax: 2, 'null pointer': 3, segfault: 3, frontend: 3, backend: 3, react: 1, npm: 3, code: 2,
    programming: 3, software: 2, keyerror: 3, typeerror: 3, linux: 2, kernel: 2, cache: 2, 'graph traversal': 3, lambda: 1,
  },
  physics: {
    quantum: 3, relativity: 3, momentum: 3, velocity: 3, acceleration: 2, gravity: 3, gravitational: 3, newton: 2, photon: 3,
    electron: 2, proton: 2, neutron: 2, 'kinetic energy': 3, 'potential energy': 3, thermodynamics: 3, entropy: 2, friction: 3,
    wavelength: 3, frequency: 1, 'electric field': 3, 'magnetic field': 3, electromagnetic: 3, optics: 3, refraction: 3,
    particle: 2, 'dark matter': 3, 'black hole': 3, spacetime: 3, 'speed of light': 3, torque: 2, pendulum: 3, oscillation: 2,
    inertia: 3, 'string theory': 3, boson: 3, quark: 3, 'higgs boson': 3, superconductor: 2, 'nuclear fusion': 3, joule: 2,
    projectile: 3, 'free fall': 3, 'centripetal force': 3, force: 1, mass: 1, energy: 1, 'schrodinger equation': 3, physics: 3,
  },
  chemistry: {
    molecule: 3, molecular: 2, atom: 2, atomic: 2, 'chemical reaction': 3, reaction: 1, compound: 2, 'covalent bond': 3,
    'ionic bond': 3, ion: 2, oxidation: 3, reduction: 1, acid: 2, ph: 3, titration: 3, catalyst: 3, 'periodic table': 3,
    element: 1, isotope: 3, electronegativity: 3, stoichiometry: 3, mole: 2, molarity: 3, solvent: 3, solute: 3, organic: 1,
    benzene: 3, alkane: 3, alkene: 3, polymer: 2, enthalpy: 3, 'activation energy': 3, equilibrium: 1, precipitate: 3,
    'chemical formula': 3, valence: 3, orbital: 2, hydrocarbon: 3, ester: 3, ethanol: 2, sodium: 2, chloride: 3, chemistry: 3,
    chemical: 2, reagent: 3, buffer: 1, 'lewis structure': 3,
  },
  biology: {
    dna: 3, rna: 3, gene: 3, genetic: 3, genome: 3, protein: 2, enzyme: 3, cell: 1, mitochondria: 3, photosynthesis: 3,
    evolution: 2, 'natural selection': 3, species: 3, organism: 3, chromosome: 3, mutation: 2, bacteria: 2, virus: 1,
    ecosystem: 3, mitosis: 3, meiosis: 3, ribosome: 3, 'cell membrane': 3, nucleus: 1, allele: 3, phenotype: 3, genotype: 3,
    taxonomy: 2, biology: 3, biological: 2, microbiology: 3, 'amino acid': 3, transcription: 1, 'gene expression': 3,
    ecology: 3, predator: 2, habitat: 2, vertebrate: 3, mammal: 2, plant: 1, fungi: 3, neuron: 2, 'cell division': 3,
    crispr: 3, heredity: 3, biodiversity: 3,
  },
  health: {
    symptom: 3, diagnosis: 2, disease: 2, treatment: 1, medication: 3, medicine: 2, doctor: 2, patient: 2, dose: 2,
    dosage: 3, 'side effect': 3, vaccine: 3, infection: 2, fever: 3, headache: 3, pain: 2, diabetes: 3, 'blood pressure': 3,
    cholesterol: 3, cancer: 2, tumor: 3, therapy: 1, nutrition: 2, diet: 2, exercise: 1, vitamin: 3, allergy: 3, antibiotic: 3,
    surgery: 2, hospital: 2, clinical: 2, pregnancy: 2, insomnia: 3, sleep: 1, 'heart rate': 3, asthma: 3, ibuprofen: 3,
    paracetamol: 3, chronic: 2, injury: 2, nurse: 2, 'mental health': 2, obesity: 3, calorie: 2, prescription: 2, health: 2,
  },
  law: {
    contract: 2, lawsuit: 3, court: 3, judge: 2, attorney: 3, lawyer: 3, legal: 3, 'intellectual property': 3, copyright: 3,
    trademark: 3, patent: 2, liability: 2, plaintiff: 3, defendant: 3, statute: 3, constitution: 2, constitutional: 3,
    jurisdiction: 3, 'breach of contract': 3, negligence: 3, tort: 3, litigation: 3, 'supreme court': 3, appeal: 1,
    verdict: 3, 'due process': 3, regulation: 1, gdpr: 3, compliance: 2, tenant: 2, landlord: 2, lease: 2, clause: 2,
    'non compete': 3, indemnity: 3, arbitration: 3, felony: 3, misdemeanor: 3, 'criminal law': 3, custody: 2, divorce: 2,
    'power of attorney': 3, testimony: 3, precedent: 2, law: 2, sue: 3,
  },
  business: {
    startup: 3, revenue: 2, profit: 2, marketing: 3, customer: 2, sales: 2, strategy: 1, management: 2, manager: 2,
    'business plan': 3, business: 2, company: 2, entrepreneur: 3, investor: 2, 'venture capital': 3, pitch: 1, brand: 2,
    'market share': 3, competitor: 3, 'product launch': 3, stakeholder: 3, kpi: 3, roi: 3, 'supply chain': 3, logistics: 2,
    hiring: 2, employee: 2, negotiation: 2, 'go to market': 3, saas: 3, pricing: 2, 'cash flow': 3, 'balance sheet': 3,
    accounting: 3, invoice: 3, 'profit margin': 3, ceo: 3, 'board of directors': 3, merger: 3, acquisition: 2,
    shareholder: 3, quarterly: 2, 'customer retention': 3, churn: 3, b2b: 3, okr: 3,
  },
  economics: {
    inflation: 3, gdp: 3, recession: 3, 'interest rate': 3, 'monetary policy': 3, 'fiscal policy': 3, 'central bank': 3,
    unemployment: 3, 'supply and demand': 3, supply: 1, demand: 2, elasticity: 3, macroeconomics: 3, microeconomics: 3,
    economy: 3, economic: 3, economist: 3, tariff: 3, trade: 1, deficit: 3, 'national debt': 3, keynesian: 3, market: 1,
    equilibrium: 1, 'opportunity cost': 3, 'marginal cost': 3, 'comparative advantage': 3, 'exchange rate': 3, currency: 2,
    'federal reserve': 3, stagflation: 3, monopoly: 2, oligopoly: 3, 'consumer price index': 3, cpi: 3, wage: 2,
    taxation: 2, 'price ceiling': 3, subsidy: 2, 'game theory': 2, utility: 1, capitalism: 2, stock: 1, bond: 1,
  },
  history: {
    war: 2, empire: 3, century: 2, ancient: 3, medieval: 3, revolution: 2, dynasty: 3, 'world war': 3, 'civil war': 3,
    renaissance: 3, 'roman empire': 3, 'cold war': 3, colonial: 3, colonialism: 3, monarchy: 3, king: 2, queen: 2,
    emperor: 3, pharaoh: 3, battle: 2, treaty: 2, historian: 3, historical: 3, history: 3, civilization: 3, archaeology: 3,
    napoleon: 3, 'middle ages': 3, 'industrial revolution': 3, feudal: 3, crusade: 3, ottoman: 3, byzantine: 3,
    independence: 2, bc: 2, reign: 3, conquest: 3, slavery: 2, holocaust: 3, aztec: 3, viking: 3, era: 2,
  },
  philosophy: {
    ethics: 3, ethical: 2, morality: 3, moral: 2, metaphysics: 3, epistemology: 3, existentialism: 3, philosopher: 3,
    philosophy: 3, kant: 3, plato: 3, aristotle: 3, nietzsche: 3, socrates: 3, descartes: 3, utilitarianism: 3,
    'free will': 3, determinism: 3, consciousness: 2, ontology: 3, 'meaning of life': 3, virtue: 2, stoicism: 3,
    nihilism: 3, 'categorical imperative': 3, dualism: 3, empiricism: 3, rationalism: 3, phenomenology: 3, logic: 1,
    syllogism: 3, 'trolley problem': 3, 'thought experiment': 2, truth: 1, existence: 2, 'personal identity': 3,
    'social contract': 3, hume: 3, locke: 2, 'mind body problem': 3, paradox: 1, deontology: 3,
  },
  psychology: {
    anxiety: 2, depression: 2, cognitive: 3, behavior: 2, behaviour: 2, personality: 3, emotion: 2, emotional: 2,
    therapist: 3, psychology: 3, psychologist: 3, freud: 3, 'cognitive bias': 3, 'confirmation bias': 3, memory: 1,
    motivation: 2, 'self esteem': 3, trauma: 3, ptsd: 3, adhd: 3, autism: 3, 'attachment style': 3, conditioning: 2,
    'classical conditioning': 3, stress: 2, burnout: 3, procrastination: 3, habit: 2, perception: 2, 'social psychology': 3,
    narcissism: 3, empathy: 3, introvert: 3, extrovert: 3, mindset: 2, 'mental model': 1, 'growth mindset': 3,
    'cognitive dissonance': 3, psychotherapy: 3, maslow: 3, 'panic attack': 3, grief: 2, relationship: 1, 'impostor syndrome': 3,
  },
  engineering: {
    engineering: 3, engineer: 2, circuit: 3, voltage: 3, resistor: 3, capacitor: 3, transistor: 3, 'load bearing': 3,
    beam: 2, 'structural analysis': 3, cad: 3, 'finite element': 3, torque: 2, gear: 2, motor: 2, turbine: 3, hvac: 3,
    microcontroller: 3, arduino: 3, 'raspberry pi': 3, pcb: 3, 'control system': 3, pid: 3, tolerance: 2, 'tensile strength': 3,
    concrete: 2, steel: 2, welding: 3, bridge: 1, 'civil engineering': 3, 'mechanical engineering': 3,
    'electrical engineering': 3, manufacturing: 2, prototype: 2, sensor: 2, actuator: 3, hydraulic: 3, pneumatic: 3,
    'heat exchanger': 3, aerodynamics: 3, 'stress strain': 3, amplifier: 3, oscilloscope: 3, 'signal processing': 3, ohm: 3,
  },
};
