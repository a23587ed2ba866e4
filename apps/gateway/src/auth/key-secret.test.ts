import { describe, expect, it } from 'vitest';
import { generateKeySecret, hashKeySecret } from './key-secret';

describe('generateKeySecret', () => {
  it('makes a gk_live_ key with a visible prefix and the sha256 of the secret', () => {
    const { secret, hash, prefix } = generateKeySecret();
    expect(secret).toMatch(/^gk_live_[A-Za-z0-9_-]{32}$/);
    expect(prefix).toBe(secret.slice(0, 12));
    expect(hash).toBe(hashKeySecret(secret));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret.slice(8));
  });

  it('never makes the same key twice', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateKeySecret().secret));
    expect(secrets.size).toBe(1000);
  });
});
