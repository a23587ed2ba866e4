import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { describeOnEachResponsesStore, withResponsesStore } from './each-responses-store';
import { type RunningGateway, startGateway } from './gateway-harness';
import { responsesGatewayConfig } from './responses-gateway-config';

// Conversations through previous_response_id with the official openai SDK: each turn sent right after the previous
// answer, on the in-memory store and on Redis. The upstream must get the whole conversation, and only the current
// turn's instructions (https://platform.openai.com/docs/api-reference/responses/create#responses-create-instructions).

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

describeOnEachResponsesStore('conversations through previous_response_id', (store) => {
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

  /** Four turns, the third streamed; every request's body as the upstream got it. */
  async function fourTurns(model: string): Promise<{ responses: OpenAI.Responses.Response[]; sent: Record<string, any>[] }> {
    const first = await openai.responses.create({ model, instructions: 'You are terse.', input: 'My name is Ada.' });
    const second = await openai.responses.create({
      model,
      previous_response_id: first.id,
      instructions: 'Answer in French.',
      input: [
        { role: 'developer', content: 'Dev note two.' },
        { role: 'user', content: 'What is my name?' },
      ],
    });
    const third = await openai.responses.stream({ model, previous_response_id: second.id, input: 'Spell it.' }).finalResponse();
    const fourth = await openai.responses.create({
      model,
      previous_response_id: third.id,
      instructions: 'Final instructions.',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'Thanks.' }] }],
    });
    return { responses: [first, second, third, fourth], sent: emulator.requests.map((request) => request.body as Record<string, any>) };
  }

  function expectEchoes(responses: OpenAI.Responses.Response[]): void {
    expect(responses.map((response) => response.output_text)).toEqual([
      'echo: My name is Ada.',
      'echo: What is my name?',
      'echo: Spell it.',
      'echo: Thanks.',
    ]);
    expect(responses.map((response) => response.previous_response_id)).toEqual([null, responses[0]!.id, responses[1]!.id, responses[2]!.id]);
    expect(responses.map((response) => response.instructions)).toEqual(['You are terse.', 'Answer in French.', null, 'Final instructions.']);
  }

  it('sends an Anthropic target the whole conversation, each turn with only its own instructions', async () => {
    const { responses, sent } = await fourTurns('claude-sonnet');
    expectEchoes(responses);
    const text = (value: string) => [{ type: 'text', text: value }];
    const conversation = [
      { role: 'user', content: text('My name is Ada.') },
      { role: 'assistant', content: text('echo: My name is Ada.') },
      { role: 'user', content: text('What is my name?') },
      { role: 'assistant', content: text('echo: What is my name?') },
      { role: 'user', content: text('Spell it.') },
      { role: 'assistant', content: text('echo: Spell it.') },
      { role: 'user', content: text('Thanks.') },
    ];
    expect(sent.map((body) => body.messages)).toEqual([1, 3, 5, 7].map((length) => conversation.slice(0, length)));
    // The developer message of turn two is part of the conversation; instructions are the turn's own.
    expect(sent.map((body) => systemText(body.system))).toEqual(['You are terse.', 'Answer in French.\n\nDev note two.', 'Dev note two.', 'Final instructions.\n\nDev note two.']);
    expect(sent.map((body) => body.stream ?? false)).toEqual([false, false, true, false]);
  });

  it('sends an OpenAI-compatible target the whole conversation, each turn with only its own instructions', async () => {
    const { responses, sent } = await fourTurns('qwen');
    expectEchoes(responses);
    const conversation = [
      { role: 'user', content: 'My name is Ada.' },
      { role: 'assistant', content: 'echo: My name is Ada.' },
      { role: 'user', content: 'What is my name?' },
      { role: 'assistant', content: 'echo: What is my name?' },
      { role: 'user', content: 'Spell it.' },
      { role: 'assistant', content: 'echo: Spell it.' },
      { role: 'user', content: 'Thanks.' },
    ];
    const system = ['You are terse.', 'Answer in French.\n\nDev note two.', 'Dev note two.', 'Final instructions.\n\nDev note two.'];
    expect(sent.map((body) => body.messages)).toEqual(
      [1, 3, 5, 7].map((length, turn) => [{ role: 'system', content: system[turn] }, ...conversation.slice(0, length)]),
    );
  });

  it('sends a Responses target the stored items before the input, without previous_response_id or earlier instructions', async () => {
    const { responses, sent } = await fourTurns('gpt-native');
    expect(responses.map((response) => response.output_text)).toEqual(['echo: My name is Ada.', 'echo: What is my name?', 'echo: Spell it.', 'echo: Thanks.']);
    const answer = (text: string) => ({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] });
    const turnOne = [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'My name is Ada.' }] }, answer('echo: My name is Ada.')];
    const turnTwo = [
      { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Dev note two.' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What is my name?' }] },
      answer('echo: What is my name?'),
    ];
    const turnThree = [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Spell it.' }] }, answer('echo: Spell it.')];
    expect(sent[0]).toEqual({ model: 'gpt-5-upstream', instructions: 'You are terse.', input: 'My name is Ada.' });
    expect(sent[2]).toEqual({ model: 'gpt-5-upstream', input: [...turnOne, ...turnTwo, { role: 'user', content: 'Spell it.' }], stream: true });
    expect(sent[3]).toEqual({
      model: 'gpt-5-upstream',
      instructions: 'Final instructions.',
      input: [...turnOne, ...turnTwo, ...turnThree, { role: 'user', content: [{ type: 'input_text', text: 'Thanks.' }] }],
    });
    for (const body of sent) expect(body).not.toHaveProperty('previous_response_id');
    // The gateway's ids point into its own store; the upstream never sees them.
    expect(JSON.stringify(sent)).not.toMatch(/"id":/);
  });

  it('carries a conversation across targets of every dialect', async () => {
    const first = await openai.responses.create({ model: 'gpt-native', input: 'One.' });
    const second = await openai.responses.create({ model: 'claude-sonnet', previous_response_id: first.id, input: 'Two.' });
    const third = await openai.responses.create({ model: 'qwen', previous_response_id: second.id, input: 'Three.' });
    const fourth = await openai.responses.create({ model: 'gpt-native', previous_response_id: third.id, input: 'Four.' });
    expect(fourth.output_text).toBe('echo: Four.');
    const [, toAnthropic, toChat, toResponses] = emulator.requests.map((request) => request.body as Record<string, any>);
    expect(toAnthropic!.messages.map((message: { content: { text: string }[] }) => message.content[0]!.text)).toEqual(['One.', 'echo: One.', 'Two.']);
    expect(toChat!.messages.map((message: { content: string }) => message.content)).toEqual(['One.', 'echo: One.', 'Two.', 'echo: Two.', 'Three.']);
    expect(toResponses!.input.map((item: { content: string | { text: string }[] }) => (typeof item.content === 'string' ? item.content : item.content[0]!.text))).toEqual([
      'One.',
      'echo: One.',
      'Two.',
      'echo: Two.',
      'Three.',
      'echo: Three.',
      'Four.',
    ]);
  });

  describe.each([false, true])('Anthropic thinking (streamed: %s)', (stream) => {
    it('goes back to Anthropic with its signature, before the tool call of its turn', async () => {
      const thinking = 'The user wants the weather: call the tool.';
      // The signature the upstream gives for this thinking, asked of it directly.
      emulator.enqueue({ thinking, text: 'x' });
      const direct = await fetch(`${emulator.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: 'claude-sonnet-4-5-20250929', max_tokens: 50, messages: [{ role: 'user', content: 'x' }] }),
      }).then((response) => response.json() as Promise<{ content: { signature?: string }[] }>);
      const signature = direct.content[0]!.signature!;
      emulator.clear();

      emulator.enqueue({ thinking, tool_calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
      const request = { model: 'claude-sonnet', input: 'Weather in Oslo?', reasoning: { effort: 'low' as const }, tools: [weatherTool] };
      const call = stream ? await openai.responses.stream(request).finalResponse() : await openai.responses.create(request);
      expect(call.output.map((item) => item.type)).toEqual(['reasoning', 'function_call']);
      const { call_id } = call.output[1] as OpenAI.Responses.ResponseFunctionToolCall;

      await openai.responses.create({
        model: 'claude-sonnet',
        previous_response_id: call.id,
        reasoning: { effort: 'low' },
        tools: [weatherTool],
        input: [{ type: 'function_call_output', call_id, output: 'Snow, -3 °C' }],
      });
      const sent = emulator.requests[1]!.body as { messages: { role: string; content: Record<string, unknown>[] }[] };
      expect(sent.messages[1]).toEqual({
        role: 'assistant',
        content: [
          { type: 'thinking', thinking, signature },
          { type: 'tool_use', id: call_id, name: 'get_weather', input: { city: 'Oslo' } },
        ],
      });
      expect(sent.messages[2]!.content[0]).toMatchObject({ type: 'tool_result', tool_use_id: call_id });
    });
  });

  describe.each(['claude-sonnet', 'qwen', 'gpt-native'])('branches on %s', (model) => {
    it('keeps two answers to the same previous response apart', async () => {
      const root = await openai.responses.create({ model, input: 'Root.' });
      const left = await openai.responses.create({ model, previous_response_id: root.id, input: 'Left.' });
      await openai.responses.create({ model, previous_response_id: root.id, input: 'Right.' });
      emulator.clear();
      await openai.responses.create({ model, previous_response_id: left.id, input: 'Left again.' });
      const sent = JSON.stringify(emulator.requests[0]!.body);
      expect(sent).toContain('Left.');
      expect(sent).toContain('Root.');
      expect(sent).not.toContain('Right.');
    });
  });
});

/** Anthropic's `system`, a string or text blocks, as one text. */
function systemText(system: unknown): string | undefined {
  if (system === undefined || typeof system === 'string') return system;
  return (system as { text: string }[]).map((block) => block.text).join('\n\n');
}
