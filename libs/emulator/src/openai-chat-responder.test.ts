import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './emulator-server';

let emulator: Emulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: `${emulator.url}/v1`, maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const model = 'gpt-4o-mini';
const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

describe('POST /v1/chat/completions through the official openai SDK', () => {
  it('echoes the last user message, with the request model and real-looking ids', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'hello ' }, { type: 'text', text: 'there' }] },
      ],
    });
    expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe(model);
    expect(completion.choices[0]!.message).toMatchObject({ role: 'assistant', content: 'echo: hello there' });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage!.completion_tokens).toBe(Math.ceil('echo: hello there'.length / 4));
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  });

  it('streams the reply one word a chunk, role first, finish_reason last, and ends with [DONE]', async () => {
    emulator.enqueue({ text: 'one two three four' });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const contents = chunks.map((chunk) => chunk.choices[0]?.delta.content).filter((content) => content);
    expect(contents).toEqual(['one', ' two', ' three', ' four']);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === model)).toBe(true);

    const raw = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await raw.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(text).not.toContain('event:');
  });

  it('splits the text into the requested number of chunks', async () => {
    emulator.enqueue({ text: 'abcdefghij', chunks: 3 });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
    const contents: string[] = [];
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) contents.push(chunk.choices[0].delta.content);
    expect(contents).toHaveLength(3);
    expect(contents.join('')).toBe('abcdefghij');
  });

  it('sends a final usage chunk with empty choices when stream_options.include_usage is set', async () => {
    emulator.enqueue({ text: 'counted', usage: { input_tokens: 30, output_tokens: 7, cache_read_input_tokens: 10 } });
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 40, completion_tokens: 7, total_tokens: 47, prompt_tokens_details: { cached_tokens: 10 } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('streams a tool call that the stream helper reassembles into valid JSON arguments', async () => {
    const args = { city: 'Paris', units: { temperature: 'celsius' }, days: [1, 2, 3] };
    emulator.enqueue({ text: 'Let me check.', tool_calls: [{ name: 'get_weather', arguments: args }] });
    const stream = client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'weather?' }], tools: [weatherTool] });
    const completion = await stream.finalChatCompletion();
    const message = completion.choices[0]!.message;
    expect(message.content).toBe('Let me check.');
    expect(message.tool_calls).toHaveLength(1);
    const call = message.tool_calls![0]!;
    expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(call.type).toBe('function');
    if (call.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual(args);
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('sends each tool call as an opening delta (index, id, type, name) and then argument fragments', async () => {
    emulator.enqueue({ tool_calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], tools: [weatherTool], stream: true });
    const deltas = [];
    for await (const chunk of stream) for (const call of chunk.choices[0]?.delta.tool_calls ?? []) deltas.push(call);
    expect(deltas[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(deltas[0]!.id).toMatch(/^call_/);
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.slice(1).every((delta) => delta.id === undefined && delta.function?.name === undefined)).toBe(true);
    expect(JSON.parse(deltas.map((delta) => delta.function?.arguments ?? '').join(''))).toEqual({ city: 'Oslo' });
  });

  it('returns parallel tool calls, streamed and not', async () => {
    const calls = [
      { name: 'get_weather', arguments: { city: 'Paris' } },
      { name: 'get_weather', arguments: { city: 'Rome' } },
    ];
    emulator.enqueue({ tool_calls: calls }, { tool_calls: calls });
    const plain = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], tools: [weatherTool] });
    expect(plain.choices[0]!.message.content).toBeNull();
    const plainArgs = plain.choices[0]!.message.tool_calls!.map((call) => (call.type === 'function' ? JSON.parse(call.function.arguments) : null));
    expect(plainArgs).toEqual([{ city: 'Paris' }, { city: 'Rome' }]);

    const streamed = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'x' }], tools: [weatherTool] }).finalChatCompletion();
    const toolCalls = streamed.choices[0]!.message.tool_calls!;
    expect(toolCalls).toHaveLength(2);
    expect(new Set(toolCalls.map((call) => call.id)).size).toBe(2);
    expect(toolCalls.map((call) => (call.type === 'function' ? JSON.parse(call.function.arguments) : null))).toEqual([{ city: 'Paris' }, { city: 'Rome' }]);
  });

  it('renders thinking as reasoning_content, as vLLM does, before the content', async () => {
    emulator.enqueue({ thinking: 'let me think', text: 'done' }, { thinking: 'let me think', text: 'done' });
    const plain = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] });
    expect((plain.choices[0]!.message as unknown as { reasoning_content: string }).reasoning_content).toBe('let me think');
    expect(plain.usage!.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);

    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], stream: true });
    const order: string[] = [];
    let reasoning = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { reasoning_content?: string; content?: string } | undefined;
      if (delta?.reasoning_content) {
        reasoning += delta.reasoning_content;
        order.push('reasoning');
      }
      if (delta?.content) order.push('content');
    }
    expect(reasoning).toBe('let me think');
    expect(order.indexOf('content')).toBeGreaterThan(order.lastIndexOf('reasoning'));
  });

  it.each([
    ['max_tokens', 'length'],
    ['stop_sequence', 'stop'],
    ['refusal', 'content_filter'],
    ['end_turn', 'stop'],
  ] as const)('maps stop_reason %s to finish_reason %s', async (stopReason, finishReason) => {
    emulator.enqueue({ text: 'x', stop_reason: stopReason });
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] });
    expect(completion.choices[0]!.finish_reason).toBe(finishReason);
  });

  it('takes an explicit finish_reason', async () => {
    emulator.enqueue({ text: 'x', finish_reason: 'content_filter' });
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] });
    expect(completion.choices[0]!.finish_reason).toBe('content_filter');
  });

  it('surfaces error statuses as the SDK typed errors, with retry-after on 429', async () => {
    emulator.enqueue({ error: { status: 400, message: 'bad thing' } }, { error: { status: 429, retry_after: 7 } }, { error: { status: 500 } }, { error: { status: 529 } });
    const call = () => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] });

    const badRequest = await call().catch((error: unknown) => error);
    expect(badRequest).toBeInstanceOf(OpenAI.BadRequestError);
    expect((badRequest as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('bad thing');
    expect((badRequest as InstanceType<typeof OpenAI.BadRequestError>).type).toBe('invalid_request_error');

    const rateLimited = await call().catch((error: unknown) => error);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((rateLimited as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7');
    expect((rateLimited as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');

    await expect(call()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    const overloaded = await call().catch((error: unknown) => error);
    expect(overloaded).toBeInstanceOf(OpenAI.InternalServerError);
    expect((overloaded as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(529);
  });

  it('answers malformed JSON with a 400 in OpenAI error format', async () => {
    const response = await fetch(`${emulator.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": "x", "messages": [',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; message: string; param: null } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.param).toBeNull();
  });

  it('drops the connection mid-stream after N content deltas', async () => {
    emulator.enqueue({ text: 'a b c d e f', disconnect_after_chunks: 2 });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], stream: true });
    const contents: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta.content) contents.push(chunk.choices[0].delta.content);
    };
    await expect(consume()).rejects.toThrow();
    expect(contents).toEqual(['a', ' b']);
    const [record] = await emulator.waitUntil((records) => records.length === 1 && !records[0]!.completed);
    expect(record!.aborted).toBe(false);
  });

  it('ends the stream with an error chunk after N content deltas', async () => {
    emulator.enqueue({ text: 'a b c d', error_after_chunks: 1, error: { status: 503, message: 'upstream went away' } });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }], stream: true });
    const contents: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta.content) contents.push(chunk.choices[0].delta.content);
    };
    await expect(consume()).rejects.toThrow('upstream went away');
    expect(contents).toEqual(['a']);
  });
});
