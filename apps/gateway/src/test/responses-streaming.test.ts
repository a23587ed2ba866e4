import OpenAI from 'openai';
import { type ResponseStreamEvent } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { describeOnEachResponsesStore, withResponsesStore } from './each-responses-store';
import { type RunningGateway, startGateway } from './gateway-harness';
import { RESPONSES_TARGETS, responsesGatewayConfig, type ResponsesTarget } from './responses-gateway-config';

// Streaming /v1/responses through the official openai SDK's stream helper (`client.responses.stream`): the whole
// event sequence in order, sequence numbers, the final response, and a function call round trip through
// previous_response_id, to every kind of target, on the in-memory store and on Redis.

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

interface StreamedTurn {
  events: ResponseStreamEvent[];
  final: OpenAI.Responses.Response;
}

/** The events of a stream as the SDK's helper parsed them, and its final response. */
async function streamed(stream: ReturnType<OpenAI['responses']['stream']>): Promise<StreamedTurn> {
  const events: ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return { events, final: await stream.finalResponse() };
}

function expectNumberedInOrder(events: ResponseStreamEvent[]): void {
  expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
}

const MESSAGE_EVENTS = ['response.output_item.added', 'response.content_part.added'];
const MESSAGE_END_EVENTS = ['response.output_text.done', 'response.content_part.done', 'response.output_item.done'];

describeOnEachResponsesStore('streamed responses', (store) => {
  let emulator: Emulator;
  let gateway: RunningGateway;
  let openai: OpenAI;

  beforeAll(async () => {
    emulator = await startEmulator();
    gateway = await startGateway(withResponsesStore(responsesGatewayConfig(emulator.url), store));
    openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
  });

  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
  });

  beforeEach(() => emulator.reset());

  describe.each(RESPONSES_TARGETS)('to $model ($dialect)', (target: ResponsesTarget) => {
    it('streams text as the documented event sequence, that the SDK helper assembles into the final response', async () => {
      emulator.enqueue({ text: 'one two three four', chunks: 4 });
      const stream = openai.responses.stream({ model: target.model, instructions: 'Count.', input: 'Count to four.', temperature: 0.5 });
      const snapshots: string[] = [];
      stream.on('response.output_text.delta', (event) => snapshots.push(event.snapshot));
      const { events, final } = await streamed(stream);

      const types = events.map((event) => event.type);
      expect(types).toEqual([
        'response.created',
        'response.in_progress',
        ...MESSAGE_EVENTS,
        ...types.filter((type) => type === 'response.output_text.delta'),
        ...MESSAGE_END_EVENTS,
        'response.completed',
      ]);
      expect(types.filter((type) => type === 'response.output_text.delta').length).toBeGreaterThanOrEqual(2);
      expectNumberedInOrder(events);
      expect(snapshots.at(-1)).toBe('one two three four');

      const created = events[0] as OpenAI.Responses.ResponseCreatedEvent;
      expect(created.response).toMatchObject({ id: final.id, status: 'in_progress', output: [], instructions: 'Count.', temperature: 0.5 });
      expect(final.id).toMatch(/^resp_/);
      expect(final.status).toBe('completed');
      expect(final.output_text).toBe('one two three four');
      expect(final.usage!.output_tokens).toBeGreaterThan(0);
      expect(final.usage!.total_tokens).toBe(final.usage!.input_tokens + final.usage!.output_tokens);
      const done = events.find((event) => event.type === 'response.output_text.done') as OpenAI.Responses.ResponseTextDoneEvent;
      expect(done.text).toBe('one two three four');

      expect(emulator.requests[0]!.path).toBe(target.path);
      expect((emulator.requests[0]!.body as { stream: boolean }).stream).toBe(true);

      // Stored as the stream ended, whole, and readable at once.
      const retrieved = await openai.responses.retrieve(final.id);
      expect(retrieved).toMatchObject({ id: final.id, status: 'completed', output_text: 'one two three four', usage: final.usage });
    });

    it('streams a function call, then takes its output in the next turn through previous_response_id', async () => {
      emulator.enqueue({ tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }] });
      const first = openai.responses.stream({ model: target.model, input: 'Weather in Paris?', tools: [weatherTool] });
      const argumentSnapshots: string[] = [];
      first.on('response.function_call_arguments.delta', (event) => argumentSnapshots.push(event.snapshot));
      const call = await streamed(first);

      const types = call.events.map((event) => event.type);
      const deltas = types.filter((type) => type === 'response.function_call_arguments.delta');
      expect(deltas.length).toBeGreaterThanOrEqual(1);
      expect(types).toEqual([
        'response.created',
        'response.in_progress',
        'response.output_item.added',
        ...deltas,
        'response.function_call_arguments.done',
        'response.output_item.done',
        'response.completed',
      ]);
      expectNumberedInOrder(call.events);
      const added = call.events[2] as OpenAI.Responses.ResponseOutputItemAddedEvent;
      expect(added.item).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '' });
      const functionCall = call.final.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
      expect(call.final.output).toHaveLength(1);
      expect(functionCall).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed', call_id: (added.item as { call_id: string }).call_id });
      expect(JSON.parse(functionCall.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
      expect(argumentSnapshots.at(-1)).toBe(functionCall.arguments);
      const argumentsDone = call.events.find((event) => event.type === 'response.function_call_arguments.done') as { arguments: string };
      expect(argumentsDone.arguments).toBe(functionCall.arguments);

      emulator.enqueue({ text: 'It is 21 degrees in Paris.' });
      const answer = await streamed(
        openai.responses.stream({
          model: target.model,
          previous_response_id: call.final.id,
          tools: [weatherTool],
          input: [{ type: 'function_call_output', call_id: functionCall.call_id, output: '{"temperature":21}' }],
        }),
      );
      expect(answer.final.output_text).toBe('It is 21 degrees in Paris.');
      if (target.dialect !== 'openai-responses') expect(answer.final.previous_response_id).toBe(call.final.id);
      expectNumberedInOrder(answer.events);

      const sent = emulator.requests[1]!.body as Record<string, any>;
      if (target.dialect === 'anthropic-messages') {
        expect(sent.messages).toEqual([
          { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
          { role: 'assistant', content: [{ type: 'tool_use', id: functionCall.call_id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: functionCall.call_id, content: [{ type: 'text', text: '{"temperature":21}' }] }] },
        ]);
      } else if (target.dialect === 'openai-chat') {
        expect(sent.messages).toEqual([
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: functionCall.call_id, type: 'function', function: { name: 'get_weather', arguments: functionCall.arguments } }],
          },
          { role: 'tool', tool_call_id: functionCall.call_id, content: '{"temperature":21}' },
        ]);
      } else {
        expect(sent.input).toEqual([
          { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Weather in Paris?' }] },
          { type: 'function_call', call_id: functionCall.call_id, name: 'get_weather', arguments: functionCall.arguments },
          { type: 'function_call_output', call_id: functionCall.call_id, output: '{"temperature":21}' },
        ]);
        expect(sent).not.toHaveProperty('previous_response_id');
      }
    });

    it('streams reasoning before the answer as a reasoning item with its summary', async () => {
      emulator.enqueue({ thinking: 'The user wants a greeting.', text: 'Hello!' });
      const { events, final } = await streamed(openai.responses.stream({ model: target.model, input: 'Greet me.', reasoning: { effort: 'medium' } }));
      const types = events.map((event) => event.type);
      const firstMessageItem = types.indexOf('response.content_part.added') - 1;
      expect(types.slice(2, firstMessageItem)).toEqual([
        'response.output_item.added',
        'response.reasoning_summary_part.added',
        ...types.filter((type) => type === 'response.reasoning_summary_text.delta'),
        'response.reasoning_summary_text.done',
        'response.reasoning_summary_part.done',
        'response.output_item.done',
      ]);
      expectNumberedInOrder(events);
      expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
      expect(final.output[0]).toMatchObject({ summary: [{ type: 'summary_text', text: 'The user wants a greeting.' }] });
      expect(final.output_text).toBe('Hello!');
    });

    it('aborts the upstream call when the client leaves mid-stream, and keeps serving', async () => {
      emulator.enqueue({ text: 'a b c d e f g h i j k l m n o p', chunks: 16, chunk_delay_ms: 40 });
      const controller = new AbortController();
      const stream = await openai.responses.create({ model: target.model, input: 'Long one.', stream: true }, { signal: controller.signal });
      const iterator = stream[Symbol.asyncIterator]();
      for (let event = await iterator.next(); !event.done; event = await iterator.next()) {
        if (event.value.type === 'response.output_text.delta') break;
      }
      controller.abort();
      const [record] = await emulator.waitUntil((records) => records[0]?.aborted === true);
      expect(record!.completed).toBe(false);
      expect((await openai.responses.create({ model: target.model, input: 'Still there?' })).output_text).toBe('echo: Still there?');
    });

    it('ends with response.failed when the upstream fails after content was sent', async () => {
      emulator.enqueue({ text: 'one two three four five', chunks: 5, error: { status: 500, message: 'upstream broke mid-way' }, error_after_chunks: 2 });
      const stream = openai.responses.stream({ model: target.model, input: 'Go on.' });
      const events: ResponseStreamEvent[] = [];
      const failure = await (async () => {
        for await (const event of stream) events.push(event);
      })().catch((error: unknown) => error);
      const types = events.map((event) => event.type);
      expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
      expect(types).toContain('response.output_text.delta');
      expect(types).not.toContain('response.completed');
      expect(failure).toBeUndefined();
      expectNumberedInOrder(events);
      if (target.dialect === 'openai-responses') {
        // A pass-through relays the upstream's own `error` event.
        expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('upstream broke mid-way') });
      } else {
        expect(types.at(-1)).toBe('response.failed');
        const failed = events.at(-1) as OpenAI.Responses.ResponseFailedEvent;
        expect(failed.response.status).toBe('failed');
        expect(failed.response.error).toMatchObject({ code: 'server_error', message: expect.stringContaining('upstream broke mid-way') });
      }
    });
  });
});
