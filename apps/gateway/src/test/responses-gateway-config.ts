import { emulatorConfig } from './gateway-harness';

/** The models of the Responses tests, one per way a Responses call can go. */
export const RESPONSES_TARGETS = [
  { model: 'claude-sonnet', dialect: 'anthropic-messages', upstreamModel: 'claude-sonnet-4-5-20250929', path: '/v1/messages' },
  { model: 'qwen', dialect: 'openai-chat', upstreamModel: 'Qwen/Qwen2.5-7B-Instruct', path: '/v1/chat/completions' },
  { model: 'gpt-native', dialect: 'openai-responses', upstreamModel: 'gpt-5-upstream', path: '/v1/responses' },
] as const;

export type ResponsesTarget = (typeof RESPONSES_TARGETS)[number];

/** The two targets a Responses call is translated for. */
export const TRANSLATED_TARGETS = RESPONSES_TARGETS.filter((target) => target.dialect !== 'openai-responses');

/**
 * The emulator config of the gateway harness plus an OpenAI provider that speaks /v1/responses itself
 * (`responses_api: true`), behind the model `gpt-native`: Responses calls to it are pass-throughs.
 */
export function responsesGatewayConfig(emulatorUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base = emulatorConfig(emulatorUrl);
  return {
    ...base,
    providers: [
      ...(base.providers as object[]),
      { name: 'emulated-openai-responses', type: 'openai', base_url: `${emulatorUrl}/v1`, api_key: 'sk-responses-provider-secret', timeout: '5s', responses_api: true },
    ],
    models: [...(base.models as object[]), { name: 'gpt-native', targets: [{ provider: 'emulated-openai-responses', model: 'gpt-5-upstream' }] }],
    ...extra,
  };
}
