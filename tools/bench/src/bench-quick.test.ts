import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchResults, type FixedRateMeasurement, type MaxThroughputMeasurement } from './bench-results';
import { ROUTES } from './bench-routes';
import { SCENARIOS } from './bench-scenarios';
import { GATEWAY_VARIANTS } from './gateway-variants';

// `npm run bench -- --quick` end to end, as CI runs it so that the benchmark cannot rot: the real bundles, the real
// processes. No thresholds: only that every scenario and route produced numbers and the report shows them.

const root = new URL('../../../', import.meta.url).pathname;
const workDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-test-'));
const reportFile = join(workDir, 'benchmarks.md');
const resultsFile = join(workDir, 'results.json');
let run: ReturnType<typeof spawnSync>;
let results: BenchResults;
let report: string;

beforeAll(() => {
  // The Node bundles are built first; a dashboard that does not build (work in progress elsewhere) does not matter here,
  // an esbuild error in the bundles the benchmark runs does.
  const build = spawnSync(process.execPath, ['tools/build.mjs', '--if-missing'], { cwd: root, encoding: 'utf8' });
  const bundles = ['dist/bench/run.js', 'dist/gateway/main.js'];
  if (build.status !== 0 && (/\[ERROR\]/.test(build.stderr) || !bundles.every((bundle) => existsSync(join(root, bundle))))) {
    throw new Error(`build failed: ${build.stderr}`);
  }
  run = spawnSync(process.execPath, ['dist/bench/run.js', '--quick', '--out', reportFile, '--json', resultsFile], {
    cwd: root,
    encoding: 'utf8',
    timeout: 150_000,
  });
  if (run.status !== 0) throw new Error(`the quick benchmark exited with ${run.status}:\n${String(run.stdout)}\n${String(run.stderr)}`);
  results = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults;
  report = readFileSync(reportFile, 'utf8');
}, 180_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const finite = (value: number | undefined) => typeof value === 'number' && Number.isFinite(value);
const targetsPerScenario = ['direct-openai-chat', 'direct-anthropic-messages', 'floor-openai-chat', 'floor-anthropic-messages', ...ROUTES.map((route) => `full/${route.id}`)];

describe('npm run bench -- --quick', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario]))('measures %s on the emulator, the floor proxy and all four gateway routes', (_, scenario) => {
    const rows = results.measurements.filter((measurement) => measurement.phase === 'routes' && measurement.scenario === scenario.id);
    expect(rows.map((row) => row.target.id).sort()).toEqual([...targetsPerScenario].sort());
    for (const row of rows) {
      expect(row.completed, row.target.id).toBeGreaterThan(0);
      const measuredByCpu = row.target.kind !== 'direct';
      if (row.scenario === 'max-throughput') {
        const max = row as MaxThroughputMeasurement;
        expect(finite(max.requestsPerSecond) && max.requestsPerSecond > 0, row.target.id).toBe(true);
        if (measuredByCpu) expect(finite(max.cpuMicrosPerRequest) && finite(max.requestsPerCoreSecond), row.target.id).toBe(true);
        continue;
      }
      const fixed = row as FixedRateMeasurement;
      expect(finite(fixed.latencyMs.p50) && finite(fixed.latencyMs.p99), row.target.id).toBe(true);
      expect(fixed.roundP50Ms.length, row.target.id).toBe(results.rounds);
      expect(fixed.roundP50Ms.every(finite), row.target.id).toBe(true);
      if (measuredByCpu) expect(finite(fixed.overheadMs?.p50) && finite(fixed.overheadMs?.p99) && finite(fixed.cpuMicrosPerRequest), row.target.id).toBe(true);
      if (scenario.payload === 'stream') {
        expect(finite(fixed.timeToFirstTokenMs?.p50), row.target.id).toBe(true);
        expect(fixed.contentEventsPerStream, row.target.id).toBe(20);
        if (measuredByCpu) expect(finite(fixed.timeToFirstTokenOverheadMs?.p50), row.target.id).toBe(true);
      }
    }
  });

  it('shows every scenario in the Markdown report with a row of numbers per target', () => {
    for (const scenario of SCENARIOS) {
      const section = report.split(`### ${scenario.label}\n`)[1]?.trimStart().split('\n\n')[0];
      expect(section, scenario.label).toBeDefined();
      const rows = section!.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| target') && !line.startsWith('| ---'));
      expect(rows, scenario.label).toHaveLength(targetsPerScenario.length);
      for (const route of ROUTES) {
        const row = rows.find((line) => line.startsWith(`| gateway: ${route.label}`));
        expect(row, `${scenario.label}: ${route.label}`).toBeDefined();
        // answers/s and the next three columns (latencies or TTFT) are numbers.
        const cells = row!.split('|').slice(2, 6).map((cell) => cell.trim().replace(/,/g, ''));
        for (const cell of cells) expect(cell, `${scenario.label}: ${route.label}: ${row}`).toMatch(/^[+-]?\d+(\.\d+)?$/);
      }
    }
  });

  it('runs every feature variant the gateway accepts, and names the missing config key of the others', () => {
    expect(results.variants.map((summary) => summary.variant.id)).toEqual(GATEWAY_VARIANTS.map((variant) => variant.id));
    expect(results.variants.find((summary) => summary.variant.id === 'full')!.available).toBe(true);
    for (const summary of results.variants) {
      if (!summary.available) {
        expect(summary.unavailableReason).toMatch(/not available yet|Redis is not reachable/);
        continue;
      }
      const featureRows = results.measurements.filter((measurement) => measurement.phase === 'features' && measurement.target.variant === summary.variant.id);
      expect(featureRows.map((row) => row.scenario).sort(), summary.variant.id).toEqual(['json-1000', 'max-throughput']);
      for (const row of featureRows) expect(finite(row.cpuMicrosPerRequest), `${summary.variant.id} ${row.scenario}`).toBe(true);
      expect(summary.idleRssMb, summary.variant.id).toBeGreaterThan(0);
      expect(summary.peakRssMb, `${summary.variant.id} (${results.notes.join('; ')})`).toBeGreaterThanOrEqual(summary.idleRssMb!);
    }
    expect(report).toContain('## Feature toggles');
  });

  it('runs the paired telemetry comparison of issue 7: tracing and metrics on, both off, and the emulator directly', () => {
    const rows = results.measurements.filter((measurement) => measurement.phase === 'telemetry');
    expect(rows.map((row) => row.target.id).sort()).toEqual(
      ['direct-openai-chat', 'full-tracing/openai-openai', 'no-metrics/openai-openai', 'full/openai-openai', 'full-tracing-sampled/openai-openai'].sort(),
    );
    for (const row of rows) expect(row.completed, row.target.id).toBeGreaterThan(0);
    expect(report).toContain('tracing and metrics on: median added latency within 10% of both off (issue 7)');
    // One row per variant, named by the variant (they all run the same route).
    expect(report).toMatch(/## Telemetry \(issue 7\)[^#]*\| full \+ tracing, 10% of traces recorded \|[^#]*\| full \+ tracing \|/);
  });

  it('measures start-up with the embedded default and judges nothing in quick mode', () => {
    expect(results.startup!.readyMs[0]).toBeGreaterThan(0);
    expect(report).toContain('## Targets (issue 8; the last row is issue 7)');
    expect(report).not.toMatch(/✅|❌/);
    expect(report).toContain(`Node.js | ${process.version}`);
    // How fast the machine was: the floor proxy's own figures at 1,000 req/s, beside issue 8's reference machine.
    expect(report).toMatch(/\| the floor proxy at 1,000 req\/s \(how fast the machine was\) \| added p50 [+-]\d+\.\d\d \/ [+-]\d+\.\d\d ms, p99 .* µs CPU per request/);
  });
});
