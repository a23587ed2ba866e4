import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchOptions } from './bench-options';
import { type BenchEnvironment } from './bench-environment';
import { ROUTES } from './bench-routes';
import { type FixedRateScenario, SCENARIOS } from './bench-scenarios';
import { type CpuProfile, mainThreadProfile, summarizeCpuProfile } from './cpu-profile-summary';
import { GATEWAY_VARIANTS } from './gateway-variants';
import { LatencyHistogram } from './latency-histogram';
import { cpuMicros } from './process-stats';

/** The scenario to profile: the one fixed-rate scenario named with --scenario, else JSON at 1,000 req/s. */
function profiledScenario(options: BenchOptions): FixedRateScenario {
  const fixedRate = SCENARIOS.filter((scenario): scenario is FixedRateScenario => scenario.kind === 'open-loop');
  const named = fixedRate.filter((scenario) => options.sections.includes(scenario.id));
  return named.length === 1 ? named[0]! : fixedRate.find((scenario) => scenario.id === 'json-1000')!;
}

/**
 * `npm run bench -- --profile [--scenario prompt-130k]`: a gateway variant (`--variant`, default full) under `node --cpu-prof`, warmed up, then held
 * at the scenario's rate (default JSON at 1,000 req/s) of OpenAI → OpenAI pass-through; the profile is written when
 * the gateway stops and summarised by self and total time, start-up and warm-up left out. Writes the .cpuprofile
 * (open it in Chrome DevTools) and a Markdown summary to dist/bench/profile.md.
 */
export async function profileGateway(environment: BenchEnvironment, options: BenchOptions, log: (line: string) => void): Promise<void> {
  const profileDir = resolve(environment.paths.root, 'dist/bench/profiles');
  mkdirSync(profileDir, { recursive: true });
  const before = new Set(readdirSync(profileDir));
  const spawnedAt = performance.now();
  const variant = GATEWAY_VARIANTS.find((each) => each.id === options.variant);
  if (!variant) throw new Error(`no variant "${options.variant}" (known: ${GATEWAY_VARIANTS.map((each) => each.id).join(', ')})`);
  const start = await environment.startGateway(variant, options.redisUrl, ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '250']);
  if (!start.ok) throw new Error(`the ${variant.id} variant did not start: ${start.reason}`);
  const scenario = profiledScenario(options);
  const target = environment.gatewayTarget(variant, ROUTES[0]!, start.process);
  const load = (durationMs: number) =>
    environment.loadGenerator.openLoop({ origin: target.origin, requests: [target.request(scenario.payload)], rate: scenario.rate, durationMs, drainMs: 10_000 });
  log('profiling: warm-up');
  await load(options.quick ? 500 : 5_000);
  const skipMs = performance.now() - spawnedAt;
  log(`profiling: ${options.durationS} s of ${scenario.label}, OpenAI → OpenAI pass-through`);
  const cpuBefore = cpuMicros(start.process.pid);
  const result = await load(options.durationS * 1000);
  const cpuPerRequest = (cpuMicros(start.process.pid) - cpuBefore) / Math.max(1, result.completed);
  await environment.stopGateways();
  const written = mainThreadProfile(readdirSync(profileDir).filter((name) => !before.has(name)));
  if (written === undefined) throw new Error(`the gateway wrote no .cpuprofile of its main thread into ${profileDir}`);
  const file = join(profileDir, written);
  const summary = summarizeCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, skipMs);
  const latency = LatencyHistogram.from(result.latency);
  const lines = [
    `# Gateway CPU profile: ${scenario.label}, OpenAI → OpenAI pass-through, ${variant.label}`,
    '',
    `${result.completed} answers, ${result.failed} failed; latency p50 ${latency.percentileMs(50).toFixed(2)} ms, p99 ${latency.percentileMs(99).toFixed(2)} ms` +
      ` (under the profiler); ${cpuPerRequest.toFixed(0)} µs CPU per request; busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms` +
      ` of the sampled window. Profile: ${file}`,
    '',
    '## Self time by function',
    '',
    '| self ms | % of busy | function | where |',
    '| ---: | ---: | --- | --- |',
    ...summary.self.map((spot) => `| ${spot.ms.toFixed(0)} | ${spot.percent.toFixed(1)} | ${spot.name} | ${spot.location} |`),
    '',
    '## Total time (self and callees) by function of apps/ and libs/',
    '',
    '| total ms | % of busy | function | where |',
    '| ---: | ---: | --- | --- |',
    ...summary.total.map((spot) => `| ${spot.ms.toFixed(0)} | ${spot.percent.toFixed(1)} | ${spot.name} | ${spot.location} |`),
    '',
    '## Self time by package or folder',
    '',
    '| self ms | % of busy | where |',
    '| ---: | ---: | --- |',
    ...summary.groups.map((group) => `| ${group.ms.toFixed(0)} | ${group.percent.toFixed(1)} | ${group.group} |`),
    '',
  ];
  const summaryFile = join(environment.paths.root, 'dist/bench/profile.md');
  writeFileSync(summaryFile, lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
  log(`wrote ${summaryFile}`);
}
