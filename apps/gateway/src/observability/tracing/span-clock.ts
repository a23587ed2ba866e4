import { type HrTime } from '@opentelemetry/api';

const NANOS_PER_MILLI = 1e6;
const NANOS_PER_SECOND = 1e9;
/** How far the wall clock may move away from the monotonic one before span times follow it. */
const CLOCK_DRIFT_ALLOWED_MS = 2;
const CLOCK_CHECK_INTERVAL_MS = 60_000;

/**
 * Turns performance.now() readings into wall-clock time: performance.timeOrigin plus the reading, corrected when the
 * system clock has been set (NTP stepping it, a virtual machine resumed) while the monotonic one ran on: spans must line
 * up with other services'. Date.now() has millisecond resolution, so it only corrects; the sub-millisecond part stays monotonic.
 */
class SpanClock {
  private offsetMs = performance.timeOrigin;
  private checkedAt = -Infinity;

  /** What to add to a performance.now() reading near `performanceMs` to get milliseconds since the epoch. */
  epochOffsetAt(performanceMs: number): number {
    if (performanceMs - this.checkedAt > CLOCK_CHECK_INTERVAL_MS) this.check();
    return this.offsetMs;
  }

  private check(): void {
    const now = performance.now();
    const drift = Date.now() - (this.offsetMs + now);
    if (Math.abs(drift) > CLOCK_DRIFT_ALLOWED_MS) this.offsetMs += drift;
    this.checkedAt = now;
  }
}

export const spanClock = new SpanClock();

/** Milliseconds (since the epoch, or a duration) as an HrTime. */
export function hrTimeOf(epochMs: number): HrTime {
  let seconds = Math.floor(epochMs / 1000);
  let nanos = Math.round((epochMs - seconds * 1000) * NANOS_PER_MILLI);
  if (nanos >= NANOS_PER_SECOND) {
    seconds += 1;
    nanos -= NANOS_PER_SECOND;
  }
  return [seconds, nanos];
}
