import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './emulator-server';

let emulator: Emulator;
let client: Anthropic;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: emulator.url, maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const model = 'claude-emulated-1';
const base = { model, max_tokens: 256 };
const weatherTool = { name: 'get_weather', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } } };

/** The raw SSE of a streamed request, as (event name, parsed data) pairs. */
async function rawEvents(body: Record<string, unknown>): Promise<Array<{ event: string; data: Record<string, unknown> }>> {
  const response = await fetch(`${emulator.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ ...base, messages: [{ role: 'user', content: 'hi' }], stream: true, ...body }),
  });
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const [eventLine, dataLine, ...rest] = frame.split('\n');
      expect(rest).toEqual([]);
      return { event: eventLine!.replace(/^event: /, ''), data: JSON.parse(dataLine!.replace(/^data: /, '')) as Record<string, unknown> };
    });
}

describe('POST /v1/messages through the official @anthropic-ai/sdk', () => {
  it('echoes the last user text, skipping user turns that only carry tool results', async () => {
    const message = await client.messages.create({
      ...base,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'what is the weather?' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: 'sunny' }] },
      ],
    });
    expect(message.id).toMatch(/^msg_01[A-Za-z0-9]{22}$/);
    expect(message.type).toBe('message');
    expect(message.model).toBe(model);
    expect(message.content).toEqual([{ type: 'text', text: 'echo: what is the weather?' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.stop_sequence).toBeNull();
    expect(message.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 7 });
  });

  it('streams text with the documented event order and an event line matching each data type', async () => {
    emulator.enqueue({ text: 'one two three' });
    const events = await rawEvents({});
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.every((event) => event.data.type === event.event)).toBe(true);
    expect(events[1]!.data).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    expect(events[3]!.data).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'one' } });
    expect(events[7]!.data.delta).toEqual({ stop_reason: 'end_turn', stop_sequence: null });
  });

  it('streams through messages.stream() into the final message, usage included', async () => {
    emulator.enqueue({ text: 'streamed reply', usage: { input_tokens: 50, output_tokens: 9, cache_read_input_tokens: 40, cache_creation_input_tokens: 5 } });
    const stream = client.messages.stream({ ...base, messages: [{ role: 'user', content: 'hi' }] });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const message = await stream.finalMessage();
    expect(deltas).toEqual(['streamed', ' reply']);
    expect(message.content).toEqual([{ type: 'text', text: 'streamed reply' }]);
    expect(message.usage).toMatchObject({ input_tokens: 50, output_tokens: 9, cache_read_input_tokens: 40, cache_creation_input_tokens: 5 });
  });

  it('streams a tool_use block as input_json_delta fragments that the SDK reassembles', async () => {
    const input = { city: 'Paris', options: { days: [1, 2], detail: 'high "quoted"' } };
    emulator.enqueue({ text: 'Checking.', tool_calls: [{ name: 'get_weather', arguments: input }] });
    const message = await client.messages.stream({ ...base, tools: [weatherTool], messages: [{ role: 'user', content: 'x' }] }).finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Checking.' });
    const toolUse = message.content[1]!;
    if (toolUse.type !== 'tool_use') throw new Error(`expected tool_use, got ${toolUse.type}`);
    expect(toolUse.id).toMatch(/^toolu_01[A-Za-z0-9]{22}$/);
    expect(toolUse.name).toBe('get_weather');
    expect(toolUse.input).toEqual(input);

    emulator.enqueue({ tool_calls: [{ name: 'get_weather', arguments: input }] });
    const events = await rawEvents({ tools: [weatherTool] });
    const start = events.find((event) => event.event === 'content_block_start')!;
    expect(start.data.content_block).toMatchObject({ type: 'tool_use', name: 'get_weather', input: {} });
    const fragments = events.filter((event) => event.event === 'content_block_delta').map((event) => event.data.delta as { type: string; partial_json: string });
    expect(fragments.length).toBeGreaterThan(1);
    expect(fragments.every((fragment) => fragment.type === 'input_json_delta')).toBe(true);
    expect(JSON.parse(fragments.map((fragment) => fragment.partial_json).join(''))).toEqual(input);
  });

  it('returns parallel tool_use blocks', async () => {
    const calls = [
      { name: 'get_weather', arguments: { city: 'Paris' } },
      { name: 'get_time', arguments: { zone: 'CET' } },
    ];
    emulator.enqueue({ tool_calls: calls }, { tool_calls: calls });
    const plain = await client.messages.create({ ...base, messages: [{ role: 'user', content: 'x' }] });
    expect(plain.content.map((block) => (block.type === 'tool_use' ? [block.name, block.input] : block.type))).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_time', { zone: 'CET' }],
    ]);
    const streamed = await client.messages.stream({ ...base, messages: [{ role: 'user', content: 'x' }] }).finalMessage();
    expect(streamed.content.map((block) => (block.type === 'tool_use' ? block.input : null))).toEqual([{ city: 'Paris' }, { zone: 'CET' }]);
  });

  it('sends thinking first, with thinking_delta and a signature_delta', async () => {
    emulator.enqueue({ thinking: 'I should say hi', text: 'hi' }, { thinking: 'I should say hi', text: 'hi' });
    const plain = await client.messages.create({ ...base, messages: [{ role: 'user', content: 'x' }] });
    expect(plain.content[0]).toMatchObject({ type: 'thinking', thinking: 'I should say hi' });
    const signature = (plain.content[0] as { signature: string }).signature;
    expect(signature).toMatch(/^[A-Za-z0-9+/=]{100,}$/);

    const stream = client.messages.stream({ ...base, messages: [{ role: 'user', content: 'x' }] });
    const deltaTypes: string[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta') deltaTypes.push(event.delta.type);
    });
    const streamed = await stream.finalMessage();
    expect(streamed.content[0]).toEqual({ type: 'thinking', thinking: 'I should say hi', signature });
    expect(streamed.content[1]).toMatchObject({ type: 'text', text: 'hi' });
    expect(deltaTypes).toEqual(['thinking_delta', 'thinking_delta', 'thinking_delta', 'thinking_delta', 'signature_delta', 'text_delta']);
  });

  it('reports the stop_reason and stop_sequence it is given', async () => {
    emulator.enqueue({ text: 'cut', stop_reason: 'stop_sequence', stop_sequence: '###' }, { text: 'long', finish_reason: 'length' });
    const stopped = await client.messages.create({ ...base, messages: [{ role: 'user', content: 'x' }] });
    expect([stopped.stop_reason, stopped.stop_sequence]).toEqual(['stop_sequence', '###']);
    const truncated = await client.messages.create({ ...base, messages: [{ role: 'user', content: 'x' }] });
    expect(truncated.stop_reason).toBe('max_tokens');
  });

  it('surfaces error statuses as the SDK typed errors, 529 as overloaded_error', async () => {
    emulator.enqueue({ error: { status: 400 } }, { error: { status: 429, retry_after: 3 } }, { error: { status: 500 } }, { error: { status: 529 } });
    const call = () => client.messages.create({ ...base, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);

    const badRequest = await call();
    expect(badRequest).toBeInstanceOf(Anthropic.BadRequestError);
    expect((badRequest as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });

    const rateLimited = (await call()) as InstanceType<typeof Anthropic.RateLimitError>;
    expect(rateLimited).toBeInstanceOf(Anthropic.RateLimitError);
    expect(rateLimited.headers?.get('retry-after')).toBe('3');
    expect(rateLimited.error).toMatchObject({ error: { type: 'rate_limit_error' } });

    const serverError = (await call()) as InstanceType<typeof Anthropic.InternalServerError>;
    expect(serverError).toBeInstanceOf(Anthropic.InternalServerError);
    expect(serverError.error).toMatchObject({ error: { type: 'api_error' } });

    const overloaded = (await call()) as InstanceType<typeof Anthropic.OverloadedError>;
    expect(overloaded).toBeInstanceOf(Anthropic.OverloadedError);
    expect(overloaded.status).toBe(529);
    expect(overloaded.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('answers malformed JSON and a missing max_tokens with 400 in Anthropic error format', async () => {
    const malformed = await fetch(`${emulator.url}/v1/messages`, { method: 'POST', body: 'not json' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });

    const missing = await client.messages.create({ model, messages: [{ role: 'user', content: 'x' }] } as never).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String((missing as Error).message)).toContain('max_tokens');
  });

  it('sends an error event mid-stream after N content deltas', async () => {
    emulator.enqueue({ text: 'a b c d', error_after_chunks: 2, error: { status: 529 } });
    const events = await rawEvents({});
    const last = events.at(-1)!;
    expect(last).toEqual({ event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    expect(events.filter((event) => event.event === 'content_block_delta')).toHaveLength(2);

    emulator.enqueue({ text: 'a b c d', error_after_chunks: 1, error: { status: 529 } });
    const stream = client.messages.stream({ ...base, messages: [{ role: 'user', content: 'x' }] });
    const error = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ error: { type: 'overloaded_error' } });
  });

  it('drops the connection mid-stream after N content deltas', async () => {
    emulator.enqueue({ text: 'a b c d e', disconnect_after_chunks: 3 });
    const stream = client.messages.stream({ ...base, messages: [{ role: 'user', content: 'x' }] });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    await expect(stream.finalMessage()).rejects.toThrow();
    expect(deltas).toEqual(['a', ' b', ' c']);
  });

  it('counts tokens with the same estimate the messages endpoint reports as input', async () => {
    const request = { model, system: 'You are terse.', messages: [{ role: 'user' as const, content: 'How many tokens is this sentence?' }] };
    const counted = await client.messages.countTokens(request);
    const message = await client.messages.create({ ...request, max_tokens: 10 });
    expect(counted.input_tokens).toBeGreaterThan(1);
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
  });
});
