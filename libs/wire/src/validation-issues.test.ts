import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { integerSchema, jsonObjectSchema, positiveIntegerSchema } from './field-schemas';
import { openUnion } from './open-union';
import { createRequestValidator } from './request-validator';
import { formatIssuePath } from './validation-issues';

describe('formatIssuePath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['model'], 'model'],
    [['messages', 0, 'role'], 'messages[0].role'],
    [['messages', 3, 'content', 1, 'source', 'data'], 'messages[3].content[1].source.data'],
    [['metadata', 'user-id'], 'metadata["user-id"]'],
    [[0], '[0]'],
  ])('%j → %s', (path, formatted) => {
    expect(formatIssuePath(path)).toBe(formatted);
  });
});

describe('validation messages', () => {
  const validate = createRequestValidator(
    z.looseObject({
      name: z.string(),
      count: integerSchema.optional(),
      size: positiveIntegerSchema.optional(),
      ratio: z.number().optional(),
      flag: z.boolean().optional(),
      tags: z.array(z.string()).min(1).optional(),
      mode: z.enum(['fast', 'slow']).optional(),
      kind: z.literal('only').optional(),
      schema: jsonObjectSchema.optional(),
      content: z.union([z.string(), z.array(openUnion({ text: z.looseObject({ type: z.literal('text'), text: z.string() }) })), z.null()]).optional(),
    }),
  );

  it.each<[string, unknown, string, string]>([
    ['a missing field', {}, 'name', 'required'],
    ['a string', { name: 1 }, 'name', 'expected a string'],
    ['an integer given a string', { name: 'n', count: '3' }, 'count', 'expected an integer'],
    ['an integer given a fraction', { name: 'n', count: 1.5 }, 'count', 'expected an integer'],
    ['a minimum', { name: 'n', size: 0 }, 'size', 'must be at least 1'],
    ['a number', { name: 'n', ratio: 'half' }, 'ratio', 'expected a number'],
    ['a boolean', { name: 'n', flag: 'yes' }, 'flag', 'expected a boolean'],
    ['an array', { name: 'n', tags: 'a' }, 'tags', 'expected an array'],
    ['an array element', { name: 'n', tags: ['a', 2] }, 'tags[1]', 'expected a string'],
    ['a non-empty array', { name: 'n', tags: [] }, 'tags', 'must have at least 1 item'],
    ['an enum', { name: 'n', mode: 'medium' }, 'mode', 'expected one of "fast", "slow"'],
    ['a literal', { name: 'n', kind: 'other' }, 'kind', 'expected "only"'],
    ['an object that is not copied', { name: 'n', schema: [] }, 'schema', 'expected an object'],
    ['a union of types', { name: 'n', content: 5 }, 'content', 'expected a string, an array or null'],
    ['inside the union branch that took the value', { name: 'n', content: [{ type: 'text', text: 'a' }, { type: 'text' }] }, 'content[1].text', 'required'],
    ['an open-union member without type', { name: 'n', content: [{ text: 'a' }] }, 'content[0].type', 'required'],
  ])('%s', (_name, body, path, message) => {
    expect(validate(body)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('reports every issue, in field order', () => {
    const result = validate({ count: 'x', content: [{ type: 'text', text: 1 }, { type: 'text', text: 2 }] });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'name', message: 'required' },
        { path: 'count', message: 'expected an integer' },
        { path: 'content[0].text', message: 'expected a string' },
        { path: 'content[1].text', message: 'expected a string' },
      ],
    });
  });

  it.each([undefined, null, '', 'text', 42, true, [], [{ name: 'n' }]])('rejects a body that is not a JSON object: %j', (body) => {
    expect(validate(body)).toEqual({ ok: false, issues: [{ path: '', message: 'expected a JSON object' }] });
  });

  it('returns the value, unknown fields included', () => {
    expect(validate({ name: 'n', extra: { deep: [1] } })).toEqual({ ok: true, value: { name: 'n', extra: { deep: [1] } } });
  });
});
