import { describe, expect, it } from 'vitest';
import { type CpuProfile, mainThreadProfile, summarizeCpuProfile } from './cpu-profile-summary';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 9, columnNumber: 0 },
  children,
});

// root → handle (apps) → parse (libs) → JSON.parse (native); handle → write (undici); plus (idle) and (garbage collector).
const profile: CpuProfile = {
  nodes: [
    frame(1, '(root)', '', [2, 6, 7]),
    frame(2, 'handle', 'file:///repo/apps/gateway/src/proxy/proxy.service.ts', [3, 5]),
    frame(3, 'parse', 'file:///repo/libs/translate/src/decode.ts', [4]),
    frame(4, 'JSON.parse', ''),
    frame(5, 'write', 'file:///repo/node_modules/undici/lib/core/request.js'),
    frame(6, '(idle)', ''),
    frame(7, '(garbage collector)', ''),
  ],
  startTime: 0,
  endTime: 0,
  // One sample per millisecond, at 1 ms, 2 ms, …; the first two fall in the skipped start-up.
  samples: [3, 3, 4, 4, 4, 3, 5, 2, 6, 6, 7],
  timeDeltas: Array.from({ length: 11 }, () => 1000),
};

describe('summarizeCpuProfile', () => {
  const summary = summarizeCpuProfile(profile, 2.5);
  const self = (name: string) => summary.self.find((spot) => spot.name === name)?.ms;
  const total = (name: string) => summary.total.find((spot) => spot.name === name)?.ms;

  it('leaves out the samples before skipMs and idle time from the busy time', () => {
    expect(summary.idleMs).toBe(2);
    expect(summary.busyMs).toBe(7);
  });

  it('gives each function its own samples as self time, hottest first', () => {
    expect(summary.self[0]).toMatchObject({ name: 'JSON.parse', ms: 3, group: '(native)' });
    expect(self('parse')).toBe(1);
    expect(self('write')).toBe(1);
    expect(self('handle')).toBe(1);
    expect(self('(garbage collector)')).toBe(1);
    expect(summary.self[0]!.percent).toBeCloseTo((3 / 7) * 100, 6);
  });

  it('adds callees into the total time of the repository’s own functions only', () => {
    expect(total('handle')).toBe(6);
    expect(total('parse')).toBe(4);
    expect(total('write')).toBeUndefined();
  });

  it('groups frames by package and repository folder', () => {
    const groups = Object.fromEntries(summary.groups.map((group) => [group.group, group.ms]));
    expect(groups).toMatchObject({ '(native)': 3, 'libs/translate/src': 1, 'apps/gateway/src/proxy': 1, undici: 1 });
  });
});

describe('mainThreadProfile', () => {
  it('picks the main thread’s profile of the gateway, not its export thread’s, whichever was written last', () => {
    const written = ['CPU.20261206.225959.13624.0.001.cpuprofile', 'CPU.20261206.230004.13624.1.002.cpuprofile', 'profile.md'];
    expect(mainThreadProfile(written)).toBe('CPU.20261206.225959.13624.0.001.cpuprofile');
    expect(mainThreadProfile(['CPU.20261206.230004.13624.1.002.cpuprofile'])).toBeUndefined();
  });
});
