import { describe, expect, it } from 'vitest';
import { type Attempt, DEFAULT_RETRY_POLICY } from '@gatehouse/routing';
import { GatewayError } from '@gatehouse/translate';
import { type AttemptHooks, runAttempts } from './attempt-runner';

const attempt = (model: string, provider: string, max = 0, on: Attempt['retry']['on'] = ['connection']): Attempt => ({
  model,
  target: { provider, model, weight: 1 },
  fallback: model !== 'main',
  retry: { ...DEFAULT_RETRY_POLICY, max, on, backoffMs: 10 },
});

const connectionError = () => new GatewayError('upstream', 'refused', { status: 502, retryable: true });
const status = (code: number) => new GatewayError(code === 429 ? 'rate_limited' : code >= 500 ? 'upstream' : 'invalid_request', `upstream ${code}`, {
  status: code,
  upstreamStatus: code,
  retryable: code === 429 || code >= 500,
});

function hooks(results: Record<string, (GatewayError | string)[]>, extra: Partial<AttemptHooks<string>> = {}) {
  const log: string[] = [];
  let clock = 0;
  const h: AttemptHooks<string> = {
    acquire: async () => true,
    send: async (a) => {
      log.push(`send ${a.target.provider}`);
      const next = results[a.target.provider]!.shift()!;
      if (next instanceof GatewayError) throw next;
      return next;
    },
    succeeded: (a) => log.push(`ok ${a.target.provider}`),
    failed: (a, e) => log.push(`failed ${a.target.provider} ${e.status}`),
    fellBack: (from, to) => log.push(`fallback ${from.model}→${to.model}`),
    clientGone: () => false,
    sleep: async (ms) => {
      log.push(`sleep ${ms}`);
      clock += ms;
    },
    now: () => clock,
    deadline: 60_000,
    random: () => 0.5,
    ...extra,
  };
  return { h, log };
}

describe('runAttempts', () => {
  it.each([[502], [503], [529], [429], [408], [504]])('falls back on an upstream %i', async (code) => {
    const { h, log } = hooks({ a: [status(code)], b: ['answer'] });
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).resolves.toMatchObject({ answer: 'answer' });
    expect(log).toEqual([`send a`, `failed a ${code}`, 'fallback main→backup', 'send b', 'ok b']);
  });

  it('falls back on a connection error', async () => {
    const { h } = hooks({ a: [connectionError()], b: ['answer'] });
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).resolves.toMatchObject({ answer: 'answer' });
  });

  it.each([[400], [404], [413], [422]])('never falls back on an upstream %i: it is the client mistake', async (code) => {
    const { h, log } = hooks({ a: [status(code)], b: ['answer'] });
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).rejects.toMatchObject({ status: code });
    expect(log).toEqual(['send a', `failed a ${code}`]);
  });

  it('retries the same target with backoff before falling back', async () => {
    const { h, log } = hooks({ a: [connectionError(), connectionError(), 'third time'] });
    await expect(runAttempts([attempt('main', 'a', 2)], h)).resolves.toMatchObject({ answer: 'third time' });
    expect(log.filter((line) => line.startsWith('sleep'))).toHaveLength(2);
  });

  it('does not retry what the policy does not name', async () => {
    const { h, log } = hooks({ a: [status(500)], b: ['b'] });
    await runAttempts([attempt('main', 'a', 3, ['connection']), attempt('backup', 'b')], h);
    expect(log.some((line) => line.startsWith('sleep'))).toBe(false);
  });

  it('skips a target whose circuit is open', async () => {
    const { h, log } = hooks({ a: ['never'], b: ['answer'] }, { acquire: async (a) => a.target.provider !== 'a' });
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).resolves.toMatchObject({ answer: 'answer' });
    expect(log).toEqual(['send b', 'ok b']);
  });

  it('answers 503 when every circuit is open', async () => {
    const { h } = hooks({}, { acquire: async () => false });
    await expect(runAttempts([attempt('main', 'a')], h)).rejects.toMatchObject({ status: 503, code: 'overloaded' });
  });

  it('throws the last failure when every target fails, keeping its retry-after', async () => {
    const limited = new GatewayError('rate_limited', 'slow down', { status: 429, upstreamStatus: 429, retryable: true, retryAfter: 30 });
    const { h } = hooks({ a: [connectionError()], b: [limited] });
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).rejects.toBe(limited);
  });

  it('starts no attempt past the deadline', async () => {
    let clock = 0;
    const { h, log } = hooks({ a: [connectionError()], b: ['too late'] }, { deadline: 100, now: () => clock });
    h.failed = () => (clock = 150);
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).rejects.toMatchObject({ code: 'timeout', status: 504 });
    expect(log).toEqual(['send a']);
  });

  it.each([
    [500, 502, 'upstream'],
    [502, 502, 'upstream'],
    [503, 503, 'overloaded'],
    [529, 503, 'overloaded'],
    [408, 504, 'timeout'],
    [504, 504, 'timeout'],
  ])('regression: after fallbacks, a final upstream %i is answered as %i (the gateway’s verdict, CONTRACT.md)', async (code, expected, errorCode) => {
    const final = new GatewayError(code === 408 || code === 504 ? 'timeout' : code === 503 || code === 529 ? 'overloaded' : 'upstream', `upstream ${code}`, {
      status: code,
      upstreamStatus: code,
      retryable: true,
    });
    const { h } = hooks({ a: [status(500)], b: [final] });
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).rejects.toMatchObject({ status: expected, code: errorCode, upstreamStatus: code });
  });

  it('relays a single failed attempt with the upstream’s own status', async () => {
    const { h } = hooks({ a: [status(500)] });
    await expect(runAttempts([attempt('main', 'a')], h)).rejects.toMatchObject({ status: 500 });
  });

  it('regression: an attempt aborted by the deadline while the client is still there answers 504, not 499', async () => {
    let clock = 0;
    const aborted = new GatewayError('upstream', 'the request to provider "a" was aborted', { status: 499 });
    const { h, log } = hooks({ a: [aborted], b: ['too late'] }, { deadline: 100, now: () => clock });
    h.send = async () => {
      log.push('send a');
      clock = 100;
      throw aborted;
    };
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).rejects.toMatchObject({
      code: 'timeout',
      status: 504,
      message: expect.stringContaining('provider "a" had not answered by then'),
    });
    expect(log).toEqual(['send a', 'failed a 499']);
  });

  it('stops when the client has gone', async () => {
    const { h, log } = hooks({ a: [connectionError()], b: ['answer'] });
    let gone = false;
    h.clientGone = () => gone;
    h.failed = () => (gone = true);
    await expect(runAttempts([attempt('main', 'a'), attempt('backup', 'b')], h)).rejects.toMatchObject({ status: 502 });
    expect(log).toEqual(['send a']);
  });
});
