export * from './model-target';
export * from './weighted-choice';
export * from './model-catalog';
