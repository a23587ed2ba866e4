// `npm run bench`: the overhead benchmark (see tools/bench/README.md). The same bundle also runs the floor proxy and
// the load generator in their own processes (`--role floor-proxy`, `--role load-generator`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchUsageError, parseBenchOptions, USAGE } from './bench-options';
import { BenchEnvironment } from './bench-environment';
import { runBench } from './bench-runner';
import { profileGateway } from './gateway-profiler';
import { renderMarkdownReport } from './markdown-report';
import { checkTargets } from './target-checks';

function argumentAfter(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index < 0 ? undefined : process.argv[index + 1];
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
  // An orchestrator killed outright cannot stop its children: the proxy leaves when it is orphaned.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 1000).unref();
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
  const workDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const paths = { root, entry, gatewayMain: join(root, 'dist/gateway/main.js'), emulatorCli: join(root, 'dist/emulator/cli.js'), workDir };
  const began = Date.now();
  const log = (line: string) => process.stdout.write(`bench ${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s: ${line}\n`);

  const environment = await BenchEnvironment.start(paths);
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log('interrupted: stopping the processes it started');
    void environment.stop().finally(() => process.exit(130));
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

const role = argumentAfter('--role');
const running = role === 'floor-proxy' ? runFloorProxy() : role === 'load-generator' ? import('./load-generator-process').then((m) => m.serveLoadJobs()) : runOrchestrator();
running.catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
