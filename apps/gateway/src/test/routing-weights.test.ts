import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// Weighted load balancing through the real gateway: one model, two providers (two emulators) weighted 3:1.
// Each request picks a target with probability weight / total, independently, so the heavy provider's count over
// n = 1,000 requests is binomial(1000, 0.75): mean 750, standard deviation √(1000 × 0.75 × 0.25) ≈ 13.7.
// The stated tolerance is ±70 (about 5 standard deviations): a correct gateway fails it about once in 3 million
// runs, while a 2:1 split (mean 667) or an even one (500) is far outside it.

const REQUESTS = 1_000;
const CONCURRENCY = 25;
const EXPECTED_HEAVY = 750;
const TOLERANCE = 70;

let heavy: Emulator;
let light: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  [heavy, light] = await Promise.all([startEmulator(), startEmulator()]);
  gateway = await startGateway(
    emulatorConfig(heavy.url, {
      providers: [
        { name: 'heavy', type: 'openai', base_url: `${heavy.url}/v1`, api_key: 'sk-heavy', timeout: '5s' },
        { name: 'light', type: 'openai', base_url: `${light.url}/v1`, api_key: 'sk-light', timeout: '5s' },
      ],
      models: [
        {
          name: 'balanced',
          targets: [
            { provider: 'heavy', model: 'qwen-a', weight: 3 },
            { provider: 'light', model: 'qwen-b', weight: 1 },
          ],
        },
      ],
      telemetry: { access_log: false },
    }),
  );
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([heavy?.close(), light?.close()]);
});

it(`spreads ${REQUESTS} requests 3:1 over two providers, within ±${TOLERANCE} of ${EXPECTED_HEAVY}`, async () => {
  const providers: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const { data, response } = await openai.chat.completions
        .create({ model: 'balanced', messages: [{ role: 'user', content: `request ${index}` }] })
        .withResponse();
      expect(data.choices[0]!.message.content).toBe(`echo: request ${index}`);
      providers.push(response.headers.get('x-gatehouse-provider')!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  // What each upstream really received, and what the responses said, agree.
  expect(heavy.requests.length + light.requests.length).toBe(REQUESTS);
  expect(providers.filter((provider) => provider === 'heavy')).toHaveLength(heavy.requests.length);
  expect(providers.filter((provider) => provider === 'light')).toHaveLength(light.requests.length);
  expect(new Set(heavy.requests.map((record) => (record.body as { model: string }).model))).toEqual(new Set(['qwen-a']));
  expect(new Set(light.requests.map((record) => (record.body as { model: string }).model))).toEqual(new Set(['qwen-b']));

  expect(Math.abs(heavy.requests.length - EXPECTED_HEAVY), `heavy got ${heavy.requests.length} of ${REQUESTS}`).toBeLessThanOrEqual(TOLERANCE);
});

it('tries the model’s other target when the weighted pick fails, before any fallback', async () => {
  heavy.reset();
  light.reset();
  heavy.setDefault({ error: { status: 503, message: 'heavy down' } });
  try {
    const attempts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { data, response } = await openai.chat.completions.create({ model: 'balanced', messages: [{ role: 'user', content: `either ${i}` }] }).withResponse();
      expect(data.choices[0]!.message.content).toBe(`echo: either ${i}`);
      expect(response.headers.get('x-gatehouse-model')).toBe('balanced');
      expect(response.headers.get('x-gatehouse-provider')).toBe('light');
      attempts.push(response.headers.get('x-gatehouse-attempts')!);
    }
    // Every pick of the failing target took a second attempt on the other one (20 picks all missing it: p = 0.25²⁰).
    expect(attempts.filter((count) => count === '2')).toHaveLength(heavy.requests.length);
    expect(heavy.requests.length).toBeGreaterThan(0);
    expect(light.requests).toHaveLength(20);
  } finally {
    heavy.reset();
  }
});
