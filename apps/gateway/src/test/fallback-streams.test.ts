import { createServer, type Server, type ServerResponse } from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type EmulatorBehaviour, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// Streams that fail, through the real gateway with the official SDKs. Before the first content byte nothing has
// reached the client (lifecycle events are held), so the gateway falls over and the client sees one clean stream from
// the fallback. After it, the stream ends with an error event in the client's dialect and nothing is retried.
// `primary` plays each model's own provider and `backup` its fallback; both client dialects meet both a target of
// their own dialect (pass-through) and one of the other (translated).

let primary: Emulator;
let backup: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;
let anthropic: Anthropic;

function streamsConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return emulatorConfig(primary.url, {
    providers: [
      // No retries on the same target (the default retries a broken connection once): straight to the fallback.
      { name: 'openai-primary', type: 'openai', base_url: `${primary.url}/v1`, api_key: 'sk-openai-primary', timeout: '5s', retries: { max: 0 } },
      { name: 'anthropic-primary', type: 'anthropic', base_url: primary.url, api_key: 'sk-ant-primary', timeout: '5s', retries: { max: 0 } },
      { name: 'openai-backup', type: 'openai', base_url: `${backup.url}/v1`, api_key: 'sk-openai-backup', timeout: '5s' },
      { name: 'anthropic-backup', type: 'anthropic', base_url: backup.url, api_key: 'sk-ant-backup', timeout: '5s' },
    ],
    models: [
      { name: 'chat', targets: [{ provider: 'openai-primary', model: 'chat-upstream' }], fallbacks: ['chat-backup'] },
      { name: 'chat-backup', targets: [{ provider: 'openai-backup', model: 'chat-backup-upstream' }] },
      { name: 'messages', targets: [{ provider: 'anthropic-primary', model: 'messages-upstream' }], fallbacks: ['messages-backup'] },
      { name: 'messages-backup', targets: [{ provider: 'anthropic-backup', model: 'messages-backup-upstream' }] },
    ],
    circuit_breaker: { enabled: false },
    telemetry: { access_log: false },
    ...extra,
  });
}

beforeAll(async () => {
  [primary, backup] = await Promise.all([startEmulator(), startEmulator()]);
  gateway = await startGateway(streamsConfig());
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([primary?.close(), backup?.close()]);
});

beforeEach(() => {
  primary.reset();
  backup.reset();
});

interface StreamResult {
  text: string;
  headers: Headers;
  /** What the client saw, one entry per event: Anthropic event types, or OpenAI chunk ids. */
  events: string[];
  failure?: Error;
}

async function streamOpenAI(model: string, content: string): Promise<StreamResult> {
  const { data: stream, response } = await openai.chat.completions
    .create({ model, messages: [{ role: 'user', content }], stream: true, stream_options: { include_usage: true } })
    .withResponse();
  const result: StreamResult = { text: '', headers: response.headers, events: [] };
  try {
    for await (const chunk of stream) {
      result.events.push(chunk.id);
      result.text += chunk.choices[0]?.delta.content ?? '';
    }
  } catch (error) {
    result.failure = error as Error;
  }
  return result;
}

async function streamAnthropic(model: string, content: string): Promise<StreamResult> {
  const { data: stream, response } = await anthropic.messages
    .create({ model, max_tokens: 100, messages: [{ role: 'user', content }], stream: true })
    .withResponse();
  const result: StreamResult = { text: '', headers: response.headers, events: [] };
  try {
    for await (const event of stream) {
      result.events.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') result.text += event.delta.text;
    }
  } catch (error) {
    result.failure = error as Error;
  }
  return result;
}

const PATHS = [
  { client: 'openai', model: 'chat', fallback: 'chat-backup', via: 'pass-through' },
  { client: 'openai', model: 'messages', fallback: 'messages-backup', via: 'translated' },
  { client: 'anthropic', model: 'messages', fallback: 'messages-backup', via: 'pass-through' },
  { client: 'anthropic', model: 'chat', fallback: 'chat-backup', via: 'translated' },
] as const;

const stream = (client: 'openai' | 'anthropic', model: string, content: string) =>
  client === 'openai' ? streamOpenAI(model, content) : streamAnthropic(model, content);

/** The client got exactly one well-formed stream: one completion id (OpenAI), or one message from start to stop (Anthropic). */
function expectOneCleanStream(client: 'openai' | 'anthropic', events: string[]): void {
  if (client === 'openai') {
    expect(new Set(events).size).toBe(1);
    return;
  }
  expect(events.filter((type) => type === 'message_start')).toHaveLength(1);
  expect(events[0]).toBe('message_start');
  expect(events.at(-1)).toBe('message_stop');
}

const EARLY_FAILURES: { case: string; behaviour: EmulatorBehaviour }[] = [
  { case: 'an error event before the first content', behaviour: { error: { status: 529, type: 'overloaded_error', message: 'Overloaded' }, error_after_chunks: 0 } },
  { case: 'a disconnect before the first content', behaviour: { disconnect_after_chunks: 0 } },
];

describe('a stream failing before its first content byte falls over to the fallback', () => {
  describe.each(EARLY_FAILURES)('$case', ({ behaviour }) => {
    it.each(PATHS)('$client client, $via: one clean stream from the fallback', async ({ client, model, fallback }) => {
      primary.enqueue({ ...behaviour, text: 'from the primary' });
      const result = await stream(client, model, 'from the fallback please');
      expect(result.failure).toBeUndefined();
      expect(result.text).toBe('echo: from the fallback please');
      expectOneCleanStream(client, result.events);
      expect(result.headers.get('x-gatehouse-attempts')).toBe('2');
      expect(result.headers.get('x-gatehouse-model')).toBe(fallback);
      expect(primary.requests).toHaveLength(1);
      expect(backup.requests).toHaveLength(1);
    });
  });
});

describe('a stream failing after its first content byte ends with an error event, without fallback', () => {
  it.each(PATHS)('$client client, $via: the SDK throws the upstream’s error after the first words', async ({ client, model }) => {
    primary.enqueue({ text: 'one two three four five', error: { status: 500, message: 'broke mid-way' }, error_after_chunks: 2 });
    const result = await stream(client, model, 'x');
    expect(result.text).toBe('one two');
    expect(result.failure).toBeInstanceOf(client === 'openai' ? OpenAI.APIError : Anthropic.APIError);
    expect(String(result.failure)).toContain('broke mid-way');
    expect(result.headers.get('x-gatehouse-attempts')).toBe('1');
    expect(backup.requests).toHaveLength(0);
  });

  it.each(PATHS)('$client client, $via: a disconnect after the first words ends the stream with an error too', async ({ client, model }) => {
    primary.enqueue({ text: 'one two three four five', disconnect_after_chunks: 2 });
    const result = await stream(client, model, 'x');
    expect(result.text).toBe('one two');
    expect(result.failure).toBeInstanceOf(Error);
    expect(backup.requests).toHaveLength(0);
  });
});

describe('the request deadline while a stream is held', () => {
  /** An Anthropic upstream that opens its stream (message_start) and then never sends content. */
  let stalling: Server;
  let stallingUrl: string;
  const stalled: ServerResponse[] = [];
  let bounded: RunningGateway;

  beforeAll(async () => {
    stalling = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const message = { id: 'msg_stalled', type: 'message', role: 'assistant', model: 'stalled', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 0 } };
      res.write(`event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message })}\n\n`);
      stalled.push(res);
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    stallingUrl = `http://127.0.0.1:${(stalling.address() as { port: number }).port}`;
    const config = streamsConfig({ server: { host: '127.0.0.1', port: 0, request_timeout: '400ms' } });
    (config.providers as Record<string, unknown>[]).push({ name: 'stalling', type: 'anthropic', base_url: stallingUrl, timeout: '5s' });
    (config.models as Record<string, unknown>[]).push({ name: 'stalled', targets: [{ provider: 'stalling' }], fallbacks: ['messages-backup'] });
    bounded = await startGateway(config);
  });

  afterAll(async () => {
    await bounded?.close();
    stalling.closeAllConnections();
    await new Promise<void>((resolve) => stalling.close(() => resolve()));
  });

  it('regression: answers 504 at the deadline, not after the provider timeout, and closes the stalled upstream stream', async () => {
    const client = new Anthropic({ baseURL: bounded.url, apiKey: 'unused', maxRetries: 0 });
    const started = Date.now();
    const error = (await client.messages
      .create({ model: 'stalled', max_tokens: 10, messages: [{ role: 'user', content: 'x' }], stream: true })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.status).toBe(504);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'timeout_error' } });
    expect(backup.requests).toHaveLength(0);
    expect(stalled).toHaveLength(1);
    const upstream = stalled[0]!;
    if (!upstream.destroyed) await new Promise((resolve) => upstream.once('close', resolve));
    expect(upstream.writableFinished).toBe(false);
  });
});
