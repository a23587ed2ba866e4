import { describe, expect, it } from 'vitest';
import { type ClientDialect } from '@gatehouse/routing';
import { outlineOf } from '../proxy/request-outline';
import { readRequestShape } from './request-shape';

const shapeOf = (json: Record<string, unknown>, dialect: ClientDialect) => readRequestShape({ outline: json }, dialect);

const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('readRequestShape', () => {
  it.each<[string, ClientDialect, Record<string, unknown>, string, boolean]>([
    [
      'openai-chat: the last user message, string content',
      'openai-chat',
      { model: 'auto', messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'first' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'second' }] },
      'second',
      false,
    ],
    [
      'openai-chat: text parts joined, an image part seen',
      'openai-chat',
      { model: 'auto', messages: [{ role: 'user', content: [{ type: 'text', text: 'What is' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${pixel}` } }, { type: 'text', text: 'this?' }] }] },
      'What is\nthis?',
      true,
    ],
    [
      'openai-chat: tool messages are not user text',
      'openai-chat',
      { model: 'auto', messages: [{ role: 'user', content: 'weather in Paris?' }, { role: 'assistant', tool_calls: [] }, { role: 'tool', tool_call_id: 'c', content: '{"t":20}' }] },
      'weather in Paris?',
      false,
    ],
    [
      'anthropic-messages: a user turn of tool results only is skipped; images inside tool results count',
      'anthropic-messages',
      {
        model: 'auto',
        max_tokens: 10,
        system: 'You are a coding agent. Theorem proof lemma.',
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Read the screenshot' }] },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'shot', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: pixel } }] }] },
        ],
      },
      'Read the screenshot',
      true,
    ],
    [
      'openai-responses: input as a string',
      'openai-responses',
      { model: 'auto', instructions: 'Be brief', input: 'Prove it' },
      'Prove it',
      false,
    ],
    [
      'openai-responses: input items, input_text and input_image parts',
      'openai-responses',
      {
        model: 'auto',
        input: [
          { role: 'user', content: 'older' },
          { type: 'function_call_output', call_id: 'c', output: 'x' },
          { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'newest' }, { type: 'input_image', image_url: 'https://example.com/a.png' }] },
        ],
      },
      'newest',
      true,
    ],
    ['no messages at all', 'openai-chat', { model: 'auto' }, '', false],
  ])('%s', (_name, dialect, body, promptText, hasImages) => {
    const shape = shapeOf(body, dialect);
    expect(shape.promptText).toBe(promptText);
    expect(shape.hasImages).toBe(hasImages);
  });

  it('estimates tokens from all the text (system, messages, tools) at 4 characters a token, leaving base64 out', () => {
    const text = 'x'.repeat(4000);
    const plain = shapeOf({ model: 'm', system: text, messages: [{ role: 'user', content: text }] }, 'anthropic-messages');
    expect(plain.promptTokens).toBeGreaterThanOrEqual(2000);
    expect(plain.promptTokens).toBeLessThan(2010);
    const withImage = shapeOf(
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'A'.repeat(400_000) } }] }] },
      'anthropic-messages',
    );
    expect(withImage.promptTokens).toBeGreaterThanOrEqual(1000);
    expect(withImage.promptTokens).toBeLessThan(1010);
    const withTools = shapeOf({ model: 'm', messages: [], tools: [{ name: 'n', description: 'd'.repeat(400) }] }, 'openai-chat');
    expect(withTools.promptTokens).toBeGreaterThanOrEqual(100);
  });

  it('reads a body once', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(shapeOf(body, 'openai-chat')).toBe(shapeOf(body, 'openai-chat'));
  });

  it('reads the same from an outline, where long strings are placeholders, as from the whole body', () => {
    const prose = 'Plain prose for the estimate, long enough to be left out of the outline. '.repeat(200);
    const fancy = 'Ünïcode prose, "quoted" and\nsplit over lines; 世界 '.repeat(2_000);
    const body = {
      model: 'auto',
      system: [{ type: 'text', text: prose }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Describe' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'A'.repeat(300_000) } }] },
        { role: 'assistant', content: 'x'.repeat(5_000) },
        { role: 'user', content: [{ type: 'text', text: prose }, { type: 'text', text: 'and summarise' }] },
      ],
      tools: [{ name: 'n', description: 'd'.repeat(300), input_schema: { type: 'object' } }],
    };
    const shapeOfOutline = (json: object) => {
      const outline = outlineOf(Buffer.from(JSON.stringify(json)))!;
      expect(JSON.stringify(outline.json)).not.toContain('AAAA');
      return readRequestShape({ outline: outline.json as Record<string, unknown>, longStrings: outline.longStrings }, 'anthropic-messages');
    };
    const fromOutline = shapeOfOutline(body);
    const whole = shapeOf(body, 'anthropic-messages');
    expect(fromOutline.promptTokens).toBe(whole.promptTokens);
    expect(fromOutline.hasImages).toBe(true);
    expect(fromOutline.promptText).toBe(`${prose}\nand summarise`);
    const withFancyText = { ...body, messages: [...body.messages.slice(0, 2), { role: 'user', content: fancy }] };
    expect(shapeOfOutline(withFancyText).promptText).toBe(fancy);
  });
});
