// `npm run bench`: the overhead benchmark (see tools/bench/README.md). The same bundle also runs the emulator, the
// floor proxy and the load generator in their own processes (`--role emulator|floor-proxy|load-generator`).
import { startEmulator } from '@gatehouse/emulator';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchUsageError, parseBenchOptions, USAGE } from './bench-options';
import { BenchEnvironment } from './bench-environment';
import { type BenchResults } from './bench-results';
import { runBench } from './bench-runner';
import { profileGateway } from './gateway-profiler';
import { STREAM_CHUNK_DELAY_MS, STREAM_CHUNKS } from './bench-scenarios';
import { renderMarkdownReport } from './markdown-report';
import { checkTargets } from './target-checks';

function argumentAfter(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index < 0 ? undefined : process.argv[index + 1];
}

/** Leaves when the orchestrator is gone without having stopped this process (killed outright, or its stdout closed). */
function exitWhenOrphaned(stop: () => void): void {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 1000).unref();
}

async function runEmulator(): Promise<void> {
  const emulator = await startEmulator({
    fast: true,
    streamChunks: Number(argumentAfter('--stream-chunks') ?? STREAM_CHUNKS),
    streamChunkDelayMs: Number(argumentAfter('--chunk-delay-ms') ?? STREAM_CHUNK_DELAY_MS),
  });
  process.stdout.write(`emulator listening on ${emulator.url}\n`);
  const stop = () => void emulator.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  exitWhenOrphaned(stop);
}

async function runFloorProxy(): Promise<void> {
  const { startFloorProxy } = await import('./floor-proxy');
  const upstream = argumentAfter('--upstream');
  if (!upstream) throw new Error('--upstream URL is required');
  const proxy = await startFloorProxy({ upstream, port: Number(argumentAfter('--port') ?? 0) });
  process.stdout.write(`floor proxy listening on ${proxy.url}\n`);
  const stop = () => void proxy.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  exitWhenOrphaned(stop);
}

async function runOrchestrator(): Promise<void> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message ? `bench: ${error.message}\n\n` : ''}${USAGE}\n`);
    process.exit(error.message ? 2 : 0);
  }
  const entry = fileURLToPath(import.meta.url);
  const root = resolve(dirname(entry), '../..');
  if (options.fromJson) {
    const results = JSON.parse(readFileSync(resolve(root, options.fromJson), 'utf8')) as BenchResults;
    writeFileSync(resolve(root, options.out), renderMarkdownReport(results));
    process.stdout.write(`bench: wrote ${options.out} from ${options.fromJson}\n`);
    return;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const paths = { root, entry, gatewayMain: join(root, 'dist/gateway/main.js'), workDir };
  // A reader that goes away (`| head`) must not kill the orchestrator before it has stopped its processes.
  process.stdout.on('error', () => undefined);
  const began = Date.now();
  const log = (line: string) => process.stdout.write(`bench ${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s: ${line}\n`);

  const environment = await BenchEnvironment.start(paths);
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log('interrupted: stopping the processes it started');
    void environment.stop().finally(() => {
      rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    if (options.profile) {
      await profileGateway(environment, options, log);
      return;
    }
    const results = await runBench(options, environment, log);
    const out = resolve(root, options.out);
    const json = resolve(root, options.json);
    mkdirSync(dirname(out), { recursive: true });
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(out, renderMarkdownReport(results));
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${options.out} and ${options.json}`);
    const checks = checkTargets(results);
    for (const check of checks) log(`${options.quick ? 'target (not judged)' : check.verdict.padEnd(12)} ${check.target}: ${check.measured}`);
    if (options.strict && checks.some((check) => check.verdict === 'miss')) process.exitCode = 1;
  } finally {
    await environment.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const ROLES: Record<string, () => Promise<void>> = {
  emulator: runEmulator,
  'floor-proxy': runFloorProxy,
  'load-generator': () => import('./load-generator-process').then((module) => module.serveLoadJobs()),
};
const role = argumentAfter('--role');
const running = role === undefined ? runOrchestrator() : (ROLES[role] ?? (() => Promise.reject(new Error(`unknown role ${role}`))))();
running.catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
