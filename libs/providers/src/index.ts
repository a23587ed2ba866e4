export * from './provider-settings';
export * from './provider-adapter';
export * from './provider-registry';
export * from './upstream-pool';
export * from './upstream-status-error';
export { anthropicAdapter } from './anthropic/anthropic-adapter';
export { openAIAdapter } from './openai/openai-adapter';
