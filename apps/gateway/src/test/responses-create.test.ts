import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { type RunningGateway, startGateway } from './gateway-harness';
import { RESPONSES_TARGETS, responsesGatewayConfig, type ResponsesTarget, TRANSLATED_TARGETS } from './responses-gateway-config';

// POST /v1/responses with the official openai SDK, to an Anthropic target, an OpenAI-compatible target (translated to
// Chat Completions) and an OpenAI target that speaks the Responses API itself (a pass-through): the response object
// the client gets, and what reached the upstream.

let emulator: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(responsesGatewayConfig(emulator.url));
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

const answerFormat = {
  type: 'json_schema' as const,
  name: 'answer',
  schema: { type: 'object', properties: { caption: { type: 'string' } }, required: ['caption'], additionalProperties: false },
  strict: true,
};

/** A request with every field the issue lists: an item list with text and an image, and all the settings. */
function fullRequest(model: string): OpenAI.Responses.ResponseCreateParamsNonStreaming {
  return {
    model,
    instructions: 'Be brief.',
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'What is in this picture?' },
          { type: 'input_image', image_url: `data:image/png;base64,${PNG}`, detail: 'auto' },
        ],
      },
    ],
    tools: [weatherTool],
    tool_choice: 'auto',
    max_output_tokens: 300,
    temperature: 0.3,
    metadata: { run: 'e2e', case: 'full' },
    reasoning: { effort: 'low' },
    text: { format: answerFormat },
  };
}

/** The error a call failed with. */
async function failureOf(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

function upstreamBody(): Record<string, any> {
  expect(emulator.requests).toHaveLength(1);
  return emulator.requests[0]!.body as Record<string, any>;
}

const expectedUpstream: Record<ResponsesTarget['dialect'], (sent: OpenAI.Responses.ResponseCreateParams) => unknown> = {
  'anthropic-messages': () => ({
    model: 'claude-sonnet-4-5-20250929',
    system: 'Be brief.',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
        ],
      },
    ],
    tools: [{ name: 'get_weather', description: 'The weather in a city', input_schema: weatherTool.parameters }],
    tool_choice: { type: 'auto' },
    // Reasoning effort becomes extended thinking; max_tokens must exceed its budget, and Anthropic takes no
    // temperature with thinking (both said in x-gatehouse-warnings).
    thinking: { type: 'enabled', budget_tokens: expect.any(Number) },
    max_tokens: expect.any(Number),
    output_config: { format: { type: 'json_schema', schema: answerFormat.schema } },
  }),
  'openai-chat': () => ({
    model: 'Qwen/Qwen2.5-7B-Instruct',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}`, detail: 'auto' } },
        ],
      },
    ],
    tools: [
      {
        type: 'function',
        function: { name: 'get_weather', description: 'The weather in a city', parameters: weatherTool.parameters, strict: false },
      },
    ],
    tool_choice: 'auto',
    max_tokens: 300,
    temperature: 0.3,
    reasoning_effort: 'low',
    response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: answerFormat.schema, strict: true } },
    metadata: { run: 'e2e', case: 'full' },
  }),
  // A pass-through: the body as the client sent it, with only the model changed.
  'openai-responses': (sent) => ({ ...sent, model: 'gpt-5-upstream' }),
};

describe.each(RESPONSES_TARGETS)('POST /v1/responses to $model ($dialect)', (target) => {
  it('answers an item list with text and an image, and every setting, with a whole response object', async () => {
    const request = fullRequest(target.model);
    const { data: response, response: http } = await openai.responses.create(request).withResponse();

    expect(response.id).toMatch(/^resp_\w+$/);
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      error: null,
      incomplete_details: null,
      instructions: 'Be brief.',
      max_output_tokens: 300,
      temperature: 0.3,
      metadata: { run: 'e2e', case: 'full' },
      reasoning: { effort: 'low' },
      text: { format: answerFormat },
      tools: [weatherTool],
      tool_choice: 'auto',
      store: true,
      previous_response_id: null,
    });
    // Translated answers carry the model name the client used; a pass-through relays the upstream's own object.
    expect(response.model).toBe(target.dialect === 'openai-responses' ? target.upstreamModel : target.model);
    expect(response.created_at).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(response.output).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'echo: What is in this picture?', annotations: [], logprobs: [] }],
      },
    ]);
    expect(response.output_text).toBe('echo: What is in this picture?');
    const usage = response.usage!;
    expect(usage.input_tokens).toBeGreaterThan(0);
    expect(usage.output_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
    expect(usage.input_tokens_details).toEqual({ cached_tokens: 0 });
    expect(usage.output_tokens_details.reasoning_tokens).toEqual(expect.any(Number));

    expect(emulator.requests[0]!.path).toBe(target.path);
    expect(upstreamBody()).toEqual(expectedUpstream[target.dialect](request));
    expect(JSON.stringify(emulator.requests[0]!.headers)).not.toContain('gk-client-key');
    if (target.dialect === 'openai-responses') expect(emulator.requests[0]!.headers.authorization).toBe('Bearer sk-responses-provider-secret');
    expect(http.headers.get('x-gatehouse-provider')).toBeTruthy();
    if (target.dialect === 'anthropic-messages') {
      const warnings = http.headers.get('x-gatehouse-warnings') ?? '';
      expect(warnings).toContain('temperature');
      expect(warnings).toContain('metadata');
    }
  });

  it('answers a string input, and reports cached and reasoning tokens in the usage details', async () => {
    emulator.enqueue({
      thinking: 'Counting the words first.',
      text: 'Three words here.',
      usage: { input_tokens: 30, output_tokens: 12, cache_read_input_tokens: 20 },
    });
    const response = await openai.responses.create({ model: target.model, input: 'Say three words.', max_output_tokens: 2000, top_p: 0.9 });

    expect(response.status).toBe('completed');
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Counting the words first.' }] });
    expect(response.output_text).toBe('Three words here.');
    expect(response.top_p).toBe(0.9);
    expect(response.usage).toMatchObject({
      input_tokens: 50,
      input_tokens_details: { cached_tokens: 20 },
      output_tokens: 12,
      total_tokens: 62,
    });

    const sent = upstreamBody();
    if (target.dialect === 'anthropic-messages') {
      expect(sent).toEqual({
        model: target.upstreamModel,
        max_tokens: 2000,
        top_p: 0.9,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Say three words.' }] }],
      });
    } else if (target.dialect === 'openai-chat') {
      expect(sent).toEqual({ model: target.upstreamModel, max_tokens: 2000, top_p: 0.9, messages: [{ role: 'user', content: 'Say three words.' }] });
    } else {
      expect(sent).toEqual({ model: target.upstreamModel, input: 'Say three words.', max_output_tokens: 2000, top_p: 0.9 });
    }
  });

  it('answers a function call with its call_id and arguments, and an answer cut by max_output_tokens as incomplete', async () => {
    emulator.enqueue({ tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }, { text: 'It is a long story', stop_reason: 'max_tokens' });
    const call = await openai.responses.create({
      model: target.model,
      input: 'Weather in Paris?',
      tools: [weatherTool],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    expect(call.status).toBe('completed');
    expect(call.output).toEqual([
      {
        id: expect.stringMatching(/^fc_/),
        type: 'function_call',
        status: 'completed',
        call_id: expect.stringMatching(/\w{8,}/),
        name: 'get_weather',
        arguments: expect.any(String),
      },
    ]);
    expect(JSON.parse((call.output[0] as OpenAI.Responses.ResponseFunctionToolCall).arguments)).toEqual({ city: 'Paris' });
    expect(call.output_text).toBe('');
    const choice = (emulator.requests[0]!.body as Record<string, unknown>).tool_choice;
    expect(choice).toEqual(
      target.dialect === 'anthropic-messages'
        ? { type: 'tool', name: 'get_weather' }
        : target.dialect === 'openai-chat'
          ? { type: 'function', function: { name: 'get_weather' } }
          : { type: 'function', name: 'get_weather' },
    );

    const cut = await openai.responses.create({ model: target.model, input: 'Tell me everything.', max_output_tokens: 16 });
    expect(cut.status).toBe('incomplete');
    expect(cut.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(cut.output_text).toBe('It is a long story');
  });

  it('gives the SDK\'s parse() JSON it parses against the zod schema of text.format', async () => {
    emulator.enqueue({ text: '{"caption":"a red square"}' });
    const Caption = z.object({ caption: z.string() });
    const parsed = await openai.responses.parse({ model: target.model, input: 'Caption it.', text: { format: zodTextFormat(Caption, 'caption') } });
    expect(parsed.output_parsed).toEqual({ caption: 'a red square' });
    const format = (emulator.requests[0]!.body as Record<string, any>)[target.dialect === 'anthropic-messages' ? 'output_config' : target.dialect === 'openai-chat' ? 'response_format' : 'text'];
    expect(JSON.stringify(format)).toContain('"caption"');
  });

  it('relays an upstream refusal of the call in OpenAI\'s error format', async () => {
    emulator.enqueue({ error: { status: 429, message: 'slow down', retry_after: 4 } });
    const error = await failureOf(openai.responses.create({ model: target.model, input: 'x' }));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.message).toContain('slow down');
    expect(error.headers?.get('retry-after')).toBe('4');
  });

  it('refuses an unknown previous_response_id with 400 and OpenAI\'s message, without calling the upstream', async () => {
    const error = await failureOf(openai.responses.create({ model: target.model, input: 'again', previous_response_id: 'resp_doesnotexist' }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.error).toMatchObject({
      type: 'invalid_request_error',
      message: "Previous response with id 'resp_doesnotexist' not found.",
      param: 'previous_response_id',
    });
    expect(emulator.requests).toHaveLength(0);
  });

  it.each([
    ['a function call without call_id', [{ role: 'user', content: 'x' }, { type: 'function_call', name: 'f', arguments: '{}' }], 'input[1].call_id'],
    ['a function call output without output', [{ type: 'function_call_output', call_id: 'call_1' }], 'input[0].output'],
    ['a message without content', [{ role: 'user' }], 'input[0].content'],
    ['an input part of the wrong shape', [{ role: 'user', content: [{ type: 'input_text', text: 42 }] }], 'input[0].content[0].text'],
    ['an item that is not an object', ['just text'], 'input[0]'],
  ])('refuses %s with 400 naming the item, without calling the upstream', async (_case, input, path) => {
    const error = await failureOf(openai.responses.create({ model: target.model, input } as never));
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param: path });
    expect((error.error as { message: string }).message).toContain(path);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe.each(TRANSLATED_TARGETS)('input that cannot be translated for $model', (target) => {
  it.each([
    ['function call arguments that are not JSON', [{ type: 'function_call', call_id: 'c1', name: 'f', arguments: 'not json' }], 'input[0].arguments'],
    ['a message role that does not exist', [{ role: 'user', content: 'a' }, { role: 'robot', content: 'b' }], 'input[1].role'],
    ['an image without a URL', [{ role: 'user', content: [{ type: 'input_image', detail: 'auto' }] }], 'input[0].content[0].image_url'],
    ['an image given by file_id', [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-abc', detail: 'auto' }] }], 'input[0].content[0].file_id'],
    ['an item reference', [{ type: 'item_reference', id: 'msg_123' }], 'input[0]'],
  ])('refuses %s with 400 naming the item', async (_case, input, path) => {
    const error = await failureOf(openai.responses.create({ model: target.model, input } as never));
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param: path });
    expect((error.error as { message: string }).message).toContain(path);
    expect(emulator.requests).toHaveLength(0);
  });
});
