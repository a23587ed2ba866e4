import { describe, expect, it } from 'vitest';
import { findTopLevelModel, spliceModel } from './model-splice';

describe('spliceModel', () => {
  it.each([
    ['{"model":"a","messages":[]}', '{"model":"upstream-x","messages":[]}'],
    ['{ "messages": [{"role":"user","content":"say \\"model\\": \\"a\\""}], "model" : "a" }', '{ "messages": [{"role":"user","content":"say \\"model\\": \\"a\\""}], "model" : "upstream-x" }'],
    ['{"metadata":{"model":"a"},"model":"a"}', '{"metadata":{"model":"a"},"model":"upstream-x"}'],
    ['{"tools":[{"name":"model","input_schema":{"model":{"type":"string"}}}],"model":"a","x":1}', '{"tools":[{"name":"model","input_schema":{"model":{"type":"string"}}}],"model":"upstream-x","x":1}'],
    ['{"a":"\\\\","model":"a"}', '{"a":"\\\\","model":"upstream-x"}'],
    ['{"a":"é世界","model":"a"}', '{"a":"é世界","model":"upstream-x"}'],
  ])('replaces only the top-level model of %s', (input, expected) => {
    const out = spliceModel(Buffer.from(input), 'a', 'upstream-x').toString();
    expect(out).toBe(expected);
    expect(JSON.parse(out)).toEqual({ ...JSON.parse(input), model: 'upstream-x' });
  });

  it('returns the same buffer when the names are equal', () => {
    const body = Buffer.from('{"model":"a"}');
    expect(spliceModel(body, 'a', 'a')).toBe(body);
  });

  it('escapes the new model as JSON', () => {
    expect(JSON.parse(spliceModel(Buffer.from('{"model":"a"}'), 'a', 'org/"q"').toString()).model).toBe('org/"q"');
  });

  it('finds nothing when there is no top-level model', () => {
    expect(findTopLevelModel(Buffer.from('{"x":{"model":"a"}}'))).toBeUndefined();
  });
});
