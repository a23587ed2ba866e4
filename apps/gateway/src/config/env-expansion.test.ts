import { describe, expect, it } from 'vitest';
import { expandEnv, InvalidEnvReferenceError } from './env-expansion';

describe('expandEnv', () => {
  const env = { KEY: 'sk-123', EMPTY: '', HOST: 'db.internal' };

  it.each([
    ['${KEY}', 'sk-123', []],
    ['Bearer ${KEY}', 'Bearer sk-123', []],
    ['postgres://u@${HOST}:5432/${DB:-gatehouse}', 'postgres://u@db.internal:5432/gatehouse', []],
    ['${UNSET}', '', ['UNSET']],
    ['${UNSET}-${UNSET}-${OTHER}', '--', ['UNSET', 'OTHER']],
    ['${UNSET:-fallback}', 'fallback', []],
    ['${UNSET:-}', '', []],
    ['${UNSET:-two words here}', 'two words here', []],
    ['${UNSET:-a:b}', 'a:b', []],
    ['${EMPTY:-used when empty}', 'used when empty', []],
    ['${EMPTY}', '', []],
    ['${KEY:-ignored}', 'sk-123', []],
    ['$${KEY}', '${KEY}', []],
    ['cost $5 and $KEY', 'cost $5 and $KEY', []],
    ['$$', '$$', []],
    ['no references', 'no references', []],
  ])('%s → %j', (text, value, missing) => {
    expect(expandEnv(text, env)).toEqual({ value, missing });
  });

  it('does not expand what a value expands to', () => {
    expect(expandEnv('${NESTED}', { NESTED: '${KEY}', KEY: 'x' }).value).toBe('${KEY}');
  });

  it.each(['${KEY', 'a ${', '${}', '${1ABC}', '${KEY:default}', '${A B}'])('rejects the malformed reference %s', (text) => {
    expect(() => expandEnv(text, env)).toThrow(InvalidEnvReferenceError);
  });
});
