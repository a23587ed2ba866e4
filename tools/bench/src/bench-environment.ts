import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { type Dialect, DIALECT_LABEL, type Route } from './bench-routes';
import { STREAM_CHUNK_DELAY_MS, STREAM_CHUNKS } from './bench-scenarios';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags';
import { BENCH_KEY, type GatewayVariant, variantConfigYaml } from './gateway-variants';
import { LiveTarget } from './live-target';
import { LoadGenerator } from './load-generator';
import { type OtlpSink, startOtlpSink } from './otlp-sink';
import { PinnedProcess, ProcessExitedError } from './pinned-process';

/** Where the gateway and the floor proxy run; the load generator, the emulator and the orchestrator get the other core. */
export const TARGET_CORE = 0;
export const LOAD_CORE = 1;

export interface BenchPaths {
  root: string;
  /** dist/bench/run.js: the emulator, the floor proxy and the load generator are this same file in another role. */
  entry: string;
  gatewayMain: string;
  /** A fresh temporary folder for configs and SQLite files. */
  workDir: string;
}

export type GatewayStart = { ok: true; process: PinnedProcess; url: string; configYaml: string } | { ok: false; reason: string; configYaml: string };

/** A clean environment for the gateway: nothing of the caller's GATEHOUSE_*, provider keys or database URLs leaks in. */
export function gatewayEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) if (process.env[name] !== undefined) kept[name] = process.env[name];
  return { ...kept, ...extra };
}

/** The processes every benchmark needs: the emulator (fast mode), the floor proxy, the OTLP sink, the load generator. */
export class BenchEnvironment {
  private readonly gatewayProcesses: PinnedProcess[] = [];

  private constructor(
    readonly paths: BenchPaths,
    readonly emulator: PinnedProcess,
    readonly floor: PinnedProcess,
    readonly sink: OtlpSink,
    readonly loadGenerator: LoadGenerator,
  ) {}

  static async start(paths: BenchPaths): Promise<BenchEnvironment> {
    const started: { stop(): Promise<void> }[] = [];
    try {
      const emulator = await PinnedProcess.start({
        name: 'emulator',
        args: [paths.entry, '--role', 'emulator', '--stream-chunks', String(STREAM_CHUNKS), '--chunk-delay-ms', String(STREAM_CHUNK_DELAY_MS)],
        core: LOAD_CORE,
        cwd: paths.root,
        env: gatewayEnvironment(),
        readyLine: /^emulator listening on (\S+)$/,
      });
      started.push(emulator);
      const floor = await PinnedProcess.start({
        name: 'floor proxy',
        args: [paths.entry, '--role', 'floor-proxy', '--upstream', emulator.ready],
        core: TARGET_CORE,
        cwd: paths.root,
        env: gatewayEnvironment(),
        readyLine: /^floor proxy listening on (\S+)$/,
      });
      started.push(floor);
      const sink = await startOtlpSink();
      started.push({ stop: () => sink.close() });
      const loadGenerator = await LoadGenerator.start(paths.entry, LOAD_CORE, paths.root);
      return new BenchEnvironment(paths, emulator, floor, sink, loadGenerator);
    } catch (error) {
      for (const each of started.reverse()) await each.stop();
      throw error;
    }
  }

  get emulatorUrl(): string {
    return this.emulator.ready;
  }

  directTarget(dialect: Dialect): LiveTarget {
    const label = `emulator direct (${DIALECT_LABEL[dialect]})`;
    // The emulator's own CPU per request is the cost of a bare node:http server on this machine: a reference, not a target.
    return new LiveTarget(
      { kind: 'direct', id: `direct-${dialect}`, label, client: dialect, upstream: dialect },
      this.emulatorUrl,
      'emulator-fast',
      'bench-direct',
      this.emulator,
    );
  }

  floorTarget(dialect: Dialect): LiveTarget {
    const label = `floor proxy (${DIALECT_LABEL[dialect]})`;
    return new LiveTarget({ kind: 'floor', id: `floor-${dialect}`, label, client: dialect, upstream: dialect }, this.floor.ready, 'emulator-fast', 'bench-floor', this.floor);
  }

  gatewayTarget(variant: GatewayVariant, route: Route, gateway: PinnedProcess): LiveTarget {
    return new LiveTarget(
      { kind: 'gateway', id: `${variant.id}/${route.id}`, label: route.label, client: route.client, upstream: route.upstream, route: route.id, variant: variant.id },
      gateway.ready,
      route.model,
      BENCH_KEY,
      gateway,
    );
  }

  /** Starts a gateway variant on the target core; a config the gateway refuses (a key it does not know yet) is not a failure. */
  async startGateway(variant: GatewayVariant, redisUrl: string, nodeArgs: string[] = []): Promise<GatewayStart> {
    const configYaml = variantConfigYaml(variant, { emulatorUrl: this.emulatorUrl, otlpUrl: this.sink.url, redisUrl, dataDir: this.paths.workDir });
    if (variant.features.includes('redis-limits') && !(await reachable(redisUrl))) {
      return { ok: false, reason: `Redis is not reachable at ${redisUrl}`, configYaml };
    }
    const configFile = join(this.paths.workDir, `${variant.id}.yaml`);
    writeFileSync(configFile, configYaml);
    try {
      const gateway = await PinnedProcess.start({
        name: `gateway (${variant.id})`,
        args: [...GATEWAY_NODE_FLAGS, ...extraGatewayNodeArgs(), ...nodeArgs, this.paths.gatewayMain, '--config', configFile],
        core: TARGET_CORE,
        cwd: this.paths.workDir,
        env: gatewayEnvironment(),
        readyLine: /^gatehouse listening on (\S+)$/,
        readyTimeoutMs: 60_000,
      });
      this.gatewayProcesses.push(gateway);
      return { ok: true, process: gateway, url: gateway.ready, configYaml };
    } catch (error) {
      if (!(error instanceof ProcessExitedError)) throw error;
      const refused = /invalid configuration/.test(error.output);
      const lines = error.output.split('\n').filter((line) => line.trim() && !/invalid configuration/.test(line));
      return { ok: false, reason: `${refused ? 'not available yet: the gateway refused the config: ' : 'failed to start: '}${lines.slice(0, 4).join(' ')}`, configYaml };
    }
  }

  async stopGateways(): Promise<void> {
    await Promise.all(this.gatewayProcesses.map((gateway) => gateway.stop()));
  }

  async stop(): Promise<void> {
    await this.stopGateways();
    await this.loadGenerator.stop().catch(() => undefined);
    await this.floor.stop();
    await this.emulator.stop();
    await this.sink.close();
  }
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** BENCH_GATEWAY_NODE_ARGS: node options for every gateway process (space-separated), to try V8 or Node flags. */
export function extraGatewayNodeArgs(): string[] {
  return (process.env['BENCH_GATEWAY_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
}
