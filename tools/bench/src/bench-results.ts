import { type Dialect, type RouteId } from './bench-routes';
import { type FixedRateScenarioId, type ScenarioId } from './bench-scenarios';
import { type FeatureStatus, type VariantProbe } from './feature-probes';
import { type Feature, type GatewayVariant } from './gateway-variants';
import { type MachineInfo } from './machine-info';
import { type MachineLoad } from './machine-load';

/** What was measured: the emulator itself, the floor proxy, or a gateway variant on one route. */
export interface TargetRef {
  kind: 'direct' | 'floor' | 'gateway';
  id: string;
  label: string;
  client: Dialect;
  upstream: Dialect;
  route?: RouteId;
  variant?: string;
}

/**
 * The routes phase runs every scenario on the full variant; the features phase one route on every variant; the
 * telemetry phase is issue 7's paired comparison (telemetry on and off, many short alternating slices).
 */
export type Phase = 'routes' | 'features' | 'telemetry';

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface FixedRateMeasurement {
  phase: Phase;
  scenario: FixedRateScenarioId;
  target: TargetRef;
  rate: number;
  scheduled: number;
  completed: number;
  failed: number;
  firstError?: string;
  /** Answers per second of measured time. */
  achievedRate: number;
  latencyMs: Percentiles;
  /** Each round's median latency, in the order of the rounds. */
  roundP50Ms: number[];
  /** Target minus the emulator called directly, same scenario and upstream dialect. */
  overheadMs?: { p50: number; p99: number };
  /** Streams only. */
  timeToFirstTokenMs?: Percentiles;
  timeToFirstTokenOverheadMs?: { p50: number; p99: number };
  contentEventsPerStream?: number;
  /** Median time from the first content event of a stream to its last. */
  contentSpreadP50Ms?: number;
  /** CPU of the target process over the measured windows ÷ answers (floor proxy and gateway only). */
  cpuMicrosPerRequest?: number;
  /** Cores kept busy by processes the benchmark did not start, on average over the measured windows. */
  foreignCores: number;
}

export interface MaxThroughputMeasurement {
  phase: Phase;
  scenario: 'max-throughput';
  target: TargetRef;
  connections: number;
  completed: number;
  failed: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  cpuMicrosPerRequest?: number;
  /** 1 s of one core ÷ CPU per request: what one core would serve with nothing else on it. */
  requestsPerCoreSecond?: number;
  foreignCores: number;
}

export type Measurement = FixedRateMeasurement | MaxThroughputMeasurement;

export interface VariantSummary {
  variant: GatewayVariant;
  available: boolean;
  /** Why not: a config key the gateway does not know yet, Redis not reachable. */
  unavailableReason?: string;
  probe?: VariantProbe;
  features: Partial<Record<Feature, FeatureStatus>>;
  /** Right after start and the probe requests. */
  idleRssMb?: number;
  /** After IDLE_SETTLE_S more seconds without traffic (V8 gives back what start-up used once the process is quiet). */
  settledRssMb?: number;
  peakRssMb?: number;
  requestsServed: number;
  /** The YAML the variant ran with. */
  configYaml: string;
}

export interface StartupSummary {
  readyMs: number[];
  rssAtReadyMb: number[];
}

export interface SoakSegment {
  startS: number;
  completed: number;
  failed: number;
  latencyMs: Percentiles;
  cpuMicrosPerRequest: number;
  rssMb: number;
}

export interface SoakSummary {
  seconds: number;
  rate: number;
  segments: SoakSegment[];
  rssSamples: { atS: number; rssMb: number }[];
  /** (max − min) ÷ min of the RSS samples after the first segment (warm-up), in percent. */
  rssSpreadPercent: number;
  /** The lowest RSS sample of each segment after the first: what survives collection, whose growth would be a leak. */
  segmentFloorsMb: number[];
  /** (max − min) ÷ min of segmentFloorsMb. */
  floorSpreadPercent: number;
}

export interface BenchResults {
  quick: boolean;
  machine: MachineInfo;
  pinned: boolean;
  /** The node flags every gateway process was started with (absent in results from before they were recorded). */
  gatewayNodeFlags?: string[];
  startedAt: string;
  finishedAt: string;
  durationPerTargetS: number;
  rounds: number;
  scenarios: ScenarioId[];
  measurements: Measurement[];
  variants: VariantSummary[];
  floor: { idleRssMb: number; settledRssMb?: number; peakRssMb: number };
  startup?: StartupSummary;
  soak?: SoakSummary;
  /** How late the load generator sent requests over the whole run: the noise floor of every latency. */
  sendLagMs: { p50: number; p99: number };
  cpuTickMicros: number;
  /** The whole run: how busy the machine was and how much of it was other people's work. */
  machineLoad: MachineLoad;
  notes: string[];
}
