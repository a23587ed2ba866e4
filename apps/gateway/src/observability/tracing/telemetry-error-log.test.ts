import { describe, expect, it } from 'vitest';
import { telemetryErrorLog } from './telemetry-error-log';

describe('telemetryErrorLog', () => {
  it('logs the first error at once, then at most one line a minute that counts the errors left out', () => {
    const lines: string[] = [];
    let now = 1_000_000;
    const report = telemetryErrorLog({ warn: (line) => lines.push(line) }, () => now);

    report(new Error('Service Unavailable'));
    now += 1_000;
    report(new Error('Service Unavailable'));
    now += 30_000;
    report('connect ECONNREFUSED 127.0.0.1:4318');
    expect(lines).toEqual(['OpenTelemetry export or SDK error: Service Unavailable']);

    now += 29_000;
    report(new Error('Bad Request'));
    expect(lines).toEqual([
      'OpenTelemetry export or SDK error: Service Unavailable',
      'OpenTelemetry export or SDK error: Bad Request (and 2 more in the last minute)',
    ]);
    now += 60_000;
    report({ code: 14 });
    expect(lines.at(-1)).toBe('OpenTelemetry export or SDK error: {"code":14}');
  });
});
