import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { RequestObservers } from '../observability/request-observers';
import { type RequestOutcome } from '../observability/request-outcome';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

let emulator: Emulator;
let gateway: RunningGateway;
let openai: OpenAI;
let anthropic: Anthropic;
const outcomes: RequestOutcome[] = [];

/** The outcome of the next request to end, as the observers (usage, metrics, logs, spans) see it. */
function nextOutcome(): Promise<RequestOutcome> {
  const seen = outcomes.length;
  return new Promise((resolve) => {
    const check = setInterval(() => {
      if (outcomes.length > seen) {
        clearInterval(check);
        resolve(outcomes[seen]!);
      }
    }, 5);
  });
}

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(emulatorConfig(emulator.url));
  gateway.app.get(RequestObservers).register({ requestCompleted: (outcome) => outcomes.push(outcome) });
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key', maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'gk-client-key', maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

describe('OpenAI chat completions to an OpenAI-compatible target (pass-through)', () => {
  it('forwards the body unchanged but for the model, with the provider key instead of the client key', async () => {
    const completion = await openai.chat.completions.create({
      model: 'qwen',
      messages: [{ role: 'user', content: 'Hello there' }],
      temperature: 0.25,
      // An extension field the gateway knows nothing of must reach the upstream as sent.
      ...({ chat_template_kwargs: { enable_thinking: false } } as object),
    });
    expect(completion.choices[0]!.message.content).toBe('echo: Hello there');
    const [record] = emulator.requests;
    expect(record!.path).toBe('/v1/chat/completions');
    expect(record!.headers.authorization).toBe('Bearer sk-openai-provider-secret');
    expect(JSON.stringify(record!.headers)).not.toContain('gk-client-key');
    const sent = JSON.parse(record!.rawBody.toString());
    expect(sent).toEqual({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      messages: [{ role: 'user', content: 'Hello there' }],
      temperature: 0.25,
      chat_template_kwargs: { enable_thinking: false },
    });
  });

  it('pipes a stream through, chunk by chunk, with usage', async () => {
    const stream = await openai.chat.completions.create({
      model: 'qwen',
      messages: [{ role: 'user', content: 'one two three four' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('echo: one two three four');
    expect(chunks).toBeGreaterThan(3);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('relays a streamed tool call that the SDK reassembles', async () => {
    emulator.enqueue({ tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'c' } }] });
    const runner = openai.chat.completions.stream({
      model: 'qwen',
      messages: [{ role: 'user', content: 'weather?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
    });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Paris', unit: 'c' });
  });
});

describe('Anthropic messages to an Anthropic target (pass-through)', () => {
  it('answers non-streaming with the provider key and the default anthropic-version', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-sonnet',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Hi Claude' }],
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'echo: Hi Claude' });
    const [record] = emulator.requests;
    expect(record!.path).toBe('/v1/messages');
    expect(record!.headers['x-api-key']).toBe('sk-ant-provider-secret');
    expect(JSON.stringify(record!.headers)).not.toContain('gk-client-key');
    expect((record!.body as { model: string }).model).toBe('claude-sonnet-4-5-20250929');
  });

  it('sends the client anthropic-version, and 2023-06-01 when the client sent none', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${gateway.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model: 'claude-sonnet', max_tokens: 5, messages: [{ role: 'user', content: 'v' }] }),
      });
    expect((await send({})).status).toBe(200);
    expect((await send({ 'anthropic-version': '2099-01-01' })).status).toBe(200);
    expect(emulator.requests.map((record) => record.headers['anthropic-version'])).toEqual(['2023-06-01', '2099-01-01']);
  });

  it('passes anthropic-beta and the query string on, and streams with the SDK helper', async () => {
    emulator.enqueue({ thinking: 'let me think', text: 'streamed answer' });
    const stream = anthropic.messages.stream(
      { model: 'claude-sonnet', max_tokens: 100, messages: [{ role: 'user', content: 'go' }] },
      { headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14' }, query: { beta: 'true' } },
    );
    const final = await stream.finalMessage();
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(final.content[1]).toMatchObject({ text: 'streamed answer' });
    expect(final.usage.output_tokens).toBeGreaterThan(0);
    const [record] = emulator.requests;
    expect(record!.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14');
    expect(record!.query).toEqual({ beta: 'true' });
  });

  it('counts tokens through the provider', async () => {
    const counted = await anthropic.messages.countTokens({ model: 'claude-sonnet', messages: [{ role: 'user', content: 'count me' }] });
    expect(counted.input_tokens).toBeGreaterThan(0);
    expect(emulator.requests[0]!.path).toBe('/v1/messages/count_tokens');
  });
});

describe('errors in the caller format', () => {
  it('answers an unknown model with 404 in both formats, without calling upstream', async () => {
    await expect(openai.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 404,
      error: { type: 'not_found_error', param: 'model' },
    });
    await expect(anthropic.messages.create({ model: 'nope', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 404,
      error: { type: 'error', error: { type: 'not_found_error' } },
    });
    expect(emulator.requests).toHaveLength(0);
  });

  it.each([
    [500, 'api_error'],
    [429, 'rate_limit_error'],
    [529, 'overloaded_error'],
  ])('relays an Anthropic upstream %i as the upstream said it', async (status, type) => {
    emulator.enqueue({ error: { status, message: 'upstream says no', retry_after: status === 429 ? 7 : undefined } });
    const error = (await anthropic.messages
      .create({ model: 'claude-sonnet', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.status).toBe(status);
    expect(error.error).toMatchObject({ type: 'error', error: { type, message: 'upstream says no' } });
    if (status === 429) expect(error.headers?.get('retry-after')).toBe('7');
  });

  it.each([
    [500, OpenAI.InternalServerError],
    [429, OpenAI.RateLimitError],
  ])('relays an OpenAI upstream %i', async (status, errorClass) => {
    emulator.enqueue({ error: { status, message: 'upstream trouble', retry_after: 3 } });
    const error = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('upstream trouble');
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('3');
  });

  it('never relays what an upstream says when it refuses the gateway credentials', async () => {
    emulator.enqueue({ error: { status: 401, message: 'Incorrect API key provided: sk-open***cret' } });
    const error = (await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(error.status).toBe(502);
    expect(JSON.stringify(error.error)).not.toContain('sk-open');
  });
});

describe('a large body (read through its outline when it only passes through)', () => {
  // Over 128 KiB, with escapes, characters of every UTF-8 length and an inline image.
  const prompt = 'Summarise this: "quoted", a\\backslash, é, 世界, 😀\n'.repeat(6_000);
  const image = `data:image/png;base64,${'iVBORw0KGgo'.repeat(20_000)}`;
  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('goes upstream byte for byte but for the model, and its parameters reach the observers', async () => {
    const body = JSON.stringify({
      model: 'qwen',
      messages: [{ role: 'user', content: [{ type: 'text', text: prompt }, { type: 'image_url', image_url: { url: image } }] }],
      max_tokens: 64,
      temperature: 0.5,
    });
    const ended = nextOutcome();
    const response = await post('/v1/chat/completions', body, { authorization: 'Bearer gk-client-key' });
    expect(response.status).toBe(200);
    expect(emulator.requests[0]!.rawBody.toString()).toBe(body.replace('"model":"qwen"', '"model":"Qwen/Qwen2.5-7B-Instruct"'));
    expect((await ended).parameters).toEqual({ maxTokens: 64, temperature: 0.5, topP: undefined });
  });

  it('is translated whole when its model translates', async () => {
    const body = JSON.stringify({ model: 'qwen', max_tokens: 64, messages: [{ role: 'user', content: prompt }] });
    const response = await post('/v1/messages', body, { 'x-api-key': 'gk-client-key', 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { type: string }).type).toBe('message');
    const sent = JSON.parse(emulator.requests[0]!.rawBody.toString()) as { messages: { content: string }[] };
    expect(sent.messages.at(-1)!.content).toBe(prompt);
  });

  it('leaves the contents of long strings to the upstream, whose 400 the client gets in its own format', async () => {
    const body = `{"model":"qwen","messages":[{"role":"user","content":"${'x'.repeat(200_000)} raw: \u0001"}]}`;
    const response = await post('/v1/chat/completions', body, { authorization: 'Bearer gk-client-key' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    expect(emulator.requests).toHaveLength(1);
    const next = await post('/v1/chat/completions', JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content: 'still serving?' }] }), {
      authorization: 'Bearer gk-client-key',
    });
    expect(next.status).toBe(200);
  });
});

describe('what observers learn of a pass-through', () => {
  it('reads the response id, model, stop reason and usage from a stream without re-encoding it', async () => {
    const ended = nextOutcome();
    const final = await anthropic.messages
      .stream({ model: 'claude-sonnet', max_tokens: 50, messages: [{ role: 'user', content: 'details please' }] })
      .finalMessage();
    const outcome = await ended;
    expect(outcome.response).toEqual({ id: final.id, model: 'claude-sonnet-4-5-20250929', finishReasons: ['end_turn'] });
    expect(outcome.usage.outputTokens).toBe(final.usage.output_tokens);
    expect(outcome.errorCode).toBeUndefined();
  });

  it('reads them from a JSON answer', async () => {
    const ended = nextOutcome();
    const completion = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'json details' }] });
    expect((await ended).response).toEqual({ id: completion.id, model: 'Qwen/Qwen2.5-7B-Instruct', finishReasons: ['stop'] });
  });

  it('counts a stream that failed after its first content as failed', async () => {
    emulator.enqueue({ text: 'one two three four', error: { status: 500, message: 'broke' }, error_after_chunks: 2 });
    const ended = nextOutcome();
    const stream = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'x' }], stream: true });
    await (async () => {
      for await (const _chunk of stream) void _chunk;
    })().catch(() => undefined);
    const outcome = await ended;
    expect(outcome.status).toBe(200);
    expect(outcome.errorCode).toBe('upstream');
  });
});

describe('streams that fail', () => {
  it('answers with an error status when the upstream stream fails before any content (nothing was sent yet)', async () => {
    emulator.enqueue({ error: { status: 529, type: 'overloaded_error', message: 'Overloaded' }, error_after_chunks: 0 });
    const error = (await anthropic.messages
      .create({ model: 'claude-sonnet', max_tokens: 20, stream: true, messages: [{ role: 'user', content: 'x' }] })
      .then(async (stream) => {
        for await (const _event of stream) void _event;
      })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.status).toBe(529);
  });

  it('ends the stream with an error event in the client dialect when content was already sent', async () => {
    emulator.enqueue({ text: 'one two three four', error: { status: 500, message: 'broke mid-way' }, error_after_chunks: 2 });
    const stream = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e as Error);
    expect(text.length).toBeGreaterThan(0);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toContain('broke mid-way');
  });
});

describe('a client that disconnects mid-stream', () => {
  it('aborts the upstream call and leaves the gateway serving', async () => {
    emulator.enqueue({ text: 'a b c d e f g h i j k l m n o p', chunks: 16, chunk_delay_ms: 50 });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      { model: 'qwen', messages: [{ role: 'user', content: 'long' }], stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    controller.abort();
    const [record] = await emulator.waitUntil((records) => records[0]?.aborted === true);
    expect(record!.aborted).toBe(true);
    expect(record!.completed).toBe(false);

    const after = await openai.chat.completions.create({ model: 'qwen', messages: [{ role: 'user', content: 'still there?' }] });
    expect(after.choices[0]!.message.content).toBe('echo: still there?');
  });
});
