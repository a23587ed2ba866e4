import { anthropicAdapter } from './anthropic/anthropic-adapter';
import { openAIAdapter } from './openai/openai-adapter';
import { type ProviderAdapter } from './provider-adapter';

/** Every provider kind by its config `type`. Adding a provider is one line here. */
export const providerAdapters: Readonly<Record<string, ProviderAdapter>> = {
  anthropic: anthropicAdapter,
  openai: openAIAdapter,
};

export const providerTypes = Object.keys(providerAdapters);
