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

const model = 'gpt-4.1';

describe('POST /v1/responses through the official openai SDK', () => {
  it('answers a plain request with a completed response and its output_text', async () => {
    const response = await client.responses.create({ model, input: 'hello responses', instructions: 'be kind' });
    expect(response.id).toMatch(/^resp_[0-9a-f]{50}$/);
    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.model).toBe(model);
    expect(response.instructions).toBe('be kind');
    expect(response.output_text).toBe('echo: hello responses');
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
    expect(response.usage!.total_tokens).toBe(response.usage!.input_tokens + response.usage!.output_tokens);
  });

  it('reads the directive from the last user input item', async () => {
    const response = await client.responses.create({
      model,
      input: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'input_text', text: 'second [[emulate {"text":"scripted"}]]' }] },
      ],
    });
    expect(response.output_text).toBe('scripted');
  });

  it('streams the documented event sequence with increasing sequence numbers', async () => {
    emulator.enqueue({ text: 'one two' });
    const stream = await client.responses.create({ model, input: 'hi', stream: true });
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const completed = events.at(-1)!;
    if (completed.type !== 'response.completed') throw new Error('expected response.completed');
    expect(completed.response.output[0]).toMatchObject({ type: 'message', content: [{ type: 'output_text', text: 'one two' }] });
    expect(completed.response.usage!.output_tokens).toBeGreaterThan(0);
    expect(events[0]!.type === 'response.created' && events[0].response.status).toBe('in_progress');
  });

  it('streams function calls as argument deltas that the stream helper reassembles', async () => {
    const args = { city: 'Paris', days: [1, 2] };
    emulator.enqueue({ text: 'Checking.', tool_calls: [{ name: 'get_weather', arguments: args }, { name: 'get_time', arguments: {} }] });
    const stream = client.responses.stream({
      model,
      input: 'weather?',
      tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: {} }, strict: false }],
    });
    const types: string[] = [];
    stream.on('event', (event) => types.push(event.type));
    const final = await stream.finalResponse();
    const calls = final.output.filter((item) => item.type === 'function_call');
    expect(calls.map((call) => call.name)).toEqual(['get_weather', 'get_time']);
    expect(JSON.parse(calls[0]!.arguments)).toEqual(args);
    expect(calls[0]!.call_id).toMatch(/^call_/);
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types).toContain('response.function_call_arguments.done');
    expect(final.output_text).toBe('Checking.');
  });

  it('puts thinking in a reasoning item with a streamed summary', async () => {
    emulator.enqueue({ thinking: 'pondering', text: 'answer' });
    const stream = await client.responses.create({ model, input: 'x', stream: true });
    let summary = '';
    for await (const event of stream) if (event.type === 'response.reasoning_summary_text.delta') summary += event.delta;
    expect(summary).toBe('pondering');
  });

  it('reports max_tokens as an incomplete response', async () => {
    emulator.enqueue({ text: 'cut', stop_reason: 'max_tokens' });
    const response = await client.responses.create({ model, input: 'x' });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
  });

  it('surfaces errors as typed SDK errors, and a mid-stream error as an error event', async () => {
    emulator.enqueue({ error: { status: 429, retry_after: 2 } }, { text: 'a b c', error_after_chunks: 1 });
    const rateLimited = await client.responses.create({ model, input: 'x' }).catch((error: unknown) => error);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);

    const response = await fetch(`${emulator.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, input: 'x', stream: true }),
    });
    const frames = (await response.text()).trim().split('\n\n');
    const last = frames.at(-1)!.split('\n');
    expect(last[0]).toBe('event: error');
    const data = JSON.parse(last[1]!.replace('data: ', '')) as Record<string, unknown>;
    expect(data).toMatchObject({ type: 'error', code: 'server_error', param: null, sequence_number: frames.length - 1 });
  });
});
