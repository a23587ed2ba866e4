import { describe, expect, it } from 'vitest';
import { startupV8Flags } from './startup-v8-flags';

describe('startupV8Flags', () => {
  it('caps old-generation growth and stops pretenuring everywhere, and turns concurrent marking off on a single core only', () => {
    expect(startupV8Flags(2, [])).toEqual(['--heap-growing-percent=50', '--no-allocation-site-pretenuring']);
    expect(startupV8Flags(1, [])).toEqual(['--heap-growing-percent=50', '--no-allocation-site-pretenuring', '--no-concurrent-marking']);
  });

  it('leaves a flag that node was started with to node, in any spelling', () => {
    expect(startupV8Flags(1, ['--heap-growing-percent=80', '--concurrent-marking', '--allocation-site-pretenuring'])).toEqual([]);
    expect(startupV8Flags(1, ['--no-concurrent-marking'])).toEqual(['--heap-growing-percent=50', '--no-allocation-site-pretenuring']);
    expect(startupV8Flags(1, ['--heap_growing_percent=80', '--concurrent_marking', '--allocation_site_pretenuring'])).toEqual([]);
    expect(startupV8Flags(1, ['--max-old-space-size=512'])).toEqual(['--heap-growing-percent=50', '--no-allocation-site-pretenuring', '--no-concurrent-marking']);
  });
});
