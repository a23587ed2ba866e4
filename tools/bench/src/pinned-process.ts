import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { cpuMicros } from './process-stats';

let canPin: boolean | undefined;

/** Whether `taskset` works here and there are at least two cores to keep apart. */
export function pinningAvailable(): boolean {
  canPin ??= cpus().length >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return canPin;
}

/** Pins a running process, all its threads (threads it makes later inherit it), to one core; false when it could not. */
function pinProcess(pid: number, core: number): boolean {
  return pinningAvailable() && spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' }).status === 0;
}

/** Pins the calling process to one core; false when it could not. */
export function pinSelf(core: number): boolean {
  return pinProcess(process.pid, core);
}

export interface ProcessLaunch {
  name: string;
  /** Arguments to node. */
  args: string[];
  core: number;
  /** A line on stdout that says the process is ready; its first group is returned as `ready`. */
  readyLine: RegExp;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Gives up waiting for the ready line after this long. */
  readyTimeoutMs?: number;
  /** Adds an IPC channel (for the load generator). */
  ipc?: boolean;
}

/** A node process the benchmark started: pinned to a core, ready, with its output kept for error messages. */
export class PinnedProcess {
  private static readonly started: PinnedProcess[] = [];
  /** Requests the benchmark sent to this process. */
  requestsSent = 0;
  /** Lines written to stdout after the ready line (the access log, when there is one). */
  linesAfterReady = 0;
  /** Milliseconds from spawn to the ready line. */
  readyAfterMs = 0;
  ready = '';
  private readonly tail: string[] = [];
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private exitSignal: NodeJS.Signals | null = null;
  private finalCpuMicros = 0;
  private paused = false;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      // 'close' comes once the output pipes are drained, so every line the process wrote has been counted; it never
      // comes for a child that had an IPC channel, hence the grace period after 'exit'.
      const done = () => resolve(this.exitCode ?? null);
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        this.exitSignal = signal;
        setTimeout(done, 500).unref();
      });
      child.once('close', done);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The last lines the process wrote (stdout and stderr), for messages. */
  get output(): string {
    return this.tail.join('\n');
  }

  /**
   * CPU time used so far, read while the process is measured; when it is gone (a target that died under load), an
   * error that says how it ended and what it said last, instead of the /proc read's ENOENT.
   */
  async measuredCpuMicros(): Promise<number> {
    if (this.running) {
      try {
        return cpuMicros(this.pid);
      } catch (error) {
        // Gone before its exit was handled: give that a moment, so that the message can say how it ended.
        await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 1_000))]);
        if (this.running) throw error;
      }
    }
    const how = this.exitSignal ? `was killed by ${this.exitSignal}` : `exited with ${this.exitCode}`;
    throw new Error(`${this.name} ${how} while it was being measured:\n${this.output}`);
  }

  static start(launch: ProcessLaunch): Promise<PinnedProcess> {
    const pin = pinningAvailable();
    const command = pin ? 'taskset' : process.execPath;
    const args = pin ? ['-c', String(launch.core), process.execPath, ...launch.args] : launch.args;
    const started = performance.now();
    // taskset execs node, so the child's pid is node's own: /proc/PID is the process being measured.
    const child = spawn(command, args, {
      cwd: launch.cwd,
      env: launch.env,
      stdio: launch.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const running = new PinnedProcess(launch.name, child);
    PinnedProcess.started.push(running);
    createInterface({ input: child.stderr! }).on('line', (line) => running.keep(line));
    return new Promise((resolve, reject) => {
      let isReady = false;
      const timer = setTimeout(() => {
        void running.stop();
        reject(new Error(`${launch.name} did not get ready in ${launch.readyTimeoutMs ?? 30_000} ms:\n${running.output}`));
      }, launch.readyTimeoutMs ?? 30_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (isReady) {
          running.linesAfterReady++;
          return;
        }
        running.keep(line);
        const match = launch.readyLine.exec(line);
        if (!match) return;
        isReady = true;
        clearTimeout(timer);
        running.readyAfterMs = performance.now() - started;
        running.ready = match[1] ?? line;
        resolve(running);
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      void running.exited.then((code) => {
        clearTimeout(timer);
        if (!isReady) setTimeout(() => reject(new ProcessExitedError(launch.name, code, running.output)), 50);
      });
    });
  }

  /** CPU time used by every process started here, the exited ones up to their stop: the benchmark's own share of the machine. */
  static totalCpuMicros(): number {
    return PinnedProcess.started.reduce((sum, each) => sum + each.cpuMicros(), 0);
  }

  cpuMicros(): number {
    if (!this.running) return this.finalCpuMicros;
    try {
      this.finalCpuMicros = cpuMicros(this.pid);
    } catch {
      // Exited between the check and the read: keep the last reading.
    }
    return this.finalCpuMicros;
  }

  /** Stops the process (SIGSTOP) while another target is measured on its core, so its timers cost that one nothing. */
  pause(): void {
    if (this.paused || !this.running) return;
    this.paused = this.child.kill('SIGSTOP');
  }

  resume(): void {
    if (!this.paused) return;
    this.child.kill('SIGCONT');
    this.paused = false;
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.resume();
    this.cpuMicros();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private keep(line: string): void {
    this.tail.push(line);
    if (this.tail.length > 40) this.tail.shift();
  }
}

/** A process that exited before it was ready; `output` holds what it said (a config error, say). */
export class ProcessExitedError extends Error {
  constructor(
    readonly processName: string,
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`${processName} exited with ${code} before it was ready:\n${output}`);
  }
}
