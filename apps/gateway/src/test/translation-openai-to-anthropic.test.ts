import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type EmulatorBehaviour, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// The official OpenAI SDK against model `claude-sonnet`, whose only target speaks Anthropic Messages:
// every request goes OpenAI chat → canonical → Anthropic, every answer the way back.

type AnthropicBlock = { type: string; [field: string]: unknown };
type AnthropicTurn = { role: 'user' | 'assistant'; content: string | AnthropicBlock[] };
type AnthropicBody = {
  model: string;
  system?: string | Array<{ type: 'text'; text: string }>;
  messages: AnthropicTurn[];
  max_tokens: number;
  stream?: boolean;
  thinking?: { type: string; budget_tokens?: number };
  logit_bias?: unknown;
  tool_choice?: unknown;
  tools?: Array<{ name: string; input_schema: unknown }>;
};

let emulator: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(emulatorConfig(emulator.url));
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

/** What the Anthropic upstream received for the n-th request (default: the last one). */
function upstreamBody(index = emulator.requests.length - 1): AnthropicBody {
  const record = emulator.requests[index];
  if (!record) throw new Error(`the upstream received no request #${index}`);
  expect(record.path).toBe('/v1/messages');
  return record.body as AnthropicBody;
}

const weatherTool: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } }, required: ['city'] },
  },
};

const timeTool: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } },
};

function functionCalls(message: OpenAI.ChatCompletionMessage): Array<{ id: string; name: string; arguments: unknown }> {
  return (message.tool_calls ?? []).map((call) => {
    if (call.type !== 'function') throw new Error(`unexpected tool call type ${call.type}`);
    return { id: call.id, name: call.function.name, arguments: JSON.parse(call.function.arguments) };
  });
}

async function answer(behaviour: EmulatorBehaviour, streamed: boolean, extra: Partial<OpenAI.ChatCompletionCreateParams> = {}) {
  emulator.enqueue(behaviour);
  const params = { model: 'claude-sonnet', messages: [{ role: 'user' as const, content: 'go' }], ...extra };
  return streamed
    ? openai.chat.completions.stream({ ...params, stream: true, stream_options: { include_usage: true } }).finalChatCompletion()
    : openai.chat.completions.create({ ...params, stream: false });
}

describe.each([
  ['streaming', true],
  ['non-streaming', false],
])('a tool-use round trip (%s)', (_label, streamed) => {
  it('gives the SDK a tool call with JSON arguments, then sends the result back as tool_use and tool_result blocks in one user turn', async () => {
    const completion = await answer({ tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'c' } }] }, streamed, {
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [weatherTool],
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    const [call] = functionCalls(choice.message);
    expect(call).toMatchObject({ name: 'get_weather', arguments: { city: 'Paris', unit: 'c' } });
    expect(call!.id).toMatch(/^toolu_/);

    const first = upstreamBody(0);
    expect(first.tools).toEqual([
      {
        name: 'get_weather',
        description: 'The weather in a city',
        input_schema: weatherTool.function.parameters,
      },
    ]);

    const followUp = await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        choice.message as OpenAI.ChatCompletionAssistantMessageParam,
        { role: 'tool', tool_call_id: call!.id, content: '18 degrees and sunny' },
      ],
      tools: [weatherTool],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: Weather in Paris?');

    const second = upstreamBody(1);
    expect(second.messages).toHaveLength(3);
    expect(second.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: call!.id, name: 'get_weather', input: { city: 'Paris', unit: 'c' } }],
    });
    expect(second.messages[2]!.role).toBe('user');
    expect(second.messages[2]!.content).toEqual([
      expect.objectContaining({ type: 'tool_result', tool_use_id: call!.id }),
    ]);
    expect(JSON.stringify(second.messages[2]!.content)).toContain('18 degrees and sunny');
  });

  it('carries two parallel tool calls, and both results back in a single user turn', async () => {
    const completion = await answer(
      {
        tool_calls: [
          { name: 'get_weather', arguments: { city: 'Paris' } },
          { name: 'get_time', arguments: { zone: 'Europe/Paris' } },
        ],
      },
      streamed,
      { messages: [{ role: 'user', content: 'Weather and time?' }], tools: [weatherTool, timeTool] },
    );
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    const calls = functionCalls(choice.message);
    expect(calls.map(({ name, arguments: args }) => ({ name, args }))).toEqual([
      { name: 'get_weather', args: { city: 'Paris' } },
      { name: 'get_time', args: { zone: 'Europe/Paris' } },
    ]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);

    await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [
        { role: 'user', content: 'Weather and time?' },
        choice.message as OpenAI.ChatCompletionAssistantMessageParam,
        { role: 'tool', tool_call_id: calls[0]!.id, content: 'sunny' },
        { role: 'tool', tool_call_id: calls[1]!.id, content: '14:00' },
      ],
      tools: [weatherTool, timeTool],
    });
    const sent = upstreamBody(1);
    expect(sent.messages.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user']);
    expect((sent.messages[1]!.content as AnthropicBlock[]).map((block) => [block.type, block.id])).toEqual([
      ['tool_use', calls[0]!.id],
      ['tool_use', calls[1]!.id],
    ]);
    expect((sent.messages[2]!.content as AnthropicBlock[]).map((block) => [block.type, block.tool_use_id])).toEqual([
      ['tool_result', calls[0]!.id],
      ['tool_result', calls[1]!.id],
    ]);
  });
});

describe('request translation seen by the Anthropic upstream', () => {
  it('sends a data: URL image as a base64 source with its media type, and an https URL as a url source', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these pictures?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'high' } },
          ],
        },
      ],
    });
    const [turn] = upstreamBody().messages;
    expect(turn!.content).toEqual([
      { type: 'text', text: 'What is in these pictures?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it('lifts system and developer messages into the top-level system, in order, and keeps the turns alternating', async () => {
    const completion = await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Bonjour' },
        { role: 'user', content: 'How are you?' },
        { role: 'user', content: 'And the weather?' },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: How are you?And the weather?');
    const sent = upstreamBody();
    const systemText = typeof sent.system === 'string' ? [sent.system] : (sent.system ?? []).map((block) => block.text);
    expect(systemText.join('\n')).toMatch(/You are terse\.[\s\S]*Answer in French\./);
    expect(sent.messages.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(sent.messages)).not.toContain('You are terse');
  });

  it('asks Anthropic for a thinking budget when the client sets reasoning_effort', async () => {
    emulator.enqueue({ thinking: 'Let me weigh it', text: 'Done' });
    const completion = await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [{ role: 'user', content: 'Think hard' }],
      reasoning_effort: 'high',
      max_completion_tokens: 1000,
    });
    const sent = upstreamBody();
    expect(sent.thinking).toEqual({ type: 'enabled', budget_tokens: 16384 });
    expect(sent.max_tokens).toBeGreaterThan(16384);
    expect(completion.choices[0]!.message.content).toBe('Done');
    expect((completion.choices[0]!.message as { reasoning_content?: string }).reasoning_content).toBe('Let me weigh it');
  });

  it('maps tool_choice required to any, a named choice to tool, and parallel_tool_calls false to disable_parallel_tool_use', async () => {
    await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [{ role: 'user', content: 'x' }],
      tools: [weatherTool, timeTool],
      tool_choice: 'required',
      parallel_tool_calls: false,
    });
    expect(upstreamBody().tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [{ role: 'user', content: 'x' }],
      tools: [weatherTool, timeTool],
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    expect(upstreamBody().tool_choice).toEqual({ type: 'tool', name: 'get_time' });
  });

  it('asks for structured output when the client sends response_format json_schema', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
    emulator.enqueue({ text: '{"answer":"42"}' });
    const completion = await openai.chat.completions.create({
      model: 'claude-sonnet',
      messages: [{ role: 'user', content: 'The answer?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ answer: '42' });
    expect(upstreamBody()).toMatchObject({ output_config: { format: { type: 'json_schema', schema } } });
  });

  it('names a dropped field in x-gatehouse-warnings and does not send it upstream', async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'biased' }], logit_bias: { '50256': -100 } })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: biased');
    expect(response.headers.get('x-gatehouse-warnings')).toContain('logit_bias');
    expect(upstreamBody()).not.toHaveProperty('logit_bias');
  });

  it('sends no warnings header when nothing was dropped', async () => {
    const { response } = await openai.chat.completions
      .create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'plain' }], temperature: 0.5, stop: ['END'] })
      .withResponse();
    expect(response.headers.get('x-gatehouse-warnings')).toBeNull();
    expect(upstreamBody()).toMatchObject({ temperature: 0.5, stop_sequences: ['END'] });
  });
});

describe('requests that cannot be translated', () => {
  it('answers n > 1 with a 400 naming n, without calling upstream', async () => {
    const error = await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }], n: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: 'invalid_request_error', param: 'n' });
    expect(emulator.requests).toHaveLength(0);
  });

  it('answers tool-call arguments that are not JSON with a 400 naming the field', async () => {
    const error = await openai.chat.completions
      .create({
        model: 'claude-sonnet',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": Par' } }] },
          { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({
      type: 'invalid_request_error',
      param: 'messages[1].tool_calls[0].function.arguments',
    });
    expect(emulator.requests).toHaveLength(0);
  });
});

describe.each([
  ['streaming', true],
  ['non-streaming', false],
])('answers translated back (%s)', (_label, streamed) => {
  it.each([
    ['end_turn', 'stop'],
    ['max_tokens', 'length'],
    ['stop_sequence', 'stop'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'stop'],
  ] as const)('maps stop_reason %s to finish_reason %s', async (stopReason, finishReason) => {
    const completion = await answer({ text: 'some text', stop_reason: stopReason, stop_sequence: 'END' }, streamed);
    expect(completion.choices[0]!.finish_reason).toBe(finishReason);
    expect(completion.choices[0]!.message.content).toBe('some text');
  });

  it('maps stop_reason tool_use to finish_reason tool_calls', async () => {
    const completion = await answer({ tool_calls: [{ name: 'get_time', arguments: {} }] }, streamed, { tools: [timeTool] });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(functionCalls(completion.choices[0]!.message)).toMatchObject([{ name: 'get_time', arguments: {} }]);
  });

  it('counts cache reads and writes into prompt_tokens, reports cached_tokens, and names the model the client sent', async () => {
    const completion = await answer(
      { text: 'cached', usage: { input_tokens: 10, output_tokens: 7, cache_read_input_tokens: 200, cache_creation_input_tokens: 30 } },
      streamed,
    );
    expect(completion.model).toBe('claude-sonnet');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 240,
      completion_tokens: 7,
      total_tokens: 247,
      prompt_tokens_details: { cached_tokens: 200 },
    });
    expect(upstreamBody().model).toBe('claude-sonnet-4-5-20250929');
  });
});

describe('streams', () => {
  it('sends role, content deltas, the finish chunk, the usage chunk only when asked, then [DONE]', async () => {
    emulator.enqueue({ text: 'one two three' });
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const payloads = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6));
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload) as OpenAI.ChatCompletionChunk);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('one two three');
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.model === 'claude-sonnet' && chunk.usage == null)).toBe(true);
    // The upstream is always streamed when the client streams; Anthropic needs max_tokens, 4096 when the client gave none.
    expect(upstreamBody()).toMatchObject({ stream: true, max_tokens: 4096 });
  });

  it('streams Anthropic thinking as reasoning_content deltas before the content', async () => {
    emulator.enqueue({ thinking: 'First I consider the question', text: 'The answer' });
    const stream = await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }], stream: true });
    const order: Array<'reasoning' | 'content'> = [];
    let reasoning = '';
    let content = '';
    for await (const chunk of stream) {
      const delta = (chunk.choices[0]?.delta ?? {}) as { content?: string | null; reasoning_content?: string };
      if (delta.reasoning_content) {
        reasoning += delta.reasoning_content;
        order.push('reasoning');
      }
      if (delta.content) {
        content += delta.content;
        order.push('content');
      }
    }
    expect(reasoning).toBe('First I consider the question');
    expect(content).toBe('The answer');
    expect(order.indexOf('content')).toBeGreaterThan(order.lastIndexOf('reasoning'));
  });

  it('surfaces an upstream error in the middle of the stream as an error the SDK throws, after the text that came before', async () => {
    emulator.enqueue({ text: 'alpha beta gamma delta', error_after_chunks: 2, error: { status: 529, message: 'Overloaded mid-stream' } });
    const stream = await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('Overloaded mid-stream');
    expect(text).toBe('alpha beta');
  });
});

describe('upstream errors rendered for OpenAI clients', () => {
  it.each([false, true])('turns an Anthropic 429 into a RateLimitError that keeps retry-after (stream: %s)', async (stream) => {
    emulator.enqueue({ error: { status: 429, message: 'Number of request tokens has exceeded your rate limit', retry_after: 12 } });
    const error = (await openai.chat.completions
      .create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }], stream })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('12');
    expect(error.error).toMatchObject({ type: 'rate_limit_error', message: expect.stringContaining('rate limit') });
  });

  it('turns Anthropic 529 overloaded into a 503, a status OpenAI clients know', async () => {
    emulator.enqueue({ error: { status: 529, message: 'Overloaded' } });
    const error = (await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.status).toBe(503);
    expect(error.error).toMatchObject({ type: 'overloaded_error', message: 'Overloaded' });
  });

  it('relays an Anthropic 400 as an OpenAI invalid_request_error with the upstream message', async () => {
    emulator.enqueue({ error: { status: 400, message: 'messages.0.content: field required' } });
    const error = (await openai.chat.completions.create({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', message: 'messages.0.content: field required' });
  });
});
