import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// The circuit breaker through the real gateway: a target that fails N times in a row is skipped (its upstream sees
// no request) until the cool-down is over; then exactly one probe goes through, and its result closes the circuit or
// opens it again. The cool-down is passed by moving the clock (only Date is faked, so no timer is touched and nothing
// sleeps); every target has its own circuit, so each test uses its own.

const ADMIN_KEY = 'admin-key-for-breaker-tests';
const FAILURES = 3;
const COOLDOWN_MS = 30_000;

let primary: Emulator;
let backup: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  [primary, backup] = await Promise.all([startEmulator(), startEmulator()]);
  const flaky = (name: string) => ({ name, targets: [{ provider: 'primary', model: `${name}-upstream` }], fallbacks: ['steady'] });
  gateway = await startGateway(
    emulatorConfig(primary.url, {
      admin: { api_key: ADMIN_KEY },
      providers: [
        { name: 'primary', type: 'openai', base_url: `${primary.url}/v1`, api_key: 'sk-primary', timeout: '5s' },
        { name: 'backup', type: 'openai', base_url: `${backup.url}/v1`, api_key: 'sk-backup', timeout: '5s' },
        { name: 'lonely', type: 'openai', base_url: `${primary.url}/v1`, api_key: 'sk-lonely', timeout: '5s' },
      ],
      models: [
        flaky('recovers'),
        flaky('relapses'),
        { name: 'steady', targets: [{ provider: 'backup', model: 'steady-upstream' }] },
        { name: 'solo', targets: [{ provider: 'lonely', model: 'solo-upstream' }] },
        { name: 'careless-clients', targets: [{ provider: 'lonely', model: 'careless-upstream' }] },
      ],
      // The error rate needs more requests than these tests make: only consecutive failures open a circuit here.
      circuit_breaker: { failures: FAILURES, cooldown: `${COOLDOWN_MS / 1000}s`, min_requests: 1_000 },
      telemetry: { access_log: false },
    }),
  );
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([primary?.close(), backup?.close()]);
});

beforeEach(() => {
  primary.reset();
  backup.reset();
});

afterEach(() => vi.useRealTimers());

const chat = (model: string, content = 'hello') => openai.chat.completions.create({ model, messages: [{ role: 'user', content }] }).withResponse();

/** Where a request was answered, and in how many attempts. */
async function routeOf(model: string): Promise<{ model: string | null; attempts: string | null }> {
  const { response } = await chat(model);
  return { model: response.headers.get('x-gatehouse-model'), attempts: response.headers.get('x-gatehouse-attempts') };
}

/** Moves the wall clock past the cool-down; time keeps flowing from there. */
function passCooldown(): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(Date.now() + COOLDOWN_MS + 1);
}

async function breakerOf(provider: string): Promise<string | null> {
  const response = await fetch(`${gateway.url}/admin/api/providers`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  const { data: providers } = (await response.json()) as { data: { name: string; breaker: string | null }[] };
  return providers.find((entry) => entry.name === provider)!.breaker;
}

/** Fails the model's target FAILURES times in a row; each request is still answered, by the fallback. */
async function openCircuitOf(model: string): Promise<void> {
  for (let i = 0; i < FAILURES; i++) {
    primary.enqueue({ error: { status: 500, message: `failure ${i + 1}` } });
    expect(await routeOf(model)).toEqual({ model: 'steady', attempts: '2' });
  }
  expect(primary.requests).toHaveLength(FAILURES);
}

describe('the circuit breaker', () => {
  it(`opens after ${FAILURES} consecutive failures, skips the target, and closes after the cool-down with one probe`, async () => {
    await openCircuitOf('recovers');
    expect(await breakerOf('primary')).toBe('open');

    // Open: the target is skipped; its upstream sees nothing, and the answer takes one attempt.
    expect(await routeOf('recovers')).toEqual({ model: 'steady', attempts: '1' });
    expect(await routeOf('recovers')).toEqual({ model: 'steady', attempts: '1' });
    expect(primary.requests).toHaveLength(FAILURES);

    passCooldown();
    // The probe is held up upstream, so that a second request arrives while it is in flight.
    primary.enqueue({ delay_ms: 1_500, text: 'probe answer' });
    const probe = chat('recovers');
    await primary.waitForRequests(FAILURES + 1);
    expect(await routeOf('recovers')).toEqual({ model: 'steady', attempts: '1' });
    expect(primary.requests).toHaveLength(FAILURES + 1);

    const { data, response } = await probe;
    expect(data.choices[0]!.message.content).toBe('probe answer');
    expect(response.headers.get('x-gatehouse-model')).toBe('recovers');
    expect(response.headers.get('x-gatehouse-attempts')).toBe('1');

    // Closed again: the target serves as before.
    expect(await routeOf('recovers')).toEqual({ model: 'recovers', attempts: '1' });
    expect(primary.requests).toHaveLength(FAILURES + 2);
    expect(await breakerOf('primary')).toBe('closed');
  });

  it('opens again when the probe fails, for another cool-down', async () => {
    await openCircuitOf('relapses');
    passCooldown();
    primary.enqueue({ error: { status: 503, message: 'still down' } });
    expect(await routeOf('relapses')).toEqual({ model: 'steady', attempts: '2' });
    expect(primary.requests).toHaveLength(FAILURES + 1);

    expect(await routeOf('relapses')).toEqual({ model: 'steady', attempts: '1' });
    expect(primary.requests).toHaveLength(FAILURES + 1);
  });

  it('does not count a client’s own mistake (400) as a failure of the target', async () => {
    for (let i = 0; i < FAILURES + 1; i++) primary.enqueue({ error: { status: 500 } }, { error: { status: 400, message: 'bad request' } });
    for (let i = 0; i < FAILURES + 1; i++) {
      expect(await routeOf('careless-clients').catch((error: { status: number }) => error.status)).toBe(500);
      expect(await routeOf('careless-clients').catch((error: { status: number }) => error.status)).toBe(400);
    }
    // Never more than one failure in a row: the circuit stayed closed, and every request reached the upstream.
    expect(primary.requests).toHaveLength(2 * (FAILURES + 1));
  });

  it('answers 503 with retry-after, without calling upstream, when every target of the model is open', async () => {
    for (let i = 0; i < FAILURES; i++) {
      primary.enqueue({ error: { status: 500, message: 'down' } });
      await expect(chat('solo')).rejects.toMatchObject({ status: 500 });
    }
    const error = (await chat('solo').catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(503);
    expect(Number(error.headers?.get('retry-after'))).toBe(COOLDOWN_MS / 1000);
    expect(error.message).toContain('circuit open');
    expect(primary.requests).toHaveLength(FAILURES);
  });
});
