import { describe, expect, it } from 'vitest';
import { presentedKey } from './presented-key';

describe('presentedKey', () => {
  it.each([
    [{ authorization: 'Bearer gk_live_abc' }, 'gk_live_abc'],
    [{ authorization: 'bearer   gk_live_abc ' }, 'gk_live_abc'],
    [{ 'x-api-key': 'gk_live_abc' }, 'gk_live_abc'],
    [{ authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'gk_live_abc' }, 'gk_live_abc'],
    [{ authorization: 'Bearer first', 'x-api-key': 'second' }, 'first'],
    [{ authorization: 'Bearer' }, undefined],
    [{ 'x-api-key': '  ' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(presentedKey(headers)).toBe(expected);
  });
});
