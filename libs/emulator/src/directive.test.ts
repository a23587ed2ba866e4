import { describe, expect, it } from 'vitest';
import { findDirective } from './directive';

describe('findDirective', () => {
  it('finds a directive anywhere in the text and returns the text without it', () => {
    expect(findDirective('please [[emulate {"text":"hi"}]] now')).toEqual({ behaviour: { text: 'hi' }, remainingText: 'please  now' });
  });

  it('keeps nested arrays and brackets inside strings intact', () => {
    const found = findDirective('[[emulate {"tool_calls":[{"name":"f","arguments":{"a":[[1]],"s":"}]]"}}]}]]');
    expect(found?.behaviour).toEqual({ tool_calls: [{ name: 'f', arguments: { a: [[1]], s: '}]]' } }] });
    expect(found?.remainingText).toBe('');
  });

  it('allows whitespace and newlines around the JSON', () => {
    expect(findDirective('[[emulate\n  {"chunks": 2}\n]]')?.behaviour).toEqual({ chunks: 2 });
  });

  it('ignores malformed directives and finds a later valid one', () => {
    expect(findDirective('[[emulate {bad json}]] and [[emulate {"text":"ok"}]]')?.behaviour).toEqual({ text: 'ok' });
    expect(findDirective('[[emulate ["not", "an object"]]]')).toBeUndefined();
    expect(findDirective('[[emulate {"text":"unclosed"}')).toBeUndefined();
    expect(findDirective('no directive here')).toBeUndefined();
  });
});
