import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../config';
import { modelConfigOf } from './model-definition';
import { validateModelSet } from './validate-model-set';

const file = validateConfig({
  providers: [
    { name: 'anthropic', type: 'anthropic', api_key: 'x' },
    { name: 'local', type: 'openai', base_url: 'http://127.0.0.1:8000/v1' },
  ],
  models: [
    { name: 'claude', targets: [{ provider: 'anthropic', model: 'claude-sonnet-4-5-20250929' }] },
    { name: 'qwen', targets: [{ provider: 'local' }], fallbacks: ['claude'] },
  ],
  routing: { default_model: 'qwen', decisions: [{ name: 'hard', when: { keywords: ['proof'] }, model: 'claude' }] },
});

describe('validateModelSet', () => {
  it('accepts the file as it is, and an added model', () => {
    expect(validateModelSet(file, file.models)).toEqual([]);
    expect(validateModelSet(file, [...file.models, modelConfigOf('small', { targets: [{ provider: 'local', weight: 2 }], fallbacks: ['qwen'] })])).toEqual([]);
  });

  it('reports unknown providers and fallbacks at the path of the model they are in, as the config file would', () => {
    const broken = modelConfigOf('small', { targets: [{ provider: 'lcoal' }], fallbacks: ['small', 'gone'] });
    expect(validateModelSet(file, [...file.models, broken])).toEqual([
      { modelIndex: 2, path: 'targets[0].provider', message: 'unknown provider "lcoal" (did you mean "local"?)' },
      { modelIndex: 2, path: 'fallbacks[0]', message: 'a model cannot fall back to itself' },
      { modelIndex: 2, path: 'fallbacks[1]', message: 'unknown model "gone"' },
    ]);
  });

  it('reports the routing references and fallbacks a removed model would break', () => {
    const withoutClaude = file.models.filter((model) => model.name !== 'claude');
    expect(validateModelSet(file, withoutClaude)).toEqual([
      { modelIndex: 0, path: 'fallbacks[0]', message: 'unknown model "claude"' },
      { path: 'routing.decisions[0].model', message: 'refers to the model "claude", which would no longer exist' },
    ]);
  });

  it('keeps "auto" reserved', () => {
    expect(validateModelSet(file, [...file.models, modelConfigOf('auto', { targets: [{ provider: 'local' }] })])).toEqual([
      { modelIndex: 2, path: 'name', message: '"auto" is reserved: it asks for routing by routing.decisions' },
    ]);
  });
});
