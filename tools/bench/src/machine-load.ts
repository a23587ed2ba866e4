import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PinnedProcess } from './pinned-process';
import { cpuTickMicros } from './process-stats';

/** Cores of other people's work during a measurement above which the report marks it as disturbed. */
export const FOREIGN_LOAD_WARNING = 0.15;

/** CPU time all cores spent busy since boot, from the first line of /proc/stat (guest time is inside user). */
function machineBusyMicros(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) * cpuTickMicros();
}

function oursMicros(): number {
  const self = process.cpuUsage();
  return PinnedProcess.totalCpuMicros() + self.user + self.system;
}

/** How busy the machine was, and how much of that was not the benchmark's own processes, over a span. */
export interface MachineLoad {
  seconds: number;
  /** Cores busy on average. */
  busyCores: number;
  /** Cores busy on average with processes the benchmark did not start (other people's builds and tests). */
  foreignCores: number;
}

/** Measures the machine's load over a span: `const stop = measureMachineLoad(); …; const load = stop();`. */
export function measureMachineLoad(): () => MachineLoad {
  const started = performance.now();
  const busyBefore = machineBusyMicros();
  const oursBefore = oursMicros();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const busy = (machineBusyMicros() - busyBefore) / 1e6 / seconds;
    const ours = (oursMicros() - oursBefore) / 1e6 / seconds;
    return { seconds, busyCores: busy, foreignCores: Math.max(0, busy - ours) };
  };
}
