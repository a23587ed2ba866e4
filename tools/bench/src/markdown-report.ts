import { type BenchResults, type FixedRateMeasurement, type MaxThroughputMeasurement, type Measurement } from './bench-results';
import { SCENARIOS, STREAM_CHUNK_DELAY_MS, STREAM_CHUNKS } from './bench-scenarios';
import { FEATURE_LABEL, type Feature, TELEMETRY_OFF, TELEMETRY_ON } from './gateway-variants';
import { FOREIGN_LOAD_WARNING } from './machine-load';
import { checkTargets, heldBackReason } from './target-checks';

const number = (value: number | undefined, digits = 2) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
const signed = (value: number | undefined, digits = 2) =>
  value === undefined || !Number.isFinite(value) ? '—' : `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const whole = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '—' : Math.round(value).toLocaleString('en-US');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
/** A table head: the first `leftColumns` columns are text (left-aligned), the others numbers. */
const header = (cells: string[], leftColumns = 1) => [row(cells), row(cells.map((_, index) => (index < leftColumns ? '---' : '---:')))];
const VERDICT = { pass: '✅ pass', miss: '❌ miss', 'not measured': '— not measured' } as const;

function targetName(measurement: Measurement): string {
  const name = measurement.target.kind === 'gateway' ? `gateway: ${measurement.target.label}` : measurement.target.label;
  return measurement.foreignCores > FOREIGN_LOAD_WARNING ? `${name} ⚠` : name;
}

function errors(measurement: { completed: number; failed: number; firstError?: string }): string {
  if (measurement.failed === 0) return '0';
  return `${measurement.failed}${measurement.firstError ? ` (${measurement.firstError.replaceAll('|', '/')})` : ''}`;
}

function fixedRateTable(measurements: FixedRateMeasurement[]): string[] {
  const streaming = measurements.some((measurement) => measurement.timeToFirstTokenMs);
  const direct = (measurement: FixedRateMeasurement) =>
    measurements.find((other) => other.target.kind === 'direct' && other.target.upstream === measurement.target.upstream);
  if (streaming) {
    const lines = header(['target', 'answers/s', 'TTFT p50 ms', 'TTFT p99 ms', 'added TTFT p50', 'added TTFT p99', 'stream p50 ms', 'content events', 'first→last p50 ms', 'held back', 'CPU µs/req', 'errors']);
    for (const measurement of measurements) {
      const held = measurement.target.kind === 'direct' ? '' : (heldBackReason(measurement, direct(measurement)) ?? 'no');
      lines.push(
        row([
          targetName(measurement),
          number(measurement.achievedRate, 0),
          number(measurement.timeToFirstTokenMs?.p50),
          number(measurement.timeToFirstTokenMs?.p99),
          signed(measurement.timeToFirstTokenOverheadMs?.p50),
          signed(measurement.timeToFirstTokenOverheadMs?.p99),
          number(measurement.latencyMs.p50, 1),
          number(measurement.contentEventsPerStream, 1),
          number(measurement.contentSpreadP50Ms, 1),
          held,
          whole(measurement.cpuMicrosPerRequest),
          errors(measurement),
        ]),
      );
    }
    return lines;
  }
  const lines = header(['target', 'answers/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'added p50', 'added p99', 'CPU µs/req', 'errors']);
  for (const measurement of measurements) {
    lines.push(
      row([
        targetName(measurement),
        number(measurement.achievedRate, 0),
        number(measurement.latencyMs.p50),
        number(measurement.latencyMs.p90),
        number(measurement.latencyMs.p99),
        number(measurement.latencyMs.max, 1),
        signed(measurement.overheadMs?.p50),
        signed(measurement.overheadMs?.p99),
        whole(measurement.cpuMicrosPerRequest),
        errors(measurement),
      ]),
    );
  }
  return lines;
}

function maxThroughputTable(measurements: MaxThroughputMeasurement[]): string[] {
  const floor = (measurement: MaxThroughputMeasurement) =>
    measurements.find((other) => other.target.kind === 'floor' && other.target.upstream === measurement.target.upstream);
  const lines = header(['target', 'answers/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'req/s per core', '× floor CPU', 'errors']);
  for (const measurement of measurements) {
    const floorCpu = floor(measurement)?.cpuMicrosPerRequest;
    const ratio = measurement.cpuMicrosPerRequest && floorCpu && measurement.target.kind === 'gateway' ? measurement.cpuMicrosPerRequest / floorCpu : undefined;
    lines.push(
      row([
        targetName(measurement),
        whole(measurement.requestsPerSecond),
        number(measurement.latencyP50Ms),
        number(measurement.latencyP99Ms),
        whole(measurement.cpuMicrosPerRequest),
        whole(measurement.requestsPerCoreSecond),
        ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
        errors(measurement),
      ]),
    );
  }
  return lines;
}

function scenarioSections(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const scenario of SCENARIOS) {
    const measurements = results.measurements.filter((measurement) => measurement.phase === 'routes' && measurement.scenario === scenario.id);
    if (measurements.length === 0) continue;
    lines.push(`### ${scenario.label}`, '');
    lines.push(
      ...(scenario.kind === 'open-loop'
        ? fixedRateTable(measurements as FixedRateMeasurement[])
        : maxThroughputTable(measurements as MaxThroughputMeasurement[])),
      '',
    );
  }
  return lines;
}

/** How many rounds the telemetry comparison ran (undefined when it did not run). */
function telemetryRounds(results: BenchResults): number | undefined {
  return results.measurements.find(
    (measurement): measurement is FixedRateMeasurement => measurement.phase === 'telemetry' && measurement.scenario === 'json-1000',
  )?.roundP50Ms?.length;
}

function telemetrySection(results: BenchResults): string[] {
  const gateways = results.measurements.filter(
    (measurement): measurement is FixedRateMeasurement =>
      measurement.phase === 'telemetry' && measurement.scenario === 'json-1000' && measurement.target.kind === 'gateway',
  );
  if (gateways.length === 0) return [];
  const labelOf = (id: string | undefined) => results.variants.find((summary) => summary.variant.id === id)?.variant.label ?? id ?? '?';
  const offCpu = gateways.find((measurement) => measurement.target.variant === TELEMETRY_OFF)?.cpuMicrosPerRequest;
  const lines = [
    '## Telemetry (issue 7)',
    '',
    'OpenAI → OpenAI pass-through at 1,000 req/s, the variants taking turns every 2 s with the emulator called directly,',
    'each round starting one target further on, every other round in reverse order. Between both off and tracing with',
    'metrics: metrics alone (the full variant), and tracing that records one new trace in ten (`telemetry.sample_ratio: 0.1`).',
    '',
    ...header(['variant', 'added p50', 'added p99', 'p50 from round to round (sd)', 'CPU µs/req', 'Δ CPU vs both off', 'errors']),
  ];
  for (const measurement of gateways) {
    const cpu = measurement.cpuMicrosPerRequest;
    lines.push(
      row([
        labelOf(measurement.target.variant),
        signed(measurement.overheadMs?.p50),
        signed(measurement.overheadMs?.p99),
        number(standardDeviation(measurement.roundP50Ms)),
        whole(cpu),
        cpu === undefined || offCpu === undefined || measurement.target.variant === TELEMETRY_OFF ? '' : signed(cpu - offCpu, 0),
        errors(measurement),
      ]),
    );
  }
  const on = gateways.find((measurement) => measurement.target.variant === TELEMETRY_ON);
  const off = gateways.find((measurement) => measurement.target.variant === TELEMETRY_OFF);
  const uncertainty = on && off ? standardErrorOfDifference(on.roundP50Ms, off.roundP50Ms) : undefined;
  if (uncertainty !== undefined) {
    lines.push(
      '',
      `From the rounds' spread, the difference between ${labelOf(TELEMETRY_ON)} and both off is known to ±${number(uncertainty)} ms ` +
        `(one standard error over ${off!.roundP50Ms.length} rounds).`,
    );
  }
  return [...lines, ''];
}

/** Sample standard deviation; undefined for fewer than two values. */
function standardDeviation(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
}

/** The standard error of the difference between the means of two sets of rounds. */
function standardErrorOfDifference(a: readonly number[], b: readonly number[]): number | undefined {
  const sdA = standardDeviation(a);
  const sdB = standardDeviation(b);
  if (sdA === undefined || sdB === undefined) return undefined;
  return Math.sqrt(sdA ** 2 / a.length + sdB ** 2 / b.length);
}

function featureSection(results: BenchResults): string[] {
  if (!results.measurements.some((measurement) => measurement.phase === 'features')) return [];
  const lines = [
    '## Feature toggles (OpenAI → OpenAI pass-through)',
    '',
    'Each variant is the full configuration with one feature switched off (or swapped), so the difference to `full` is',
    'that feature’s own cost. Latency overheads are at 1,000 req/s against the emulator called directly; CPU per request',
    'is from both the 1,000 req/s run and the 64-connection run.',
    '',
    ...header(['variant', 'added p50', 'added p99', 'CPU µs/req at 1,000/s', 'CPU µs/req at 64 conns', 'Δ CPU vs full', 'req/s per core', 'idle RSS MB', 'peak RSS MB']),
  ];
  const fixed = (id: string) =>
    results.measurements.find(
      (measurement): measurement is FixedRateMeasurement => measurement.phase === 'features' && measurement.scenario === 'json-1000' && measurement.target.variant === id,
    );
  const max = (id: string) =>
    results.measurements.find(
      (measurement): measurement is MaxThroughputMeasurement =>
        measurement.phase === 'features' && measurement.scenario === 'max-throughput' && measurement.target.variant === id,
    );
  const floorFixed = results.measurements.find(
    (measurement): measurement is FixedRateMeasurement => measurement.phase === 'features' && measurement.scenario === 'json-1000' && measurement.target.kind === 'floor',
  );
  const floorMax = results.measurements.find(
    (measurement): measurement is MaxThroughputMeasurement => measurement.phase === 'features' && measurement.scenario === 'max-throughput' && measurement.target.kind === 'floor',
  );
  if (floorFixed || floorMax) {
    lines.push(
      row([
        'floor proxy (reference)',
        signed(floorFixed?.overheadMs?.p50),
        signed(floorFixed?.overheadMs?.p99),
        whole(floorFixed?.cpuMicrosPerRequest),
        whole(floorMax?.cpuMicrosPerRequest),
        '',
        whole(floorMax?.requestsPerCoreSecond),
        number(results.floor.idleRssMb, 0),
        number(results.floor.peakRssMb, 0),
      ]),
    );
  }
  const fullCpu = max('full')?.cpuMicrosPerRequest;
  for (const summary of results.variants) {
    if (!summary.available) {
      lines.push(row([summary.variant.label, `not available yet: ${summary.unavailableReason?.replace(/^not available yet: /, '').replaceAll('|', '/') ?? ''}`, '', '', '', '', '', '', '']));
      continue;
    }
    const atRate = fixed(summary.variant.id);
    const atMax = max(summary.variant.id);
    const delta = atMax?.cpuMicrosPerRequest !== undefined && fullCpu !== undefined && summary.variant.id !== 'full' ? atMax.cpuMicrosPerRequest - fullCpu : undefined;
    lines.push(
      row([
        summary.variant.label,
        signed(atRate?.overheadMs?.p50),
        signed(atRate?.overheadMs?.p99),
        whole(atRate?.cpuMicrosPerRequest),
        whole(atMax?.cpuMicrosPerRequest),
        delta === undefined ? '' : `${delta >= 0 ? '+' : ''}${Math.round(delta)}`,
        whole(atMax?.requestsPerCoreSecond),
        number(summary.idleRssMb, 0),
        number(summary.peakRssMb, 0),
      ]),
    );
  }
  lines.push('', '**Is each switched-on feature at work in this build?** (checked from the outside: a 401 without a key, `x-ratelimit-*` headers, `/metrics`, access-log lines, usage rows in SQLite after shutdown, OTLP exports received)', '');
  lines.push(...header(['variant', 'features'], 2));
  for (const summary of results.variants) {
    if (!summary.available) continue;
    const states = Object.entries(summary.features).map(
      ([feature, status]) => `${FEATURE_LABEL[feature as Feature]}: ${status.state === 'active' ? 'yes' : status.state === 'inactive' ? '**no**' : '?'} (${status.note})`,
    );
    lines.push(row([summary.variant.label, states.length ? states.join('; ').replaceAll('|', '/') : 'nothing switched on']));
  }
  lines.push('');
  return lines;
}

function memorySection(results: BenchResults): string[] {
  const full = results.variants.find((summary) => summary.variant.id === 'full');
  const lines = ['## Memory and start-up', ''];
  lines.push(...header(['process', 'RSS MB after start', 'idle RSS MB (20 s later)', 'peak RSS MB (VmHWM)']));
  if (full?.available) lines.push(row(['gateway, full variant', number(full.idleRssMb, 0), number(full.settledRssMb, 0), number(full.peakRssMb, 0)]));
  lines.push(row(['floor proxy', number(results.floor.idleRssMb, 0), number(results.floor.settledRssMb, 0), number(results.floor.peakRssMb, 0)]));
  lines.push('');
  if (results.startup) {
    const runs = results.startup.readyMs.map((ms, index) => `${ms.toFixed(0)} ms (${results.startup!.rssAtReadyMb[index]!.toFixed(0)} MB)`);
    lines.push(`Start-up to ready with the embedded default, from spawning node to the listening line, each in a fresh folder: ${runs.join(', ')}.`, '');
  }
  return lines;
}

function soakSection(results: BenchResults): string[] {
  const soak = results.soak;
  if (!soak) return [];
  const lines = [
    `## Soak: ${soak.seconds} s at ${soak.rate.toLocaleString('en-US')} req/s, the four routes in turn (full variant)`,
    '',
    ...header(['from s', 'answers', 'errors', 'p50 ms', 'p99 ms', 'CPU µs/req', 'RSS MB']),
  ];
  for (const segment of soak.segments) {
    lines.push(
      row([segment.startS.toFixed(0), whole(segment.completed), whole(segment.failed), number(segment.latencyMs.p50), number(segment.latencyMs.p99), whole(segment.cpuMicrosPerRequest), number(segment.rssMb, 0)]),
    );
  }
  const samples = soak.rssSamples.map((sample) => sample.rssMb);
  lines.push(
    '',
    `RSS sampled every 5 s: min ${number(Math.min(...samples), 0)} MB, max ${number(Math.max(...samples), 0)} MB, spread after the first segment ${soak.rssSpreadPercent.toFixed(1)}% (the saw-tooth of V8's heap between major collections). ` +
      `What stays after collection, the lowest sample of each segment after the first: ${soak.segmentFloorsMb.map((mb) => number(mb, 0)).join(', ')} MB, spread ${soak.floorSpreadPercent.toFixed(1)}%.`,
    '',
  );
  return lines;
}

function methodSection(results: BenchResults): string[] {
  const seconds = results.durationPerTargetS;
  return [
    '## Method',
    '',
    `- Processes: the upstream emulator in fast mode (fixed tiny replies, nothing recorded; streams of ${STREAM_CHUNKS} text chunks ${STREAM_CHUNK_DELAY_MS} ms apart),`,
    '  the reference **floor proxy** (`tools/bench/src/floor-proxy.ts`: node:http in, one undici keep-alive pool out, bytes',
    `  unchanged — the least any Node proxy can do), the gateway (\`${['node', ...(results.gatewayNodeFlags ?? []), 'dist/gateway/main.js'].join(' ')}\`, one process per variant), and the`,
    '  load generator, each its own process. ' +
      (results.pinned
        ? 'The gateway and the floor proxy are pinned to core 0 (`taskset -c 0`); the emulator, the load generator and the orchestrator to core 1.'
        : '**Not pinned** (taskset unavailable or fewer than 2 cores): figures are noisier.') +
      ' Redis, for the Redis-limits variant, is the machine’s own server, not pinned.',
    '- Only one target is loaded at a time. Each scenario warms every target up, then visits them in turn, ' +
      `${results.rounds} round(s) of ${number(seconds / results.rounds)} s each (${seconds} s per target in all; the 64-connection runs get half), so drift touches all alike. Gateway processes not under load (the other feature variants) are paused with SIGSTOP meanwhile, so that their timers do not share the target core.`,
    `- Issue 7’s telemetry cost is a paired run of its own: full + tracing and full − metrics (both off) alternate with the emulator called directly every 2 s, ${telemetryRounds(results) ?? 'several'} times, at 1,000 req/s; metrics alone and tracing at 10% sampling take their turns too.`,
    '- Fixed rates are **open loop**: an undici client sends on a fixed schedule whatever the answers do, with as many',
    '  keep-alive connections as needed, and each latency runs from the time the request was *due* to its last byte',
    `  (no coordinated omission). Timer granularity makes the generator send late by p50 ${number(results.sendLagMs.p50)} ms / p99 ${number(results.sendLagMs.p99)} ms;`,
    '  this lag is in every figure alike, the emulator’s own included, so it cancels out of the overheads.',
    '- Percentiles come from a log-linear histogram (exact below 256 µs, then 128 buckets per power of two: within 0.4%).',
    '- **Added** latency = target minus the emulator called directly, in the same scenario, for the dialect the target',
    '  sends upstream (a translation route from OpenAI to Anthropic is compared with the emulator’s Anthropic endpoint).',
    '- Time to first token = from the due time to the arrival of the first content event (a text, reasoning or tool-call',
    '  delta; not the role chunk, `message_start` or pings). “Held back” compares the content events per stream and the time',
    '  from the first to the last one with the emulator’s own.',
    `- CPU per request = the gateway’s (or floor proxy’s) utime + stime from /proc/PID/stat over the measured windows ÷ answers`,
    `  (tick ${number(results.cpuTickMicros, 0)} µs); req/s per core = 1 s ÷ that. On the emulator’s own rows it is the emulator’s: what a bare`,
    '  node:http server burns per request here. Maximum throughput is closed loop: autocannon, 64 connections.',
    '- RSS from /proc/PID/status: right after start and a few probe requests, then idle = 20 s later without traffic (V8 returns start-up garbage once the process is quiet); peak = VmHWM after all the load. Each target gets 3 s of warm-up load before the measured rounds of each scenario.',
    '- Routes: `bench-openai` and `bench-anthropic` are gateway models on an OpenAI-compatible and an Anthropic provider, both the emulator;',
    '  OpenAI clients call `/v1/chat/completions`, Anthropic clients `/v1/messages`. Bodies: a one-line chat (`max_tokens` 64),',
    '  the same streamed (Chat Completions with `stream_options.include_usage`), and a 130 KB user message.',
    '- Features are switched on and off only in the gateway’s YAML (see `tools/bench/src/gateway-variants.ts`); a key the',
    '  gateway does not know yet makes that variant “not available yet” instead of failing the run.',
    '',
  ];
}

/**
 * How fast the machine was on the day: what the floor proxy added at 1,000 req/s, beside the figures issue 8 gives for
 * the machine its targets were set on. The same machine kind varies from run to run, and every target moves with it.
 */
function floorSpeedRow(results: BenchResults): string[] {
  const floors = results.measurements.filter(
    (measurement): measurement is FixedRateMeasurement =>
      measurement.phase === 'routes' && measurement.scenario === 'json-1000' && measurement.target.kind === 'floor' && measurement.overheadMs !== undefined,
  );
  if (floors.length === 0) return [];
  const each = (pick: (floor: FixedRateMeasurement) => string) => floors.map(pick).join(' / ');
  return [
    row([
      'the floor proxy at 1,000 req/s (how fast the machine was)',
      `added p50 ${each((floor) => signed(floor.overheadMs!.p50))} ms, p99 ${each((floor) => signed(floor.overheadMs!.p99))} ms, ` +
        `${each((floor) => (floor.cpuMicrosPerRequest === undefined ? '—' : floor.cpuMicrosPerRequest.toFixed(0)))} µs CPU per request ` +
        '(issue 8’s machine: about +0.25 ms, +0.6 ms and 66 µs)',
    ]),
  ];
}

/** docs/benchmarks.md: the machine, the method, the targets with pass/miss marks, then every table. */
export function renderMarkdownReport(results: BenchResults): string {
  const machine = results.machine;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${results.quick ? ' -- --quick' : ''}\` (tools/bench) on ${results.finishedAt.slice(0, 16).replace('T', ' ')} UTC; gateway at ${machine.commit}.`,
    ...(results.quick ? ['', '> **Quick run**: durations of a fraction of a second per target, so the figures are only a smoke test and no target is judged.'] : []),
    '',
    '## Machine',
    '',
    ...header(['', ''], 2),
    row(['CPU', machine.cpuModel]),
    row(['cores', String(machine.cores)]),
    row(['memory', `${machine.memoryGb} GB`]),
    row(['kernel', machine.kernel]),
    row(['Node.js', machine.node]),
    row([
      'load during the run',
      `${results.machineLoad.busyCores.toFixed(2)} cores busy on average, ${results.machineLoad.foreignCores.toFixed(2)} of them by processes the benchmark did not start`,
    ]),
    ...floorSpeedRow(results),
    '',
    ...methodSection(results),
    '## Targets (issue 8; the last row is issue 7)',
    '',
    'Measured on the full variant (auth with a cached key, in-memory limits, usage recording, metrics, access log).',
    '',
    ...header(['target', 'measured (added = over the emulator called directly)', 'verdict'], 3),
    ...checkTargets(results).map((check) =>
      row([check.target, check.measured.replaceAll('|', '/'), results.quick ? 'not judged (quick)' : VERDICT[check.verdict]]),
    ),
    '',
    '## Scenarios (full variant, four routes)',
    '',
    ...scenarioSections(results),
    ...featureSection(results),
    ...telemetrySection(results),
    ...memorySection(results),
    ...soakSection(results),
    ...(results.notes.length ? ['## Notes', '', ...results.notes.map((note) => `- ${note}`), ''] : []),
  ];
  return `${lines.join('\n')}\n`;
}
