import { describe, expect, it } from 'vitest';
import { GatewayError } from '@gatehouse/translate';
import { HeldOutput } from './held-output';

describe('HeldOutput', () => {
  it('holds lifecycle output until the first content, then lets everything flow in order', async () => {
    const out: string[] = [];
    const held = new HeldOutput((chunk) => out.push(String(chunk)));
    held.write('start', false);
    held.write('role', false);
    expect(out).toEqual([]);
    held.write('hello', true);
    held.write('world', false);
    expect(out).toEqual(['start', 'role', 'hello', 'world']);
    await expect(held.committed).resolves.toBeUndefined();
  });

  it('fails early, discarding what it held, so another target can be tried', async () => {
    const out: string[] = [];
    const held = new HeldOutput((chunk) => out.push(String(chunk)));
    held.write('start', false);
    expect(held.failEarly(new GatewayError('overloaded', 'busy', { status: 529 }))).toBe(true);
    held.write('late', true);
    expect(out).toEqual([]);
    await expect(held.committed).rejects.toMatchObject({ code: 'overloaded' });
  });

  it('cannot fail early once content has flowed', () => {
    const held = new HeldOutput(() => undefined);
    held.write('content', true);
    expect(held.failEarly(new GatewayError('upstream', 'cut'))).toBe(false);
  });
});
