import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type EmulatorBehaviour, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// The official Anthropic SDK against model `qwen`, whose only target speaks OpenAI Chat Completions:
// every request goes Anthropic Messages → canonical → OpenAI chat, every answer the way back.

type OpenAIMessage = {
  role: string;
  content: string | null | Array<{ type: string; [field: string]: unknown }>;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
  reasoning_content?: string;
};
type OpenAIBody = {
  model: string;
  messages: OpenAIMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  stop?: string[];
  top_k?: number;
  user?: string;
  reasoning_effort?: string;
  tools?: Array<{ type: string; function: { name: string; parameters: unknown } }>;
  [field: string]: unknown;
};

let emulator: Emulator;
let gateway: RunningGateway;
let anthropic: Anthropic;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(emulatorConfig(emulator.url));
  anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

/** What the OpenAI-compatible upstream received for the n-th request (default: the last one). */
function upstreamBody(index = emulator.requests.length - 1): OpenAIBody {
  const record = emulator.requests[index];
  if (!record) throw new Error(`the upstream received no request #${index}`);
  expect(record.path).toBe('/v1/chat/completions');
  return record.body as OpenAIBody;
}

const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'The weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const timeTool: Anthropic.Tool = { name: 'get_time', input_schema: { type: 'object', properties: { zone: { type: 'string' } } } };

async function answer(behaviour: EmulatorBehaviour, streamed: boolean, extra: Partial<Anthropic.MessageCreateParams> = {}): Promise<Anthropic.Message> {
  emulator.enqueue(behaviour);
  const params = { model: 'qwen', max_tokens: 256, messages: [{ role: 'user' as const, content: 'go' }], ...extra };
  return streamed ? anthropic.messages.stream(params).finalMessage() : anthropic.messages.create({ ...params, stream: false });
}

function toolUses(message: Anthropic.Message): Anthropic.ToolUseBlock[] {
  return message.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
}

describe.each([
  ['streaming', true],
  ['non-streaming', false],
])('a tool-use round trip (%s)', (_label, streamed) => {
  it('gives the SDK a tool_use block with its input reassembled, then sends the result back as a tool message with the id kept', async () => {
    const message = await answer({ tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris', days: [1, 2] } }] }, streamed, {
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [weatherTool],
    });
    expect(message.stop_reason).toBe('tool_use');
    const [call] = toolUses(message);
    expect(call).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris', days: [1, 2] } });
    expect(upstreamBody(0).tools).toEqual([
      { type: 'function', function: { name: 'get_weather', description: 'The weather in a city', parameters: weatherTool.input_schema } },
    ]);

    const followUp = await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 256,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: message.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call!.id, content: '18 degrees' }] },
      ],
    });
    expect(followUp.content).toMatchObject([{ type: 'text', text: 'echo: Weather in Paris?' }]);
    const sent = upstreamBody(1);
    expect(sent.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: call!.id, type: 'function', function: { name: 'get_weather', arguments: JSON.stringify({ city: 'Paris', days: [1, 2] }) } }],
      },
      { role: 'tool', tool_call_id: call!.id, content: '18 degrees' },
    ]);
  });

  it('numbers two parallel tool calls 0 and 1 and stops with tool_use', async () => {
    emulator.enqueue({
      tool_calls: [
        { name: 'get_weather', arguments: { city: 'Paris' } },
        { name: 'get_time', arguments: { zone: 'CET' } },
      ],
    });
    const params = { model: 'qwen', max_tokens: 256, messages: [{ role: 'user' as const, content: 'both' }], tools: [weatherTool, timeTool] };
    let message: Anthropic.Message;
    if (streamed) {
      const stream = anthropic.messages.stream(params);
      const starts: Array<[number, string]> = [];
      stream.on('streamEvent', (event) => {
        if (event.type === 'content_block_start') starts.push([event.index, event.content_block.type]);
      });
      message = await stream.finalMessage();
      expect(starts).toEqual([
        [0, 'tool_use'],
        [1, 'tool_use'],
      ]);
    } else {
      message = await anthropic.messages.create(params);
    }
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.map((block) => block.type)).toEqual(['tool_use', 'tool_use']);
    expect(toolUses(message).map(({ name, input }) => ({ name, input }))).toEqual([
      { name: 'get_weather', input: { city: 'Paris' } },
      { name: 'get_time', input: { zone: 'CET' } },
    ]);
  });

  it('keeps text then tool calls in order, each block whole', async () => {
    const message = await answer(
      { text: 'Let me check both.', tool_calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }, { name: 'get_time', arguments: { zone: 'CET' } }] },
      streamed,
      { tools: [weatherTool, timeTool] },
    );
    expect(message.content.map((block) => block.type)).toEqual(['text', 'tool_use', 'tool_use']);
    expect(message.content[0]).toMatchObject({ text: 'Let me check both.' });
    expect(toolUses(message).map((block) => block.input)).toEqual([{ city: 'Oslo' }, { zone: 'CET' }]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('reads upstream reasoning_content as a thinking block before the text', async () => {
    const message = await answer({ thinking: 'Considering the options', text: 'Here it is' }, streamed);
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: 'Considering the options' });
    expect(message.content[1]).toMatchObject({ type: 'text', text: 'Here it is' });
  });

  it.each([
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['content_filter', 'refusal'],
  ] as const)('maps finish_reason %s to stop_reason %s', async (finishReason, stopReason) => {
    const message = await answer({ text: 'some text', finish_reason: finishReason }, streamed);
    expect(message.stop_reason).toBe(stopReason);
    expect(message.content).toMatchObject([{ type: 'text', text: 'some text' }]);
  });

  it('maps finish_reason tool_calls to stop_reason tool_use, and a tool call under finish_reason "stop" (vLLM) too', async () => {
    for (const finishReason of ['tool_calls', 'stop'] as const) {
      const message = await answer({ tool_calls: [{ name: 'get_time', arguments: {} }], finish_reason: finishReason }, streamed, { tools: [timeTool] });
      expect(message.stop_reason).toBe('tool_use');
    }
  });

  it('reports usage with the cached tokens apart, and names the model the client sent', async () => {
    const message = await answer(
      { text: 'cached', usage: { input_tokens: 10, output_tokens: 7, cache_read_input_tokens: 200, cache_creation_input_tokens: 30 } },
      streamed,
    );
    expect(message.model).toBe('qwen');
    // OpenAI reports prompt_tokens = 240 with cached_tokens = 200; it does not tell cache writes apart, so they stay input.
    expect(message.usage).toMatchObject({ input_tokens: 40, output_tokens: 7, cache_read_input_tokens: 200 });
    expect(upstreamBody().model).toBe('Qwen/Qwen2.5-7B-Instruct');
  });
});

describe('the streamed answer, event by event', () => {
  it('puts usage in message_start and message_delta, and always asks the upstream for include_usage', async () => {
    emulator.enqueue({ text: 'one two three', usage: { input_tokens: 12, output_tokens: 3 } });
    const events: Anthropic.RawMessageStreamEvent[] = [];
    const stream = await anthropic.messages.create({ model: 'qwen', max_tokens: 50, messages: [{ role: 'user', content: 'count' }], stream: true });
    for await (const event of stream) events.push(event);

    expect(upstreamBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(events[0]!.type).toBe('message_start');
    const start = events[0] as Anthropic.RawMessageStartEvent;
    expect(start.message).toMatchObject({ role: 'assistant', model: 'qwen', content: [] });
    expect(typeof start.message.usage.input_tokens).toBe('number');
    expect(typeof start.message.usage.output_tokens).toBe('number');
    const delta = events.find((event): event is Anthropic.RawMessageDeltaEvent => event.type === 'message_delta');
    expect(delta).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 12, output_tokens: 3 } });
    expect(events.at(-1)!.type).toBe('message_stop');
    const text = events.flatMap((event) => (event.type === 'content_block_delta' && event.delta.type === 'text_delta' ? [event.delta.text] : []));
    expect(text.join('')).toBe('one two three');
  });

  it('streams tool arguments as input_json_delta fragments of the block they belong to', async () => {
    emulator.enqueue({ text: 'Sure.', tool_calls: [{ name: 'get_weather', arguments: { city: 'Lima' } }, { name: 'get_time', arguments: { zone: 'PET' } }] });
    const stream = await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'x' }],
      tools: [weatherTool, timeTool],
      stream: true,
    });
    const json = new Map<number, string>();
    const starts: Array<[number, string]> = [];
    const stops: number[] = [];
    for await (const event of stream) {
      if (event.type === 'content_block_start') starts.push([event.index, event.content_block.type]);
      if (event.type === 'content_block_stop') stops.push(event.index);
      if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
        json.set(event.index, (json.get(event.index) ?? '') + event.delta.partial_json);
      }
    }
    expect(starts).toEqual([
      [0, 'text'],
      [1, 'tool_use'],
      [2, 'tool_use'],
    ]);
    expect(stops).toEqual([0, 1, 2]);
    expect(JSON.parse(json.get(1)!)).toEqual({ city: 'Lima' });
    expect(JSON.parse(json.get(2)!)).toEqual({ zone: 'PET' });
  });

  it('ends with an error event the SDK throws when the upstream fails mid-stream', async () => {
    emulator.enqueue({ text: 'alpha beta gamma', error_after_chunks: 1, error: { status: 500, message: 'vLLM engine died' } });
    const stream = anthropic.messages.stream({ model: 'qwen', max_tokens: 50, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const failure = await stream.finalMessage().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect((failure as Error).message).toContain('vLLM engine died');
    expect(text).toBe('alpha');
  });
});

describe('request translation seen by the OpenAI-compatible upstream', () => {
  it('turns a system array with cache_control into one system message, with a warning for the cache breakpoint', async () => {
    const { response } = await anthropic.messages
      .create({
        model: 'qwen',
        max_tokens: 64,
        system: [
          { type: 'text', text: 'You are a careful assistant.' },
          { type: 'text', text: 'Here is a long manual.', cache_control: { type: 'ephemeral' } },
        ],
        messages: [{ role: 'user', content: 'hi' }],
      })
      .withResponse();
    expect(upstreamBody().messages[0]).toEqual({ role: 'system', content: 'You are a careful assistant.\n\nHere is a long manual.' });
    expect(response.headers.get('x-gatehouse-warnings')).toContain('cache_control');
  });

  it('sends tool_result text as the tool message and its images in a user message after it; is_error is named in a warning', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    const { response } = await anthropic.messages
      .create({
        model: 'qwen',
        max_tokens: 64,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'Show me the radar' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_radar', name: 'get_weather', input: { city: 'Paris' } }] },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 'toolu_radar',
                is_error: true,
                content: [
                  { type: 'text', text: 'radar partly unavailable' },
                  { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
                ],
              },
              { type: 'text', text: 'What do you see?' },
            ],
          },
        ],
      })
      .withResponse();
    const sent = upstreamBody();
    expect(sent.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'toolu_radar', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      },
      { role: 'tool', tool_call_id: 'toolu_radar', content: 'radar partly unavailable' },
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          { type: 'text', text: 'What do you see?' },
        ],
      },
    ]);
    const warnings = response.headers.get('x-gatehouse-warnings') ?? '';
    expect(warnings).toContain('is_error');
    expect(warnings).toContain('tool results');
  });

  it('drops thinking blocks of earlier turns with a warning (this target does not take reasoning back)', async () => {
    const { response } = await anthropic.messages
      .create({
        model: 'qwen',
        max_tokens: 64,
        messages: [
          { role: 'user', content: 'First question' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'secret chain of thought', signature: 'EqSig' },
              { type: 'text', text: 'First answer' },
            ],
          },
          { role: 'user', content: 'Second question' },
        ],
      })
      .withResponse();
    const sent = upstreamBody();
    expect(sent.messages[1]).toEqual({ role: 'assistant', content: 'First answer' });
    expect(JSON.stringify(sent)).not.toContain('secret chain of thought');
    expect(response.headers.get('x-gatehouse-warnings')).toContain('thinking');
  });

  it('maps stop_sequences to stop, top_k to top_k, metadata.user_id to user, and sends max_tokens', async () => {
    await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 77,
      stop_sequences: ['END', '###'],
      // This SDK's types no longer list top_k and temperature (the newest models refuse them); older models and the gateway take them.
      ...({ top_k: 40, temperature: 0.3 } as object),
      metadata: { user_id: 'user-42' },
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(upstreamBody()).toMatchObject({ max_tokens: 77, stop: ['END', '###'], top_k: 40, temperature: 0.3, user: 'user-42' });
  });

  it('sends user images as image_url parts: base64 as a data: URL, a url source as it is', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 64,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'text', text: 'Compare them' },
          ],
        },
      ],
    });
    expect(upstreamBody().messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          { type: 'text', text: 'Compare them' },
        ],
      },
    ]);
  });

  it('maps tool_choice any to required and disable_parallel_tool_use to parallel_tool_calls false', async () => {
    await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 64,
      tools: [weatherTool, timeTool],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(upstreamBody()).toMatchObject({ tool_choice: 'required', parallel_tool_calls: false });
    await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 64,
      tools: [weatherTool, timeTool],
      tool_choice: { type: 'tool', name: 'get_time' },
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(upstreamBody().tool_choice).toEqual({ type: 'function', function: { name: 'get_time' } });
  });

  it('maps a thinking budget to reasoning_effort', async () => {
    await anthropic.messages.create({
      model: 'qwen',
      max_tokens: 4000,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(upstreamBody()).toMatchObject({ reasoning_effort: 'low' });
    expect(upstreamBody()).not.toHaveProperty('thinking');
  });
});

describe('upstream errors rendered for Anthropic clients', () => {
  async function failure(error: { status: number; message: string; retry_after?: number }): Promise<InstanceType<typeof Anthropic.APIError>> {
    emulator.enqueue({ error });
    const thrown = await anthropic.messages.create({ model: 'qwen', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Anthropic.APIError);
    return thrown as InstanceType<typeof Anthropic.APIError>;
  }

  it('renders a 400 as invalid_request_error with the upstream message', async () => {
    const error = await failure({ status: 400, message: "This model's maximum context length is 32768 tokens" });
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error.error).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: "This model's maximum context length is 32768 tokens" } });
  });

  it('renders a 401 for the gateway credentials as a 502 that does not repeat the upstream message', async () => {
    const error = await failure({ status: 401, message: 'Incorrect API key provided: sk-open***cret' });
    expect(error.status).toBe(502);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(JSON.stringify(error.error)).not.toContain('sk-open');
  });

  it('renders a 404 as not_found_error', async () => {
    const error = await failure({ status: 404, message: 'The model `Qwen/Qwen2.5-7B-Instruct` does not exist.' });
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'not_found_error', message: expect.stringContaining('does not exist') } });
  });

  it('renders a 429 as rate_limit_error and keeps retry-after', async () => {
    const error = await failure({ status: 429, message: 'Rate limit reached', retry_after: 9 });
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('9');
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error', message: 'Rate limit reached' } });
  });
});
