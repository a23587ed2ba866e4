import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, type LanguageModel, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Emulator, startEmulator } from '@gatehouse/emulator';
import { emulatorConfig, type RunningGateway, startGateway } from './gateway-harness';

// The Vercel AI SDK pointed at the gateway, with its own tool loop: step 1 asks for a tool call, the SDK runs
// `execute`, step 2 sends the result back through the gateway and gets the final text.

let emulator: Emulator;
let gateway: RunningGateway;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway(emulatorConfig(emulator.url));
});

afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

beforeEach(() => emulator.reset());

function weatherTool(calls: unknown[]) {
  return tool({
    description: 'The weather in a city',
    inputSchema: z.object({ city: z.string(), unit: z.enum(['c', 'f']) }),
    execute: async (input) => {
      calls.push(input);
      return { forecast: `sunny in ${input.city}`, degrees: 21 };
    },
  });
}

type Client = {
  label: string;
  model: () => LanguageModel;
  upstreamPath: string;
  /** The tool result the SDK sent back, as the upstream received it, and the id of the call it answers. */
  toolResultOf: (body: unknown) => { id: string; content: string } | undefined;
  toolCallIdOf: (body: unknown) => string | undefined;
};

const clients: Client[] = [
  {
    label: 'OpenAI chat provider → Anthropic target',
    model: () => createOpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key' }).chat('claude-sonnet'),
    upstreamPath: '/v1/messages',
    toolCallIdOf: (body) => {
      const messages = (body as { messages: Array<{ role: string; content: Array<{ type: string; id?: string }> | string }> }).messages;
      const assistant = messages.find((message) => message.role === 'assistant');
      return Array.isArray(assistant?.content) ? assistant.content.find((block) => block.type === 'tool_use')?.id : undefined;
    },
    toolResultOf: (body) => {
      const messages = (body as { messages: Array<{ role: string; content: unknown }> }).messages;
      const last = messages.at(-1) as { role: string; content: Array<{ type: string; tool_use_id?: string; content?: unknown }> };
      const result = last.role === 'user' && Array.isArray(last.content) ? last.content.find((block) => block.type === 'tool_result') : undefined;
      return result ? { id: String(result.tool_use_id), content: JSON.stringify(result.content) } : undefined;
    },
  },
  {
    label: 'Anthropic provider → OpenAI-compatible target',
    model: () => createAnthropic({ baseURL: `${gateway.url}/v1`, apiKey: 'gk-client-key' })('qwen'),
    upstreamPath: '/v1/chat/completions',
    toolCallIdOf: (body) => {
      const messages = (body as { messages: Array<{ role: string; tool_calls?: Array<{ id: string }> }> }).messages;
      return messages.find((message) => message.role === 'assistant')?.tool_calls?.[0]?.id;
    },
    toolResultOf: (body) => {
      const messages = (body as { messages: Array<{ role: string; tool_call_id?: string; content: unknown }> }).messages;
      const result = messages.find((message) => message.role === 'tool');
      return result ? { id: String(result.tool_call_id), content: JSON.stringify(result.content) } : undefined;
    },
  },
];

describe.each(clients)('the AI SDK, $label', (client) => {
  function expectToolLoopReachedUpstream(): void {
    expect(emulator.requests.map((record) => record.path)).toEqual([client.upstreamPath, client.upstreamPath]);
    expect(emulator.requests.map((record) => (record.body as { max_tokens?: number }).max_tokens)).toEqual([300, 300]);
    const second = emulator.requests[1]!.body;
    const callId = client.toolCallIdOf(second);
    expect(callId).toBeTruthy();
    const result = client.toolResultOf(second);
    expect(result?.id).toBe(callId);
    expect(result?.content).toContain('sunny in Paris');
  }

  it('runs a tool loop with generateText', async () => {
    emulator.enqueue({ tool_calls: [{ name: 'weather', arguments: { city: 'Paris', unit: 'c' } }] }, { text: 'It is sunny in Paris.' });
    const calls: unknown[] = [];
    const result = await generateText({
      model: client.model(),
      tools: { weather: weatherTool(calls) },
      stopWhen: stepCountIs(2),
      prompt: 'What is the weather in Paris?',
      maxOutputTokens: 300,
      maxRetries: 0,
    });
    expect(calls).toEqual([{ city: 'Paris', unit: 'c' }]);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.finishReason).toBe('tool-calls');
    expect(result.text).toBe('It is sunny in Paris.');
    expect(result.finishReason).toBe('stop');
    expect(result.totalUsage.inputTokens).toBeGreaterThan(0);
    expect(result.totalUsage.outputTokens).toBeGreaterThan(0);
    expectToolLoopReachedUpstream();
  });

  it('runs a tool loop with streamText, text arriving in pieces', async () => {
    emulator.enqueue({ tool_calls: [{ name: 'weather', arguments: { city: 'Paris', unit: 'f' } }] }, { text: 'Sunny and warm in Paris today.' });
    const calls: unknown[] = [];
    const result = streamText({
      model: client.model(),
      tools: { weather: weatherTool(calls) },
      stopWhen: stepCountIs(2),
      prompt: 'What is the weather in Paris?',
      maxOutputTokens: 300,
      maxRetries: 0,
      onError: () => undefined,
    });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Sunny and warm in Paris today.');
    expect(calls).toEqual([{ city: 'Paris', unit: 'f' }]);
    const steps = await result.steps;
    expect(steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
    expect((await result.totalUsage).outputTokens).toBeGreaterThan(0);
    expectToolLoopReachedUpstream();
  });

  it('surfaces an upstream rate limit as an API call error with status 429', async () => {
    emulator.enqueue({ error: { status: 429, message: 'slow down', retry_after: 2 } });
    const failure = await generateText({ model: client.model(), prompt: 'x', maxOutputTokens: 10, maxRetries: 0 }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ statusCode: 429, isRetryable: true });
    expect(String((failure as Error).message)).toContain('slow down');
  });
});
