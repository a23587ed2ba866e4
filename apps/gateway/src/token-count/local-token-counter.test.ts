import { describe, expect, it } from 'vitest';
import { type CanonicalRequest } from '@gatehouse/translate';
import { png } from './image-headers.fixture';
import { countRequestTokens } from './local-token-counter';

const base: CanonicalRequest = { model: 'm', system: [], messages: [], stream: false };
const text = (value: string) => ({ type: 'text' as const, text: value });

describe('countRequestTokens', () => {
  it('counts text with a real tokenizer, plus framing per message', async () => {
    const one = await countRequestTokens({ ...base, messages: [{ role: 'user', content: [text('hello world')] }] });
    expect(one).toBe(2 + 4);
    const longer = await countRequestTokens({ ...base, messages: [{ role: 'user', content: [text('hello world '.repeat(100))] }] });
    expect(longer).toBeGreaterThan(150);
  });

  it('counts system, tools and tool results', async () => {
    const bare = await countRequestTokens({ ...base, messages: [{ role: 'user', content: [text('x')] }] });
    const full = await countRequestTokens({
      ...base,
      system: [text('You are a careful assistant.')],
      tools: [{ name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      messages: [
        { role: 'user', content: [text('x')] },
        { role: 'assistant', content: [{ type: 'tool_call', id: 't1', name: 'get_weather', arguments: { city: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', toolCallId: 't1', content: [text('sunny, 21 degrees')] }] },
      ],
    });
    expect(full - bare).toBeGreaterThan(30);
  });

  it('counts a base64 image by its size, scaled to the long-edge limit', async () => {
    const image = (width: number, height: number) => ({
      ...base,
      messages: [{ role: 'user' as const, content: [{ type: 'image' as const, source: { type: 'base64' as const, mediaType: 'image/png', data: png(width, height).toString('base64') } }] }],
    });
    expect(await countRequestTokens(image(750, 100))).toBe(4 + 100);
    expect(await countRequestTokens(image(3136, 3136))).toBe(4 + Math.ceil((1568 * 1568) / 750));
  });

  it('refuses to guess for an image given by URL', async () => {
    const request: CanonicalRequest = {
      ...base,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }] }],
    };
    await expect(countRequestTokens(request)).rejects.toMatchObject({ status: 422, code: 'invalid_request' });
  });
});
