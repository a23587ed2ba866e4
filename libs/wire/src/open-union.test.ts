import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openUnion } from './open-union';

const block = openUnion({
  text: z.looseObject({ type: z.literal('text'), text: z.string() }),
  image: z.looseObject({ type: z.literal('image'), url: z.string() }),
});

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('openUnion', () => {
  it('accepts known members and keeps their unknown fields', () => {
    expect(block.parse({ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } })).toEqual({
      type: 'text',
      text: 'hi',
      cache_control: { type: 'ephemeral' },
    });
  });

  it('lets an object of an unknown type through untouched', () => {
    const future = { type: 'container_upload', file_id: 'f1', nested: { a: [1, 2] } };
    expect(block.parse(future)).toEqual(future);
  });

  it('checks an object of a known type against its member', () => {
    expect(issuesOf(block, { type: 'image', url: 42 })).not.toEqual([]);
    expect(issuesOf(block, { type: 'text' })).not.toEqual([]);
  });

  it('requires a string type unless told how to infer it', () => {
    expect(block.safeParse({ text: 'hi' }).success).toBe(false);
    expect(block.safeParse({ type: 7 }).success).toBe(false);
    expect(block.safeParse('text').success).toBe(false);
  });

  describe('with typeOf', () => {
    const item = openUnion(
      {
        message: z.looseObject({ type: z.literal('message').nullish(), role: z.string(), content: z.string() }),
        item_reference: z.looseObject({ type: z.literal('item_reference').nullish(), id: z.string() }),
      },
      { typeOf: (value) => ('role' in value ? 'message' : 'item_reference') },
    );

    it('uses it for objects without a type', () => {
      expect(item.parse({ role: 'user', content: 'hi' })).toEqual({ role: 'user', content: 'hi' });
      expect(item.parse({ id: 'msg_1' })).toEqual({ id: 'msg_1' });
      expect(item.safeParse({ role: 'user', content: 5 }).success).toBe(false);
      expect(item.safeParse({ role: 'user' }).success).toBe(false);
    });

    it('still dispatches on an explicit type', () => {
      expect(item.parse({ type: 'message', role: 'user', content: 'hi' })).toEqual({ type: 'message', role: 'user', content: 'hi' });
      expect(item.safeParse({ type: 'item_reference' }).success).toBe(false);
      expect(item.parse({ type: 'web_search_call', id: 'ws_1' })).toEqual({ type: 'web_search_call', id: 'ws_1' });
    });
  });
});

describe('openUnion construction', () => {
  it('refuses a member filed under a type it does not accept', () => {
    expect(() => openUnion({ text: z.looseObject({ type: z.literal('txt'), text: z.string() }) })).toThrow('member "text"');
  });
});
