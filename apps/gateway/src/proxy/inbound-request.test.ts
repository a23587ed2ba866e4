import { describe, expect, it } from 'vitest';
import { type GatewayError } from '@gatehouse/translate';
import { readInboundRequest } from './inbound-request';

const prompt = 'word '.repeat(30_000);
const large = { model: 'qwen', messages: [{ role: 'user', content: prompt }], max_tokens: 64, stream: true };
const largeBody = Buffer.from(JSON.stringify(large));

describe('readInboundRequest', () => {
  it('reads a large body of a model that only passes through from its outline, and parses it whole only when asked', () => {
    const asked: string[] = [];
    const inbound = readInboundRequest('openai-chat', largeBody, (model) => (asked.push(model), true));
    expect(asked).toEqual(['qwen']);
    expect(inbound.longStrings).toBeDefined();
    expect(inbound).toMatchObject({ model: 'qwen', stream: true });
    expect(inbound.raw).toBe(largeBody);
    const outlined = (inbound.outline.messages as { content: string }[])[0]!.content;
    expect(outlined.length).toBeLessThan(100);
    expect(inbound.longStrings!.resolve(outlined)).toBe(prompt);
    expect(inbound.json).toEqual(large);
  });

  it('reads it whole when the model may be translated, on the Responses API, and when it is small', () => {
    expect(readInboundRequest('openai-chat', largeBody, () => false).longStrings).toBeUndefined();
    expect(readInboundRequest('openai-chat', largeBody).longStrings).toBeUndefined();
    const small = Buffer.from(JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content: 'x'.repeat(1_000) }] }));
    const inbound = readInboundRequest('openai-chat', small, () => true);
    expect(inbound.longStrings).toBeUndefined();
    expect(inbound.json).toBe(inbound.outline);
    const responses = Buffer.from(JSON.stringify({ model: 'qwen', input: prompt }));
    expect(readInboundRequest('openai-responses', responses, () => true).longStrings).toBeUndefined();
  });

  it('names a wrong field of a large body; a long string that is not valid JSON is a 400 once the body is read whole', () => {
    const wrong = Buffer.from(JSON.stringify({ ...large, max_tokens: 'ten' }));
    expect(() => readInboundRequest('openai-chat', wrong, () => true)).toThrow(expect.objectContaining({ param: 'max_tokens' }) as GatewayError);
    const controlCharacter = Buffer.from(`{"model":"qwen","messages":[{"role":"user","content":"${prompt}\u0001"}]}`);
    expect(() => readInboundRequest('openai-chat', controlCharacter, () => false)).toThrow(/not valid JSON/);
    const outlined = readInboundRequest('openai-chat', controlCharacter, () => true);
    expect(() => outlined.json).toThrow(expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('not valid JSON') as string }) as GatewayError);
  });
});
