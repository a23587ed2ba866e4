import { parseArgs } from 'node:util';
import { SCENARIOS, type ScenarioId } from './bench-scenarios';

export type Section = ScenarioId | 'features' | 'telemetry' | 'startup';

export const SECTIONS: readonly Section[] = [...SCENARIOS.map((scenario) => scenario.id), 'features', 'telemetry', 'startup'];

export interface BenchOptions {
  quick: boolean;
  /** Measured seconds per target in each fixed-rate scenario (split over the rounds); max throughput gets half. */
  durationS: number;
  /** Times each target is visited per scenario, alternating with the others. */
  rounds: number;
  sections: Section[];
  /** Seconds of the soak at 1,000 req/s; 0 for none. */
  soakS: number;
  /** Profile the gateway under 1,000 req/s pass-through instead of benchmarking. */
  profile: boolean;
  /** The gateway variant to profile. */
  variant: string;
  /** Only render the report again from a results file of an earlier run. */
  fromJson?: string;
  out: string;
  json: string;
  redisUrl: string;
  /** Exit with 1 when a target is missed (never in quick mode). */
  strict: boolean;
}

export const USAGE = `npm run bench -- [options]
  --quick            a few seconds in all, no thresholds (CI): every scenario, tiny durations
  --duration S       measured seconds per target and scenario (default 10; quick 0.25)
  --rounds N         visits per target and scenario, alternating targets (default 2; quick 1)
  --scenario LIST    comma-separated: ${SECTIONS.join(', ')} (default: all)
  --soak S           add a soak of S seconds at 1,000 req/s on the full variant, RSS sampled (e.g. --soak 600)
  --profile          run the gateway with --cpu-prof under 1,000 req/s pass-through and print the hot spots
  --variant ID       the gateway variant --profile runs (default full; see tools/bench/src/gateway-variants.ts)
  --from-json FILE   only write the report again from the results of an earlier run
  --out FILE         the Markdown report (default docs/benchmarks.md; quick: dist/bench/benchmarks-quick.md)
  --json FILE        the raw results (default dist/bench/results.json; quick: dist/bench/results-quick.json)
  --redis URL        Redis for the Redis-limits variant (default redis://127.0.0.1:6379)
  --strict           exit 1 when a target is missed`;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) throw new BenchUsageError('');
  const quick = values.quick;
  const number = (name: string, raw: string | undefined, fallback: number, minimum: number) => {
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < minimum) throw new BenchUsageError(`--${name} must be a number ≥ ${minimum}, not ${JSON.stringify(raw)}`);
    return parsed;
  };
  const sections = values.scenario === undefined ? [...SECTIONS] : values.scenario.split(',').map((name) => name.trim());
  const unknown = sections.filter((name) => !SECTIONS.includes(name as Section));
  if (unknown.length) throw new BenchUsageError(`unknown scenario ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  return {
    quick,
    durationS: number('duration', values.duration, quick ? 0.25 : 10, 0.05),
    rounds: Math.round(number('rounds', values.rounds, quick ? 1 : 2, 1)),
    sections: sections as Section[],
    soakS: number('soak', values.soak, 0, 0),
    profile: values.profile,
    variant: values.variant,
    ...(values['from-json'] === undefined ? {} : { fromJson: values['from-json'] }),
    out: values.out ?? (quick ? 'dist/bench/benchmarks-quick.md' : 'docs/benchmarks.md'),
    json: values.json ?? (quick ? 'dist/bench/results-quick.json' : 'dist/bench/results.json'),
    redisUrl: values.redis,
    strict: values.strict && !quick,
  };
}

/** The command line as parseArgs reads it; unknown options throw. */
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      scenario: { type: 'string' },
      soak: { type: 'string', default: '0' },
      profile: { type: 'boolean', default: false },
      variant: { type: 'string', default: 'full' },
      'from-json': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}

export class BenchUsageError extends Error {}
