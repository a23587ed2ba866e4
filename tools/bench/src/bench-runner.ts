import { join } from 'node:path';
import { type BenchOptions } from './bench-options';
import { type BenchEnvironment, extraGatewayNodeArgs, LOAD_CORE } from './bench-environment';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags';
import { type BenchResults, type Measurement, type VariantSummary } from './bench-results';
import { ROUTES } from './bench-routes';
import { type Scenario, SCENARIOS } from './bench-scenarios';
import { accessLogStatus, PROBE_REQUESTS, probeVariant, tracingStatus, usageStatus } from './feature-probes';
import { FULL_VARIANT, GATEWAY_VARIANTS, TELEMETRY_OFF, TELEMETRY_ON, TELEMETRY_STEPS } from './gateway-variants';
import { LatencyHistogram } from './latency-histogram';
import { machineInfo } from './machine-info';
import { FOREIGN_LOAD_WARNING, measureMachineLoad } from './machine-load';
import { pinSelf, type PinnedProcess } from './pinned-process';
import { cpuTickMicros, memory } from './process-stats';
import { runScenario, type ScenarioRunContext } from './scenario-runner';
import { runSoak } from './soak-runner';
import { measureStartup } from './startup-timer';

/**
 * How many times issue 7's telemetry variants take turns. A round's median moves by 0.1 to 0.4 ms on a 2-core machine,
 * while tracing adds a few hundredths: forty rounds bring the uncertainty of the comparison to about 0.03 ms.
 */
const TELEMETRY_ROUNDS = 40;
const JSON_AT_1000 = SCENARIOS.find((scenario) => scenario.id === 'json-1000')!;
/** Seconds without traffic before idle memory is read again. */
const IDLE_SETTLE_S = 20;
/** Seconds of load on each target before each scenario's measured rounds (JIT compilation, pools, first collections). */
const WARM_UP_S = 3;

/**
 * The whole benchmark: start-up time, then every scenario on the four routes of the full variant, then the feature
 * toggles (one route, every variant), then the optional soak; memory read from /proc throughout.
 */
export async function runBench(options: BenchOptions, environment: BenchEnvironment, log: (line: string) => void): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const stopMachineLoad = measureMachineLoad();
  const pinned = pinSelf(LOAD_CORE);
  const notes: string[] = [];
  const sendLag = new LatencyHistogram();
  const measurements: Measurement[] = [];
  const scenarios = SCENARIOS.filter((scenario) => options.sections.includes(scenario.id));
  const wantFeatures = options.sections.includes('features');
  const wantTelemetry = options.sections.includes('telemetry');
  const floorIdleRssMb = memory(environment.floor.pid).rssMb;

  const startup = options.sections.includes('startup')
    ? await measureStartup(environment.paths.gatewayMain, environment.emulatorUrl, environment.paths.workDir, options.quick ? 1 : 5)
    : undefined;
  if (startup) log(`start-up to ready: ${startup.readyMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  const variantsToRun = GATEWAY_VARIANTS.filter(
    (variant) =>
      wantFeatures ||
      (wantTelemetry && TELEMETRY_STEPS.includes(variant.id)) ||
      (variant === FULL_VARIANT && (scenarios.length > 0 || options.soakS > 0)),
  );
  log(`starting ${variantsToRun.length} gateway variant(s)`);
  const starts = await Promise.all(variantsToRun.map((variant) => environment.startGateway(variant, options.redisUrl)));
  const variants: VariantSummary[] = [];
  const gateways = new Map<string, PinnedProcess>();
  for (const [index, variant] of variantsToRun.entries()) {
    const start = starts[index]!;
    if (!start.ok) {
      variants.push({ variant, available: false, unavailableReason: start.reason, features: {}, requestsServed: 0, configYaml: start.configYaml });
      log(`variant ${variant.id}: ${start.reason}`);
      continue;
    }
    gateways.set(variant.id, start.process);
    const probe = await probeVariant(start.url, variant);
    const broken = Object.entries(probe.routeStatus).filter(([, status]) => status !== 200);
    if (broken.length) notes.push(`${variant.label}: probe requests answered ${broken.map(([route, status]) => `${route} ${status}`).join(', ')}`);
    variants.push({
      variant,
      available: true,
      probe,
      features: probe.features,
      idleRssMb: memory(start.process.pid).rssMb,
      requestsServed: 0,
      configYaml: start.configYaml,
    });
  }

  // Idle memory once the processes are quiet: right after start the heap still holds start-up's garbage, which V8's
  // memory reducer gives back after some seconds without allocation.
  let floorSettledRssMb: number | undefined;
  if (!options.quick && variants.some((summary) => summary.available)) {
    log(`idle: ${IDLE_SETTLE_S} s without traffic`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_S * 1000));
    for (const summary of variants) {
      const gateway = gateways.get(summary.variant.id);
      if (gateway) summary.settledRssMb = memory(gateway.pid).rssMb;
    }
    floorSettledRssMb = memory(environment.floor.pid).rssMb;
  }

  const context: ScenarioRunContext = {
    loadGenerator: environment.loadGenerator,
    phase: 'routes',
    durationS: options.durationS,
    rounds: options.rounds,
    warmUpS: options.quick ? 0.05 : WARM_UP_S,
    drainMs: options.quick ? 3_000 : 10_000,
    sendLag,
    log,
    // Idle gateway variants share the target core: each is paused while anything else is measured.
    focus: (target) => {
      for (const gateway of gateways.values()) {
        if (gateway === target.process) gateway.resume();
        else gateway.pause();
      }
    },
  };
  const full = gateways.get(FULL_VARIANT.id);

  if (scenarios.length > 0 && full) {
    const routeTargets = ROUTES.map((route) => environment.gatewayTarget(FULL_VARIANT, route, full));
    const targets = [
      environment.directTarget('openai-chat'),
      environment.directTarget('anthropic-messages'),
      environment.floorTarget('openai-chat'),
      environment.floorTarget('anthropic-messages'),
      ...routeTargets,
    ];
    for (const scenario of scenarios) measurements.push(...(await runScenario(scenario, targets, context)));
  } else if (scenarios.length > 0) {
    notes.push('The full variant did not start, so the scenario tables are empty.');
  }

  if (wantFeatures) {
    const passThrough = ROUTES[0]!;
    const targets = [
      environment.directTarget('openai-chat'),
      environment.floorTarget('openai-chat'),
      ...variants.filter((summary) => summary.available).map((summary) => environment.gatewayTarget(summary.variant, passThrough, gateways.get(summary.variant.id)!)),
    ];
    const featureScenarios = SCENARIOS.filter((scenario): scenario is Scenario => scenario.id === 'json-1000' || scenario.id === 'max-throughput');
    for (const scenario of featureScenarios) measurements.push(...(await runScenario(scenario, targets, { ...context, phase: 'features' })));
  }

  if (wantTelemetry) {
    // Issue 7: telemetry on against both off, alternating every 2 s (TELEMETRY_ROUNDS rounds), so that the machine's
    // drift over a minute cannot pass for the cost of telemetry; the steps between the two run alongside.
    const passThrough = ROUTES[0]!;
    const steps = TELEMETRY_STEPS.flatMap((id) => variants.filter((summary) => summary.available && summary.variant.id === id));
    if ([TELEMETRY_ON, TELEMETRY_OFF].every((id) => steps.some((summary) => summary.variant.id === id))) {
      const targets = [
        environment.directTarget('openai-chat'),
        ...steps.map((summary) => environment.gatewayTarget(summary.variant, passThrough, gateways.get(summary.variant.id)!)),
      ];
      const pairRounds = options.quick ? 1 : TELEMETRY_ROUNDS;
      measurements.push(
        ...(await runScenario(JSON_AT_1000, targets, { ...context, phase: 'telemetry', rounds: pairRounds, durationS: options.quick ? options.durationS : pairRounds * 2 })),
      );
    } else {
      notes.push(`The telemetry pair did not run: ${TELEMETRY_ON} and ${TELEMETRY_OFF} must both start.`);
    }
  }

  if (full) context.focus?.(environment.gatewayTarget(FULL_VARIANT, ROUTES[0]!, full));
  const soak =
    options.soakS > 0 && full
      ? await runSoak(
          options.soakS,
          environment.loadGenerator,
          ROUTES.map((route) => environment.gatewayTarget(FULL_VARIANT, route, full)),
          log,
        )
      : undefined;
  if (options.soakS > 0 && !full) notes.push('The soak did not run: the full variant did not start.');

  for (const gateway of gateways.values()) gateway.resume();
  for (const summary of variants) {
    const gateway = gateways.get(summary.variant.id);
    if (!gateway) continue;
    if (!gateway.running) {
      notes.push(`${summary.variant.label}: the gateway exited during the run; its last output: ${gateway.output.split('\n').slice(-6).join(' / ')}`);
      continue;
    }
    // VmHWM is updated lazily by the kernel and can trail a VmRSS read a moment earlier: the peak is the larger.
    const now = memory(gateway.pid);
    summary.peakRssMb = Math.max(now.peakRssMb, now.rssMb, summary.idleRssMb ?? 0);
    summary.requestsServed = gateway.requestsSent + PROBE_REQUESTS;
  }
  const floorNow = memory(environment.floor.pid);
  const floorPeakRssMb = Math.max(floorNow.peakRssMb, floorNow.rssMb, floorIdleRssMb);
  const machineLoad = stopMachineLoad();
  const contaminated = measurements.filter((measurement) => measurement.foreignCores > FOREIGN_LOAD_WARNING);
  if (contaminated.length) {
    notes.push(
      `Other processes on the machine (not started by the benchmark) kept more than ${FOREIGN_LOAD_WARNING} of a core busy during ${contaminated.length} of ` +
        `${measurements.length} measurements (marked ⚠ in the tables); over the whole run they used ${machineLoad.foreignCores.toFixed(2)} cores on average.`,
    );
  }

  // Usage records may be flushed only on shutdown, so they are counted once the gateways have stopped.
  await environment.stopGateways();
  for (const summary of variants) {
    if (!summary.available) continue;
    if (summary.variant.features.includes('usage')) {
      summary.features.usage = usageStatus(join(environment.paths.workDir, `${summary.variant.id}.db`), summary.requestsServed);
    }
    if (summary.variant.features.includes('tracing')) summary.features.tracing = tracingStatus(environment.sink);
    if (summary.variant.features.includes('access-log')) summary.features['access-log'] = accessLogStatus(gateways.get(summary.variant.id)!, summary.requestsServed);
  }

  return {
    quick: options.quick,
    machine: machineInfo(environment.paths.root),
    pinned,
    gatewayNodeFlags: [...GATEWAY_NODE_FLAGS, ...extraGatewayNodeArgs()],
    startedAt,
    finishedAt: new Date().toISOString(),
    durationPerTargetS: options.durationS,
    rounds: options.rounds,
    scenarios: scenarios.map((scenario) => scenario.id),
    measurements,
    variants,
    floor: { idleRssMb: floorIdleRssMb, settledRssMb: floorSettledRssMb, peakRssMb: floorPeakRssMb },
    ...(startup ? { startup } : {}),
    ...(soak ? { soak } : {}),
    sendLagMs: { p50: sendLag.percentileMs(50), p99: sendLag.percentileMs(99) },
    cpuTickMicros: cpuTickMicros(),
    machineLoad,
    notes,
  };
}
